// Quick mode: the nearest examples decide, closer ones count more, and empty classes get nothing.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { KnnClassifier, knnPredict } from './knn';
import type { FeatureExtractor } from './types';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('knnPredict', () => {
  it('answers from one example per class: the more similar class wins', () => {
    const p = knnPredict([[v(1, 0, 0)], [v(0, 1, 0)]], v(0.9, 0.2, 0));
    expect(p[0]).toBeGreaterThan(0.9);
    expect(p[0] + p[1]).toBeCloseTo(1, 6);
    const q = knnPredict([[v(1, 0, 0)], [v(0, 1, 0)]], v(0.1, 1, 0));
    expect(q[1]).toBeGreaterThan(0.9);
  });

  it('uses cosine similarity (length does not matter) and lets the k nearest vote', () => {
    const byClass = [
      [v(10, 0), v(9, 1), v(8, 2)],
      [v(0, 1), v(1, 5)],
    ];
    const p = knnPredict(byClass, v(3, 0.2), { k: 3 });
    expect(p.indexOf(Math.max(...p))).toBe(0);
    // With k = 1 only the nearest counts: all of the probability goes to its class.
    expect(knnPredict(byClass, v(0.1, 1), { k: 1 })).toEqual([0, 1]);
  });

  it('gives 0 to a class without examples and all zeros without any example', () => {
    const p = knnPredict([[v(1, 0)], [], [v(0, 1)]], v(1, 0.1));
    expect(p[1]).toBe(0);
    expect(p[0]).toBeGreaterThan(p[2]);
    expect(knnPredict([[], []], v(1, 0))).toEqual([0, 0]);
  });

  it('equal ties split evenly', () => {
    const p = knnPredict([[v(1, 1)], [v(1, 1)]], v(2, 2));
    expect(p[0]).toBeCloseTo(0.5, 6);
  });
});

describe('KnnClassifier', () => {
  it('extracts the input, votes on the stored examples and leaks nothing', async () => {
    const extractor: FeatureExtractor<number[]> = {
      name: 'id',
      featureSize: 2,
      extractTensor: (x) => tf.tensor2d(x, [1, 2]),
      async extract(x) {
        const t = tf.tensor2d(x, [1, 2]);
        const d = (await t.data()) as Float32Array;
        t.dispose();
        return d;
      },
      dispose() {},
    };
    const knn = new KnnClassifier(extractor);
    expect(await knn.predict([1, 0])).toBeNull();
    knn.setExamples([[v(1, 0)], [v(0, 1)]]);
    expect(knn.size).toBe(2);
    const before = tf.memory().numTensors;
    const p = (await knn.predict([0.2, 1]))!;
    expect(tf.memory().numTensors).toBe(before);
    expect(p[1]).toBeGreaterThan(0.9);
  });
});
