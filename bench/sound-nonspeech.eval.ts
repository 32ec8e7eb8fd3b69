// Non-speech few-shot check of head-side features (issue 19): frozen embedding vs embedding + per-band
// mean/std of the log-mel spectrogram, with per-feature standardisation fitted on the training
// examples, and L2 normalisation. Tuning clips from scripts/sound/make_nonspeech_tuning.sh (.cache/sfx);
// the committed fixtures (clap, whistle, speech, noise) are checked with the same code. First 3.2 s of
// each 5-s file train (1-s windows every 0.44 s), the last 1.8 s test. Dense head, 30 epochs of batch 32,
// seeds 1 and 2. Run: npx vitest run --config bench/vitest.eval.config.ts bench/sound-nonspeech.eval.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { AUDIO_SAMPLE_RATE, decodeWav, resample, spectrogramsOf, toMono } from '@/lib/audio';
import { trainHead, disposeHead } from '@/lib/transfer';
import * as tf from '@tensorflow/tfjs';
import { fsModelHandler, modelDir, REPO_ROOT } from '@/lib/pretrained/digits/node-files.test-util';
import { createSoundFeatureExtractor, loadSoundEmbedding } from '@/lib/pretrained/sound-embedding';

function load(p: string): Float32Array {
  const wav = decodeWav(new Uint8Array(readFileSync(p)), p);
  return resample(toMono(wav.channels), wav.sampleRate, AUDIO_SAMPLE_RATE);
}
function windows(x: Float32Array, from: number, to: number, hop: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let s = from; s + 1 <= to + 1e-9; s += hop) {
    const st = Math.round(s * AUDIO_SAMPLE_RATE);
    const w = new Float32Array(AUDIO_SAMPLE_RATE);
    w.set(x.slice(st, st + AUDIO_SAMPLE_RATE));
    out.push(w);
  }
  return out;
}
const C = path.join(REPO_ROOT, '.cache', 'sfx');
const FX = path.join(REPO_ROOT, 'tests', 'fixtures', 'sound');
const TASKS: Record<string, string[]> = {
  tuneA: ['knock-a', 'beep-a', 'piano-a', 'guitar-a', 'drum-a', 'noise-a'].map((f) =>
    path.join(C, f + '.wav'),
  ),
  tuneB: ['knock-b', 'beep-b', 'flute-b', 'rain-b', 'piano-b', 'noise-b'].map((f) =>
    path.join(C, f + '.wav'),
  ),
  tuneC: ['flute-a', 'guitar-b', 'drum-b', 'rain-a', 'noise-b'].map((f) => path.join(C, f + '.wav')),
  speech: ['up', 'down', 'left', 'noise'].map((f) => path.join(FX, 'sounds-dev', f)),
  fixtures: ['clap', 'whistle', 'speech', 'noise'].map((f) => path.join(FX, f + '.wav')),
};
function stats(d: Float32Array, frames: number, bins: number): Float32Array {
  const out = new Float32Array(bins * 2);
  for (let b = 0; b < bins; b++) {
    let m = 0;
    for (let t = 0; t < frames; t++) m += d[t * bins + b]!;
    m /= frames;
    let v = 0;
    for (let t = 0; t < frames; t++) v += (d[t * bins + b]! - m) ** 2;
    out[b] = m;
    out[bins + b] = Math.sqrt(v / frames);
  }
  return out;
}
function standardise(train: Float32Array[], all: Float32Array[][], shrink = false): Float32Array[][] {
  const n = train[0]!.length;
  const mu = new Float64Array(n),
    sd = new Float64Array(n);
  for (const x of train) for (let i = 0; i < n; i++) mu[i] += x[i]! / train.length;
  for (const x of train) for (let i = 0; i < n; i++) sd[i] += (x[i]! - mu[i]!) ** 2 / train.length;
  return all.map((l) =>
    l.map((x) =>
      Float32Array.from(
        x,
        (v, i) => (v - mu[i]!) / Math.sqrt(sd[i]! + 1e-6 + (shrink ? 0.25 * (i < 128 ? 1 : 2.15 ** 2) : 0)),
      ),
    ),
  );
}
function l2(all: Float32Array[][]): Float32Array[][] {
  return all.map((l) =>
    l.map((x) => {
      const n = Math.hypot(...x) || 1;
      return Float32Array.from(x, (v) => (v / n) * Math.sqrt(x.length));
    }),
  );
}
const fixed = (st: Float32Array, w: number) =>
  Float32Array.from(st, (v, i) => (w * (i < st.length / 2 ? v + 12.4 : v)) / 2.15);
