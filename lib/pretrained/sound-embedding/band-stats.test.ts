// Feature version 2 of the Sound studio: band statistics (JS and tensor twins agree), the fitted
// standardisation, its folding into the head (same predictions on raw features), and the features of
// real windows through the shipped embedding — each model-touching function leaks no tensors.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createRng } from '@/lib/data';
import { spectrogramsOf, type Spectrogram } from '@/lib/audio';
import { createHead, disposeHead } from '@/lib/transfer';
import { fsModelHandler, modelDir } from '../digits/node-files.test-util';
import {
  bandStats,
  bandStatsTensor,
  createSoundFeatureExtractor,
  extractSoundFeatures,
  fitSoundStandardisation,
  foldSoundStandardisation,
  loadSoundEmbedding,
  SOUND_EMBEDDING_SIZE,
  SOUND_FEATURES_SIZE,
  SOUND_STATS_FIXED_SCALE,
  soundFeaturesTensor,
  standardiseSoundFeature,
  trainStandardisedSoundHead,
  type SoundFeatureExtractor,
} from './index';

const rng = createRng(7);
const randomSpec = (): Spectrogram => ({
  frames: 49,
  bins: 40,
  data: Float32Array.from({ length: 49 * 40 }, () => -12 + 4 * rng()),
});
const randomFeature = (n = SOUND_FEATURES_SIZE) => Float32Array.from({ length: n }, () => 3 * rng() - 1);

let extractor: SoundFeatureExtractor;
beforeAll(async () => {
  extractor = createSoundFeatureExtractor(
    await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')) }),
  );
});
afterAll(() => extractor.dispose());

describe('band statistics', () => {
  it('are the mean and population spread of each band; the tensor twin agrees and leaks nothing', () => {
    const spec: Spectrogram = { frames: 2, bins: 2, data: Float32Array.from([1, 10, 3, 10]) };
    expect(Array.from(bandStats(spec))).toEqual([2, 10, 1, 0]);
    const specs = [randomSpec(), randomSpec()];
    const before = tf.memory().numTensors;
    const t = tf.tidy(() =>
      bandStatsTensor(
        tf.tensor4d(Float32Array.from(specs.flatMap((s) => Array.from(s.data))), [2, 49, 40, 1]),
      ),
    );
    const got = t.arraySync();
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
    specs.forEach((s, i) => bandStats(s).forEach((v, j) => expect(got[i]![j]!).toBeCloseTo(v, 4)));
  });
});

describe('standardisation', () => {
  it('centres and scales each feature, shrinking the spread towards each block’s fixed scale', () => {
    const rows = [randomFeature(), randomFeature(), randomFeature(), randomFeature()];
    const plain = fitSoundStandardisation(rows, { shrink: 0, statsWeight: 1, embedding: 'fit' });
    const z = rows.map((r) => standardiseSoundFeature(r, plain));
    for (const i of [0, 100, 150, 207]) {
      expect(z.reduce((s, r) => s + r[i]!, 0) / z.length).toBeCloseTo(0, 5);
      expect(z.reduce((s, r) => s + r[i]! ** 2, 0) / z.length).toBeCloseTo(1, 3);
    }
    const shrunk = fitSoundStandardisation(rows, { shrink: 0.25, statsWeight: 0.5, embedding: 'fit' });
    const variance = (i: number) => 1 / plain.scale[i]! ** 2 - 1e-6;
    expect(shrunk.scale[3]).toBeCloseTo(1 / Math.sqrt(variance(3) + 0.25 + 1e-6), 4);
    expect(shrunk.scale[180]).toBeCloseTo(
      0.5 / Math.sqrt(variance(180) + 0.25 * SOUND_STATS_FIXED_SCALE ** 2 + 1e-6),
      4,
    );
    const raw = fitSoundStandardisation(rows, { shrink: 0.25, statsWeight: 1, embedding: 'raw' });
    expect(Array.from(raw.mean.subarray(0, SOUND_EMBEDDING_SIZE)).every((m) => m === 0)).toBe(true);
    expect(Array.from(raw.scale.subarray(0, SOUND_EMBEDDING_SIZE)).every((m) => m === 1)).toBe(true);
    expect(() => fitSoundStandardisation([])).toThrow(/no sound features/);
  });

  it('folded into the head gives on raw features what the head gave on standardised ones, leaking nothing', () => {
    const rows = Array.from({ length: 6 }, () => randomFeature());
    const st = fitSoundStandardisation(rows);
    const head = createHead(SOUND_FEATURES_SIZE, 3, { seed: 3 });
    const predict = (xs: Float32Array[]) =>
      tf.tidy(
        () =>
          (
            head.predict(
              tf.tensor2d(
                xs.flatMap((x) => Array.from(x)),
                [xs.length, xs[0]!.length],
              ),
            ) as tf.Tensor
          ).arraySync() as number[][],
      );
    const onStandardised = predict(rows.map((r) => standardiseSoundFeature(r, st)));
    const before = tf.memory().numTensors;
    foldSoundStandardisation(head, st);
    expect(tf.memory().numTensors).toBe(before);
    predict(rows).forEach((p, i) => p.forEach((v, k) => expect(v).toBeCloseTo(onStandardised[i]![k]!, 4)));
    disposeHead(head);
    const small = createHead(10, 2);
    expect(() => foldSoundStandardisation(small, st)).toThrow(/does not take 208/);
    disposeHead(small);
  });
});

describe('sound features (version 2)', () => {
  const wave = Float32Array.from({ length: 16000 }, (_, i) => 0.3 * Math.sin(i * 0.07) * Math.exp(-i / 6000));

  it('are the embedding then the band statistics; the tensor twin agrees; nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const [f] = await extractSoundFeatures(extractor, [wave]);
    const [e] = await extractor.extractMany([wave]);
    const spec = spectrogramsOf([wave])[0]!;
    expect(f).toHaveLength(SOUND_FEATURES_SIZE);
    expect(Array.from(f!.subarray(0, SOUND_EMBEDDING_SIZE))).toEqual(Array.from(e!));
    expect(Array.from(f!.subarray(SOUND_EMBEDDING_SIZE))).toEqual(Array.from(bandStats(spec)));
    const t = tf.tidy(() => soundFeaturesTensor(extractor.model, tf.tensor4d(spec.data, [1, 49, 40, 1])));
    const got = t.dataSync();
    t.dispose();
    f!.forEach((v, i) => expect(got[i]!).toBeCloseTo(v, 3));
    const v1 = tf.tidy(() => soundFeaturesTensor(extractor.model, tf.tensor4d(spec.data, [1, 49, 40, 1]), 1));
    expect(v1.shape).toEqual([1, SOUND_EMBEDDING_SIZE]);
    v1.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(extractSoundFeatures(extractor, [new Float32Array(100)])).rejects.toThrow(/100 samples/);
  });

  it('train a standardised head that takes raw features, leaking nothing', async () => {
    const feats = [0, 1].map((k) =>
      Array.from({ length: 4 }, () => Float32Array.from(randomFeature(), (v) => v + 2 * k)),
    );
    const before = tf.memory().numTensors;
    const r = await trainStandardisedSoundHead(['a', 'b'], feats, {
      epochs: 20,
      validationSplit: 0,
      seed: 1,
    });
    const p = tf.tidy(() =>
      (r.model.predict(tf.tensor2d(feats.flat().map((f) => Array.from(f)))) as tf.Tensor).argMax(1),
    );
    expect(Array.from(p.dataSync())).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    p.dispose();
    disposeHead(r.model);
    expect(tf.memory().numTensors).toBe(before);
  });
});
