// Few-shot accuracy on real voices (../shared/data/sounds-dev, speaker-disjoint): the shipped sound
// embedding + dense head vs the from-scratch spectrogram CNN, each with and without augmentation, at
// 5 and 10 examples per class. Run: npm run eval:sound (env: SOUND_EVAL_TRIALS, SOUND_EVAL_CNN_TRIALS,
// SOUND_EVAL_METHODS=embedding,cnn,fixtures, SOUND_EVAL_SHOTS=5,10, SOUND_EVAL_CNN_AUG=0, SOUND_DEV). Writes bench/results/sound-fewshot-<time>.json and prints a markdown table.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expect, it } from 'vitest';

import {
  augmentExamples,
  decodeWav,
  spectrogramsOf,
  toMono,
  trainSoundClassifier,
  type AudioAugmentConfig,
} from '@/lib/audio';
import { createRng, shuffleInPlace } from '@/lib/data';
import {
  createSoundFeatureExtractor,
  extractSoundFeatures,
  loadSoundEmbedding,
  trainSoundHead,
  type SoundFeatureExtractor,
} from '@/lib/pretrained/sound-embedding';
import { disposeHead, type HeadConfig } from '@/lib/transfer';
import { fsModelHandler, modelDir, REPO_ROOT } from '@/lib/pretrained/digits/node-files.test-util';

const DEV = process.env.SOUND_DEV ?? path.resolve(REPO_ROOT, '../../shared/data/sounds-dev');
const DEV_DIR = existsSync(DEV) ? DEV : '/work/shared/data/sounds-dev';
const TRIALS = Number(process.env.SOUND_EVAL_TRIALS ?? 10);
const CNN_TRIALS = Number(process.env.SOUND_EVAL_CNN_TRIALS ?? 3);
const SHOTS = (process.env.SOUND_EVAL_SHOTS ?? '5,10').split(',').map(Number);
/** Set SOUND_EVAL_CNN_AUG=0 to skip the CNN with augmentation (5× the data on the slow CPU backend). */
const CNN_AUG = process.env.SOUND_EVAL_CNN_AUG !== '0';
const METHODS = (process.env.SOUND_EVAL_METHODS ?? 'embedding,cnn').split(',');
const WORDS = ['up', 'down', 'left', 'right'];
const LABELS = [...WORDS, 'background noise'];
const NOISE = LABELS.length - 1;

interface Clip {
  wave: Float32Array;
  label: number;
  speaker: number;
}

function readWav(file: string): Float32Array {
  const wav = decodeWav(new Uint8Array(readFileSync(file)), file);
  expect(wav.sampleRate).toBe(16000);
  return toMono(wav.channels);
}

function loadDev(): { clips: Clip[]; noise: Float32Array[][] } {
  const clips: Clip[] = [];
  WORDS.forEach((w, label) => {
    for (const f of readdirSync(path.join(DEV_DIR, w)).sort()) {
      const x = readWav(path.join(DEV_DIR, w, f));
      const wave = new Float32Array(16000);
      wave.set(x.subarray(0, 16000));
      clips.push({ wave, label, speaker: Number(f.split('_')[0]) });
    }
  });
  // Each noise file in 1-s windows; the first half of each file can train, the second half tests.
  const noise = readdirSync(path.join(DEV_DIR, '_background_noise_'))
    .sort()
    .map((f) => {
      const x = readWav(path.join(DEV_DIR, '_background_noise_', f));
      const out: Float32Array[] = [];
      for (let s = 0; s + 16000 <= x.length; s += 16000) out.push(x.slice(s, s + 16000));
      return out;
    });
  return { clips, noise };
}

interface Trial {
  train: Float32Array[][];
  test: { wave: Float32Array; label: number }[];
}

