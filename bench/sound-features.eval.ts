// Which head-side sound features to ship (issue 19, non-speech gap): the frozen embedding alone vs the
// embedding + 80 log-mel band statistics under several standardisations, measured on the full
// sounds-dev (speaker-disjoint, 5 and 10 examples per class, augmentation off and on, as
// bench/sound-fewshot.eval.ts draws it) AND on the non-speech tasks (scripts/sound/make_nonspeech_tuning.sh
// into .cache/sfx, and the committed clap/whistle/speech/noise fixtures). The same code path as
// trainSoundHead: features of the originals, augmented copies of the examples that are not held out,
// standardisation fitted on everything that trains, lib/transfer's trainHead with the sound defaults.
// Run: npx vitest run --config bench/vitest.eval.config.ts bench/sound-features.eval.ts
// (env: SOUND_EVAL_TRIALS (10), SOUND_EVAL_SEEDS (3), SOUND_EVAL_VARIANTS=base,shrink25,... ,
// SOUND_EVAL_PARTS=dev,nonspeech)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expect, it } from 'vitest';

import {
  AUDIO_SAMPLE_RATE,
  augmentExamples,
  decodeWav,
  DEFAULT_AUDIO_AUGMENT_CONFIG,
  resample,
  spectrogramsOf,
  toMono,
} from '@/lib/audio';
import { createRng, shuffleInPlace } from '@/lib/data';
import { fsModelHandler, modelDir, REPO_ROOT } from '@/lib/pretrained/digits/node-files.test-util';
import {
  bandStats,
  createSoundFeatureExtractor,
  DEFAULT_SOUND_HEAD_CONFIG,
  fitSoundStandardisation,
  loadSoundEmbedding,
  standardiseSoundFeature,
  type SoundFeatureExtractor,
  type SoundStandardiseConfig,
} from '@/lib/pretrained/sound-embedding';
import { disposeHead, resolveHeadConfig, stratifiedSplit, trainHead } from '@/lib/transfer';

const DEV = process.env.SOUND_DEV ?? '/work/shared/data/sounds-dev';
const TRIALS = Number(process.env.SOUND_EVAL_TRIALS ?? 10);
/** Head seeds per non-speech task. */
const SEEDS = Number(process.env.SOUND_EVAL_SEEDS ?? 3);
const PARTS = (process.env.SOUND_EVAL_PARTS ?? 'dev,nonspeech').split(',');
const WORDS = ['up', 'down', 'left', 'right'];

type Variant = { std: SoundStandardiseConfig | null; stats: boolean };
const ALL_VARIANTS: Record<string, Variant> = {
  base: { std: null, stats: false },
  shrink25: { std: { shrink: 0.25, statsWeight: 1, embedding: 'fit' }, stats: true },
  shrink25w50: { std: { shrink: 0.25, statsWeight: 0.5, embedding: 'fit' }, stats: true },
  shrink50: { std: { shrink: 0.5, statsWeight: 1, embedding: 'fit' }, stats: true },
  shrink25w75: { std: { shrink: 0.25, statsWeight: 0.75, embedding: 'fit' }, stats: true },
  shrink100: { std: { shrink: 1, statsWeight: 1, embedding: 'fit' }, stats: true },
  rawEmbShrink25: { std: { shrink: 0.25, statsWeight: 1, embedding: 'raw' }, stats: true },
  rawEmbShrink25w50: { std: { shrink: 0.25, statsWeight: 0.5, embedding: 'raw' }, stats: true },
  rawEmbStd: { std: { shrink: 0, statsWeight: 1, embedding: 'raw' }, stats: true },
  rawEmbShrink1: { std: { shrink: 0.01, statsWeight: 1, embedding: 'raw' }, stats: true },
  rawEmbShrink3: { std: { shrink: 0.03, statsWeight: 1, embedding: 'raw' }, stats: true },
  rawEmbShrink10: { std: { shrink: 0.1, statsWeight: 1, embedding: 'raw' }, stats: true },
  fitStd: { std: { shrink: 0, statsWeight: 1, embedding: 'fit' }, stats: true },
};
const VARIANTS = (process.env.SOUND_EVAL_VARIANTS ?? Object.keys(ALL_VARIANTS).join(','))
  .split(',')
  .map((k) => [k, ALL_VARIANTS[k]!] as const);

const readWav = (file: string) => {
  const wav = decodeWav(new Uint8Array(readFileSync(file)), file);
  return resample(toMono(wav.channels), wav.sampleRate, AUDIO_SAMPLE_RATE);
};
const fit1s = (x: Float32Array) => {
  const w = new Float32Array(16000);
  w.set(x.subarray(0, 16000));
  return w;
};

