// Our PyTorch-trained Groove MIDI drum checkpoint, loaded and run by Magenta's own MusicRNN.
import { expect } from 'vitest';
import { describeMusicRnnParity } from './music-rnn-parity';

/** First pitch of each of the 9 classes in drum_rnn/config.json: what Magenta writes on output. */
const CLASS_PITCHES = [36, 38, 42, 46, 43, 47, 50, 49, 51];

describeMusicRnnParity({
  modelDir: 'models/music/drum_rnn',
  depth: 512,
  checkSample: (seq) => {
    for (const n of seq.notes ?? []) expect(CLASS_PITCHES).toContain(n.pitch);
  },
});