const cat = (a: Float32Array, b: Float32Array) => {
  const o = new Float32Array(a.length + b.length);
  o.set(a);
  o.set(b, a.length);
  return o;
};

it('experiment', async () => {
  const ex = createSoundFeatureExtractor(
    await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')) }),
  );
  const lines: string[] = [];
  for (const [name, files] of Object.entries(TASKS)) {
    // speech: the sounds-dev fixtures (5 speakers train, 4 others test), whole 1-s clips.
    const sounds = name === 'speech' ? [] : files.map(load);
    const clips = (suffix: string) =>
      files.map((f) => load(f + suffix)).map((x) => windows(x, 0, x.length / 16000, 1));
    const tr = name === 'speech' ? clips('-train.wav') : sounds.map((x) => windows(x, 0, 3.2, 0.44));
    const te =
      name === 'speech'
        ? clips('-test.wav')
        : sounds.map((x) => windows(x, 3.2, 5, name === 'fixtures' ? 0.4 : 0.2));
    const feat = async (w: Float32Array[][]) => {
      const e: Float32Array[][] = [],
        s: Float32Array[][] = [];
      for (const l of w) {
        e.push(await ex.extractMany(l));
        s.push(spectrogramsOf(l).map((sp) => stats(sp.data, sp.frames, sp.bins)));
      }
      return { e, s };
    };
    const A = await feat(tr),
      B = await feat(te);
    const nTr = A.e.length;
    const variants: Record<string, (e: Float32Array[][], s: Float32Array[][]) => Float32Array[][]> = {
      base: (e) => e,
      std: (e) => e,
      l2: (e) => e,
      statsStd: (e, s) => e.map((l, k) => l.map((x, i) => cat(x, s[k]![i]!))),
      statsOnlyStd: (_e, s) => s,
      statsStdL2: (e, s) => e.map((l, k) => l.map((x, i) => cat(x, s[k]![i]!))),
      // Fixed scaling of the statistics (the embedding's own input normalisation), nothing fitted.
      statsShrinkStd: (e, s) => e.map((l, k) => l.map((x, i) => cat(x, s[k]![i]!))),
      statsFixed: (e, s) => e.map((l, k) => l.map((x, i) => cat(x, fixed(s[k]![i]!, 1)))),
      statsFixedHalf: (e, s) => e.map((l, k) => l.map((x, i) => cat(x, fixed(s[k]![i]!, 0.5)))),
    };
    for (const [vn, f] of Object.entries(variants)) {
      let all = f([...A.e, ...B.e], [...A.s, ...B.s]);
      if (vn.includes('Std') || vn === 'std')
        all = standardise(all.slice(0, nTr).flat(), all, vn.includes('Shrink'));
      if (vn.toLowerCase().includes('l2')) all = l2(all);
      const trainF = all.slice(0, nTr),
        testF = all.slice(nTr);
      const accs: number[] = [];
      for (const seed of [1, 2]) {
        const r = await trainHead(
          files.map((_, i) => String(i)),
          trainF,
          { epochs: 30, batchSize: 32, validationSplit: 0, seed },
        );
        const X = tf.tensor2d(testF.flat().map((x) => Array.from(x)));
        const p = r.model.predict(X) as tf.Tensor;
        const pred = (await p.argMax(1).data()) as Int32Array;
        X.dispose();
        p.dispose();
        const truth = testF.flatMap((l, k) => l.map(() => k));
        accs.push(truth.filter((t, i) => pred[i] === t).length / truth.length);
        disposeHead(r.model);
      }
      lines.push(`${name} ${vn}: ${accs.map((a) => a.toFixed(3)).join(' ')}`);
    }
  }
  ex.dispose();
  process.stdout.write(lines.join('\n') + '\n');
}, 600000);
