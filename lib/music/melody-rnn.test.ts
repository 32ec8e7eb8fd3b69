// Our PyTorch-trained Nottingham melody checkpoint, loaded and run by Magenta's own MusicRNN.
import { expect } from 'vitest';
import { describeMusicRnnParity } from './music-rnn-parity';

describeMusicRnnParity({
  modelDir: 'models/music/melody_rnn',
  depth: 83 - 48 + 3,
  checkSample: (seq) => {
    for (const n of seq.notes ?? []) {
      expect(n.pitch).toBeGreaterThanOrEqual(48);
      expect(n.pitch).toBeLessThanOrEqual(83);
    }
  },
});
