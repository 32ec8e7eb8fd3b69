// Music workloads: download size, load time and time to generate 4 and 32 bars with each shipped MusicRNN.
import { medianMs } from './timing';
import type { BenchMeasurement, Workload } from './types';

export const musicWorkload: Workload = {
  id: 'music',
  label: 'Music studio',
  async run({ status }) {
    const [{ MusicRNN }, music] = await Promise.all([
      import('@magenta/music/es6/music_rnn'),
      import('@/lib/music'),
    ]);
    const out: BenchMeasurement[] = [];
    for (const [id, kind] of [
      ['melody_rnn', 'melody'],
      ['drum_rnn', 'drums'],
    ] as const) {
      const info = music.MUSIC_MODELS[id];
      out.push({
        id: `music.${id}.bytes`,
        label: `${id}: weights download`,
        value: info.bytes / 1e6,
        unit: 'MB',
      });
      status(`${id}: loading`);
      const t0 = performance.now();
      const rnn = new MusicRNN(info.url);
      await rnn.initialize();
      out.push({
        id: `music.${id}.load`,
        label: `${id}: load and initialise`,
        value: performance.now() - t0,
        unit: 'ms',
      });
      const model = rnn as unknown as import('@/lib/music').SequenceContinuer;
      for (const bars of [4, 32]) {
        status(`${id}: ${bars} bars`);
        const ms = await medianMs(() => music.generateClip(model, { kind, bars, temperature: 1 }), {
          warmup: 1,
          reps: bars === 4 ? 3 : 1,
        });
        out.push({
          id: `music.${id}.generate${bars}`,
          label: `${id}: generate ${bars} bars (${bars * 16} steps)`,
          value: ms,
          unit: 'ms',
        });
      }
      rnn.dispose();
    }
    return out;
  },
};