/** Half the speakers (seeded) give `shots` clips per word; the other half are the test set. */
function makeTrial(dev: ReturnType<typeof loadDev>, shots: number, seed: number): Trial {
  const rng = createRng(seed);
  const speakers = shuffleInPlace(
    [...new Set(dev.clips.map((c) => c.speaker))].sort((a, b) => a - b),
    rng,
  );
  const trainSpk = new Set(speakers.slice(0, Math.floor(speakers.length / 2)));
  const train: Float32Array[][] = WORDS.map((_, k) =>
    shuffleInPlace(
      dev.clips.filter((c) => c.label === k && trainSpk.has(c.speaker)),
      rng,
    )
      .slice(0, shots)
      .map((c) => c.wave),
  );
  const noiseTrain = dev.noise.flatMap((n) => n.slice(0, n.length / 2));
  train.push(shuffleInPlace([...noiseTrain], rng).slice(0, shots));
  const test = dev.clips
    .filter((c) => !trainSpk.has(c.speaker))
    .map((c) => ({ wave: c.wave, label: c.label }));
  for (const n of dev.noise) for (const w of n.slice(n.length / 2)) test.push({ wave: w, label: NOISE });
  return { train, test };
}

const AUG: Partial<AudioAugmentConfig> = JSON.parse(
  process.env.SOUND_EVAL_AUG ?? '{}',
) as Partial<AudioAugmentConfig>;
/** Head settings to try instead of the defaults, e.g. SOUND_EVAL_HEAD='{"batchSize":64}'. */
const HEAD = JSON.parse(process.env.SOUND_EVAL_HEAD ?? '{}') as Partial<HeadConfig>;

async function embeddingAccuracy(
  ex: SoundFeatureExtractor,
  trial: Trial,
  augment: boolean,
  testFeatures: Float32Array[],
) {
  // The fixtures check has 4 classes (noise last); sounds-dev has the 5 LABELS.
  const labels = trial.train.length === LABELS.length ? LABELS : trial.train.map((_, k) => `class ${k}`);
  const r = await trainSoundHead(ex, labels, trial.train, {
    augment: augment ? AUG : false,
    noiseClass: trial.train.length - 1,
    head: HEAD,
  });
  const x = tf.tensor2d(
    testFeatures.flatMap((f) => Array.from(f)),
    [testFeatures.length, testFeatures[0]!.length],
  );
  const pred = tf.tidy(() => (r.model.predict(x) as tf.Tensor).argMax(1));
  const p = Array.from(await pred.data());
  tf.dispose([x, pred]);
  disposeHead(r.model);
  const correct = p.filter((v, i) => v === trial.test[i]!.label).length;
  return { acc: correct / p.length, trainMs: r.ms, featureMs: r.featureMs, augmented: r.augmentedCount };
}

async function cnnAccuracy(trial: Trial, augment: boolean) {
  const extra = augment ? augmentExamples(trial.train, AUG, NOISE) : trial.train.map(() => []);
  const waves = trial.train.flatMap((l, k) => [...l, ...extra[k]!].map((w) => ({ w, k })));
  const t0 = performance.now();
  const r = await trainSoundClassifier({
    labels: LABELS,
    spectrograms: spectrogramsOf(waves.map((e) => e.w)),
    classes: waves.map((e) => e.k),
  });
  const ms = performance.now() - t0;
  const probs = await r.classifier.predictSpectrograms(spectrogramsOf(trial.test.map((t) => t.wave)));
  r.classifier.dispose();
  const correct = probs.filter((p, i) => p.indexOf(Math.max(...p)) === trial.test[i]!.label).length;
  return { acc: correct / probs.length, trainMs: ms };
}

function stats(xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, sd, n: xs.length };
}