/** Embedding (128) + band statistics (80) of each window. */
async function full(ex: SoundFeatureExtractor, waves: readonly Float32Array[]): Promise<Float32Array[]> {
  const e = await ex.extractMany(waves);
  const s = spectrogramsOf(waves).map(bandStats);
  return e.map((v, i) => {
    const o = new Float32Array(v.length + s[i]!.length);
    o.set(v);
    o.set(s[i]!, v.length);
    return o;
  });
}

/**
 * Trains a head the way trainSoundHead does (held-out split, copies of the rest) for every variant
 * and returns each variant's accuracy on the test features.
 */
async function runTask(
  ex: SoundFeatureExtractor,
  trainWaves: Float32Array[][],
  trainFeat: Float32Array[][],
  test: { f: Float32Array; label: number }[],
  augment: boolean,
  noiseClass: number | null,
  seed?: number,
): Promise<Record<string, number>> {
  const head = resolveHeadConfig({ ...DEFAULT_SOUND_HEAD_CONFIG, ...(seed === undefined ? {} : { seed }) });
  let extra: Float32Array[][] | undefined;
  if (augment) {
    const held = new Set(stratifiedSplit(trainFeat, head.validationSplit, head.seed).valX);
    const keep = trainWaves.map((l, k) => l.filter((_, i) => !held.has(trainFeat[k]![i]!)));
    const copies = augmentExamples(keep, DEFAULT_AUDIO_AUGMENT_CONFIG, noiseClass);
    extra = [];
    for (const l of copies) extra.push(await full(ex, l));
  }
  const labels = trainFeat.map((_, k) => `c${k}`);
  const out: Record<string, number> = {};
  for (const [name, v] of VARIANTS) {
    const pick = (f: Float32Array) => (v.stats ? f : f.subarray(0, 128));
    let tr = trainFeat.map((l) => l.map(pick));
    let xt = extra?.map((l) => l.map(pick));
    let te = test.map((t) => pick(t.f));
    if (v.std) {
      const st = fitSoundStandardisation([...tr.flat(), ...(xt?.flat() ?? [])], v.std);
      const f = (x: Float32Array) => standardiseSoundFeature(x, st);
      tr = tr.map((l) => l.map(f));
      xt = xt?.map((l) => l.map(f));
      te = te.map(f);
    }
    const r = await trainHead(labels, tr, head, {}, xt);
    const x = tf.tensor2d(
      te.flatMap((f) => Array.from(f)),
      [te.length, te[0]!.length],
    );
    const p = tf.tidy(() => (r.model.predict(x) as tf.Tensor).argMax(1));
    const pred = Array.from(await p.data());
    tf.dispose([x, p]);
    disposeHead(r.model);
    out[name] = pred.filter((q, i) => q === test[i]!.label).length / test.length;
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
};

it('sound head-side feature variants: sounds-dev and non-speech', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const ex = createSoundFeatureExtractor(
    await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')) }),
  );
  const acc: Record<string, number[]> = {};
  const add = (key: string, r: Record<string, number>) => {
    for (const [v, a] of Object.entries(r)) (acc[`${key}|${v}`] ??= []).push(a);
    process.stdout.write(
      `${key}: ${Object.entries(r)
        .map(([v, a]) => `${v} ${a.toFixed(3)}`)
        .join(', ')}\n`,
    );
  };

  if (PARTS.includes('dev')) {
    // sounds-dev: every clip and noise window's features once.
    const clips: { wave: Float32Array; label: number; speaker: number }[] = [];
    WORDS.forEach((w, label) => {
      for (const f of readdirSync(path.join(DEV, w)).sort())
        clips.push({ wave: fit1s(readWav(path.join(DEV, w, f))), label, speaker: Number(f.split('_')[0]) });
    });
    const noise = readdirSync(path.join(DEV, '_background_noise_'))
      .sort()
      .map((f) => {
        const x = readWav(path.join(DEV, '_background_noise_', f));
        const o: Float32Array[] = [];
        for (let s = 0; s + 16000 <= x.length; s += 16000) o.push(x.slice(s, s + 16000));
        return o;
      });
    const clipF = await full(
      ex,
      clips.map((c) => c.wave),
    );
    const noiseF = await Promise.all(noise.map((l) => full(ex, l)));
    for (const shots of [5, 10]) {
      for (let t = 0; t < TRIALS; t++) {
        // The draw of bench/sound-fewshot.eval.ts (same seeds).
        const rng = createRng(1000 * shots + t);
        const speakers = shuffleInPlace(
          [...new Set(clips.map((c) => c.speaker))].sort((a, b) => a - b),
          rng,
        );
        const trainSpk = new Set(speakers.slice(0, Math.floor(speakers.length / 2)));
        const idx = clips.map((_, i) => i);
        const trainIdx = WORDS.map((_, k) =>
          shuffleInPlace(
            idx.filter((i) => clips[i]!.label === k && trainSpk.has(clips[i]!.speaker)),
            rng,
          ).slice(0, shots),
        );
        const noisePool = noise.flatMap((l, a) => l.slice(0, l.length / 2).map((_, b) => [a, b] as const));
        const noiseIdx = shuffleInPlace([...noisePool], rng).slice(0, shots);
        const trainWaves = [
          ...trainIdx.map((l) => l.map((i) => clips[i]!.wave)),
          noiseIdx.map(([a, b]) => noise[a]![b]!),
        ];
        const trainFeat = [
          ...trainIdx.map((l) => l.map((i) => clipF[i]!)),
          noiseIdx.map(([a, b]) => noiseF[a]![b]!),
        ];
        const test = idx
          .filter((i) => !trainSpk.has(clips[i]!.speaker))
          .map((i) => ({ f: clipF[i]!, label: clips[i]!.label }));
        noiseF.forEach((l) => l.slice(l.length / 2).forEach((f) => test.push({ f, label: 4 })));
        for (const augment of [false, true])
          add(
            `dev@${shots}${augment ? '+aug' : ''}`,
            await runTask(ex, trainWaves, trainFeat, test, augment, 4),
          );
      }
    }
  }

  if (PARTS.includes('nonspeech')) {
    const C = path.join(REPO_ROOT, '.cache', 'sfx');
    const FX = path.join(REPO_ROOT, 'tests', 'fixtures', 'sound');
    const tasks: Record<string, string[]> = {
      tuneA: ['knock-a', 'beep-a', 'piano-a', 'guitar-a', 'drum-a', 'noise-a'].map((f) =>
        path.join(C, f + '.wav'),
      ),
      tuneB: ['knock-b', 'beep-b', 'flute-b', 'rain-b', 'piano-b', 'noise-b'].map((f) =>
        path.join(C, f + '.wav'),
      ),
      tuneC: ['flute-a', 'guitar-b', 'drum-b', 'rain-a', 'noise-b'].map((f) => path.join(C, f + '.wav')),
      fixtures: ['clap', 'whistle', 'speech', 'noise'].map((f) => path.join(FX, f + '.wav')),
    };
    const cut = (x: Float32Array, from: number, to: number, hop: number) => {
      const o: Float32Array[] = [];
      for (let s = from; s + 1 <= to + 1e-9; s += hop) {
        const st = Math.round(s * 16000);
        o.push(fit1s(x.subarray(st, st + 16000)));
      }
      return o;
    };
    for (const [name, files] of Object.entries(tasks)) {
      if (!files.every(existsSync)) {
        process.stdout.write(`${name}: missing (run scripts/sound/make_nonspeech_tuning.sh)\n`);
        continue;
      }
      const sounds = files.map(readWav);
      const trainWaves = sounds.map((x) => cut(x, 0, 3.2, 0.44));
      const testWaves = sounds.map((x) => cut(x, 3.2, 5, name === 'fixtures' ? 0.4 : 0.2));
      const trainFeat: Float32Array[][] = [];
      for (const l of trainWaves) trainFeat.push(await full(ex, l));
      const test: { f: Float32Array; label: number }[] = [];
      for (const [k, l] of testWaves.entries()) for (const f of await full(ex, l)) test.push({ f, label: k });
      // Head seeds (the head's initialisation and shuffles; the default seed first).
      for (const seed of [undefined, ...Array.from({ length: SEEDS - 1 }, (_, i) => i + 1)])
        for (const augment of [false, true])
          add(
            `${name}${augment ? '+aug' : ''}`,
            await runTask(ex, trainWaves, trainFeat, test, augment, files.length - 1, seed),
          );
    }
  }
  ex.dispose();
  const keys = [...new Set(Object.keys(acc).map((k) => k.split('|')[0]!))];
  const lines = [`| variant | ${keys.join(' | ')} |`, `|---|${keys.map(() => '---').join('|')}|`];
  for (const [v] of VARIANTS) {
    lines.push(
      `| ${v} | ${keys
        .map((k) => {
          const a = acc[`${k}|${v}`] ?? [];
          return a.length > 1
            ? `${(mean(a) * 100).toFixed(1)} ± ${(sd(a) * 100).toFixed(1)}`
            : `${(mean(a) * 100).toFixed(1)}`;
        })
        .join(' | ')} |`,
    );
  }
  const table = lines.join('\n');
  process.stdout.write(`\n${table}\n`);
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `sound-features-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ trials: TRIALS, table, acc }, null, 1),
  );
  expect(Object.keys(acc).length).toBeGreaterThan(0);
});
