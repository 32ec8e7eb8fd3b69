// Music workloads, per backend: download size, load time, and time to generate 4 and 32 bars with each
// shipped model (MusicRNNs continue step by step; the 2-bar MusicVAE samples 2 bars per decode, so 4 bars
// is 2 samples and 32 bars 16 samples, decoded in one batch; the GrooVAEs go two bars per decode).
import { medianMs } from './timing';
import type { BenchMeasurement, Workload } from './types';

/** The RNNs: which kind of clip each makes, and a chord progression for the chord-conditioned one. */
const RNNS = [
  { id: 'melody_rnn', kind: 'melody' },
  { id: 'drum_rnn', kind: 'drums' },
  { id: 'chord_melody_rnn', kind: 'melody', chords: ['C', 'Am', 'F', 'G'] },
] as const;

export const musicWorkload: Workload = {
  id: 'music',
  label: 'Music studio',
  async run({ status }) {
    const [{ MusicRNN }, { MusicVAE }, music] = await Promise.all([
      import('@magenta/music/es6/music_rnn'),
      import('@magenta/music/es6/music_vae'),
      import('@/lib/music'),
    ]);
    const out: BenchMeasurement[] = [];
    const size = (id: string) => {
      const info = music.MUSIC_MODELS[id];
      out.push({
        id: `music.${id}.bytes`,
        label: `${id}: weights download`,
        value: info.bytes / 1e6,
        unit: 'MB',
      });
      return info;
    };
    const loaded = (id: string, t0: number) =>
      out.push({
        id: `music.${id}.load`,
        label: `${id}: load and initialise`,
        value: performance.now() - t0,
        unit: 'ms',
      });

    for (const { id, kind, ...rest } of RNNS) {
      const info = size(id);
      status(`${id}: loading`);
      const t0 = performance.now();
      const rnn = new MusicRNN(info.url);
      await rnn.initialize();
      loaded(id, t0);
      const model = rnn as unknown as import('@/lib/music').SequenceContinuer;
      const chords = 'chords' in rest ? rest.chords : undefined;
      for (const bars of [4, 32]) {
        status(`${id}: ${bars} bars`);
        const chordProgression = chords
          ? Array.from({ length: bars }, (_, i) => chords[i % chords.length])
          : undefined;
        const ms = await medianMs(
          () => music.generateClip(model, { kind, bars, temperature: 1, chordProgression }),
          { warmup: 1, reps: bars === 4 ? 3 : 1 },
        );
        out.push({
          id: `music.${id}.generate${bars}`,
          label: `${id}: generate ${bars} bars (${bars * 16} steps)`,
          value: ms,
          unit: 'ms',
        });
      }
      rnn.dispose();
    }

    const vaeInfo = size('mel_2bar_vae');
    status('mel_2bar_vae: loading');
    const t0 = performance.now();
    const vae = new MusicVAE(vaeInfo.url);
    await vae.initialize();
    loaded('mel_2bar_vae', t0);
    for (const bars of [4, 32]) {
      status(`mel_2bar_vae: ${bars} bars`);
      const ms = await medianMs(() => vae.sample(bars / 2, 1), { warmup: 1, reps: bars === 4 ? 3 : 1 });
      out.push({
        id: `music.mel_2bar_vae.generate${bars}`,
        label: `mel_2bar_vae: sample ${bars} bars (${bars / 2} × 2-bar decodes)`,
        value: ms,
        unit: 'ms',
      });
    }
    vae.dispose();

    // GrooVAE: Groove a plain beat and Drumify a plain rhythm of 4 and 32 bars (two bars per decode).
    const beat = (bars: number) =>
      Array.from({ length: bars * 16 }, (_, step) => [
        ...(step % 8 === 0 ? [36] : []),
        ...(step % 8 === 4 ? [38] : []),
        ...(step % 2 === 0 ? [42] : []),
      ]).flatMap((pitches, step) =>
        pitches.map((pitch) => ({
          pitch,
          quantizedStartStep: step,
          quantizedEndStep: step + 1,
          isDrum: true,
        })),
      );
    for (const [id, run] of [
      ['groovae_2bar_humanize', music.grooveClip],
      ['groovae_2bar_tap', music.drumifyClip],
    ] as const) {
      const info = size(id);
      status(`${id}: loading`);
      const t1 = performance.now();
      const gv = new MusicVAE(info.url);
      await gv.initialize();
      loaded(id, t1);
      const model = gv as unknown as import('@/lib/music').GrooveModel;
      for (const bars of [4, 32]) {
        status(`${id}: ${bars} bars`);
        const clip = { notes: beat(bars), totalQuantizedSteps: bars * 16, qpm: 120 };
        const ms = await medianMs(() => run(model, clip), { warmup: 1, reps: bars === 4 ? 3 : 1 });
        out.push({
          id: `music.${id}.generate${bars}`,
          label: `${id}: ${id.endsWith('tap') ? 'drumify' : 'groove'} ${bars} bars (${bars / 2} × 2-bar decodes)`,
          value: ms,
          unit: 'ms',
        });
      }
      gv.dispose();
    }
    return out;
  },
};