it('few-shot accuracy on sounds-dev (speaker-disjoint)', async () => {
  if (!METHODS.includes('embedding') && !METHODS.includes('cnn')) return;
  const dev = loadDev();
  const rows: Record<string, unknown>[] = [];
  await tf.setBackend('wasm');
  await tf.ready();
  const ex = createSoundFeatureExtractor(
    await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')) }),
  );
  const results: Record<string, { acc: number[]; trainMs: number[]; featureMs?: number[] }> = {};
  const add = (key: string, acc: number, trainMs: number, featureMs?: number) => {
    results[key] ??= { acc: [], trainMs: [], featureMs: [] };
    results[key].acc.push(acc);
    results[key].trainMs.push(trainMs);
    if (featureMs !== undefined) results[key].featureMs!.push(featureMs);
  };
  for (const shots of METHODS.includes('embedding') ? SHOTS : []) {
    for (let t = 0; t < TRIALS; t++) {
      const trial = makeTrial(dev, shots, 1000 * shots + t);
      const testFeatures = await extractSoundFeatures(
        ex,
        trial.test.map((c) => c.wave),
      );
      for (const augment of [false, true]) {
        const r = await embeddingAccuracy(ex, trial, augment, testFeatures);
        add(`embedding${augment ? '+aug' : ''}@${shots}`, r.acc, r.trainMs, r.featureMs);
        process.stdout.write(`embedding${augment ? '+aug' : ''}@${shots} trial ${t}: ${r.acc.toFixed(3)}\n`);
      }
    }
  }
  ex.dispose();
  await tf.setBackend('cpu');
  await tf.ready();
  for (const shots of METHODS.includes('cnn') ? SHOTS : []) {
    for (let t = 0; t < CNN_TRIALS; t++) {
      const trial = makeTrial(dev, shots, 1000 * shots + t);
      for (const augment of CNN_AUG ? [false, true] : [false]) {
        const r = await cnnAccuracy(trial, augment);
        add(`cnn${augment ? '+aug' : ''}@${shots}`, r.acc, r.trainMs);
        process.stdout.write(`cnn${augment ? '+aug' : ''}@${shots} trial ${t}: ${r.acc.toFixed(3)}\n`);
      }
    }
  }
  const lines = ['| method | 5 per class | 10 per class |', '|---|---|---|'];
  for (const m of ['embedding', 'embedding+aug', 'cnn', 'cnn+aug']) {
    const cells = SHOTS.map((s) => {
      const r = results[`${m}@${s}`];
      if (!r) return '—';
      const a = stats(r.acc);
      return `${(a.mean * 100).toFixed(1)} % ± ${(a.sd * 100).toFixed(1)} (n=${a.n})`;
    });
    lines.push(`| ${m} | ${cells.join(' | ')} |`);
  }
  for (const [k, r] of Object.entries(results)) {
    rows.push({
      key: k,
      acc: stats(r.acc),
      trainMs: stats(r.trainMs),
      featureMs: r.featureMs?.length ? stats(r.featureMs) : null,
    });
  }
  const table = lines.join('\n');
  process.stdout.write(`\n${table}\n\n${JSON.stringify(rows, null, 1)}\n`);
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `sound-fewshot-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ dev: DEV_DIR, trials: TRIALS, cnnTrials: CNN_TRIALS, table, rows }, null, 1),
  );
  expect(rows.length).toBeGreaterThan(0);
});

// Non-speech check on the synthesised fixtures (claps, whistles, espeak speech, room noise): the
// first 3.2 s of each file train, the last 1.8 s test (as lib/audio/classifier.test.ts does).
it('few-shot accuracy on the synthetic clap / whistle / speech / noise fixtures', async () => {
  if (!METHODS.includes('fixtures')) return;
  await tf.setBackend('wasm');
  await tf.ready();
  const names = ['clap', 'whistle', 'speech', 'noise'];
  const waves = names.map((n) => readWav(path.join(REPO_ROOT, 'tests', 'fixtures', 'sound', `${n}.wav`)));
  const cut = (x: Float32Array, from: number, to: number, hop: number) => {
    const out: Float32Array[] = [];
    for (let s = from; s + 1 <= to + 1e-9; s += hop)
      out.push(x.slice(Math.round(s * 16000), Math.round(s * 16000) + 16000));
    return out.filter((w) => w.length === 16000);
  };
  const train = waves.map((x) => cut(x, 0, 3.2, 0.44));
  const test = waves.flatMap((x, k) =>
    cut(x, x.length / 16000 - 1.8, x.length / 16000, 0.4).map((wave) => ({ wave, label: k })),
  );
  const ex = createSoundFeatureExtractor(
    await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')) }),
  );
  const feats = await extractSoundFeatures(
    ex,
    test.map((t) => t.wave),
  );
  for (const augment of [false, true]) {
    const r = await embeddingAccuracy(ex, { train, test }, augment, feats);
    process.stdout.write(
      `fixtures embedding${augment ? '+aug' : ''}: ${r.acc.toFixed(3)} (${test.length} test windows)\n`,
    );
  }
  ex.dispose();
});
