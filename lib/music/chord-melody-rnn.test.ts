// Our PyTorch-trained chord-conditioned Nottingham melody checkpoint (PitchChordEncoder), run by
// Magenta's own MusicRNN with a chord progression.
import { expect } from 'vitest';
import { describeMusicRnnParity } from './music-rnn-parity';

describeMusicRnnParity({
  modelDir: 'models/music/chord_melody_rnn',
  depth: 83 - 48 + 3,
  checkSample: (seq) => {
    for (const n of seq.notes ?? []) {
      expect(n.pitch).toBeGreaterThanOrEqual(48);
      expect(n.pitch).toBeLessThanOrEqual(83);
    }
  },
});
