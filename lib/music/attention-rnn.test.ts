// Our PyTorch-trained attention melody checkpoint (Magenta's attention_rnn configuration), run by
// Magenta's own MusicRNN with its AttentionWrapper: probabilities must equal PyTorch's.
import { expect } from 'vitest';
import { describeMusicRnnParity } from './music-rnn-parity';

describeMusicRnnParity({
  modelDir: 'models/music/attention_rnn',
  depth: 83 - 48 + 3,
  checkSample: (seq) => {
    for (const n of seq.notes ?? []) {
      expect(n.pitch).toBeGreaterThanOrEqual(48);
      expect(n.pitch).toBeLessThanOrEqual(83);
    }
  },
});
