// Fast tests of head training and splits on synthetic features (the real-image tests are in transfer.test.ts).
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { ConfigError, InputError } from '../errors';
import { stratifiedSplit } from './dataset';
import { disposeHead, resolveHeadConfig, trainHead } from './head';
import { importProjectZip } from './project-zip';

function blobs(n: number, centre: number, seed: number): Float32Array[] {
  let s = seed;
  const rand = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
  return Array.from({ length: n }, () =>
    Float32Array.from({ length: 8 }, (_, d) => (d % 3 === centre ? 2 : 0) + rand()),
  );
}

describe('resolveHeadConfig', () => {
  it.each([
    [{ epochs: 0 }, 'epochs'],
    [{ batchSize: 1.5 }, 'batchSize'],
    [{ learningRate: 0 }, 'learningRate'],
    [{ validationSplit: 0.95 }, 'validationSplit'],
    [{ hidden: [0] }, 'hidden'],
  ])('rejects %j naming %s', (partial, field) => {
    expect(() => resolveHeadConfig(partial)).toThrow(ConfigError);
    expect(() => resolveHeadConfig(partial)).toThrow(field);
  });
  it("defaults to Teachable Machine's settings", () => {
    expect(resolveHeadConfig()).toMatchObject({
      epochs: 50,
      batchSize: 16,
      learningRate: 0.001,
      validationSplit: 0.15,
    });
  });
});

describe('stratifiedSplit', () => {
  it('holds out about 15% of every class, seeded', () => {
    const f = [blobs(20, 0, 1), blobs(40, 1, 2), blobs(10, 2, 3)];
    const a = stratifiedSplit(f, 0.15, 7);
    const b = stratifiedSplit(f, 0.15, 7);
    expect(a.valY.filter((y) => y === 0)).toHaveLength(3);
    expect(a.valY.filter((y) => y === 1)).toHaveLength(6);
    expect(a.valY.filter((y) => y === 2)).toHaveLength(2);
    expect(a.trainX.length + a.valX.length).toBe(70);
    expect(a.valX).toEqual(b.valX);
  });

  it('holds none out when a class has fewer than 10 examples: everything trains', () => {
    const f = [blobs(40, 0, 1), blobs(9, 1, 2)];
    const a = stratifiedSplit(f, 0.15, 7);
    expect(a.valX).toHaveLength(0);
    expect(a.trainX).toHaveLength(49);
    // One more example and both classes are tested.
    const b = stratifiedSplit([blobs(40, 0, 1), blobs(10, 1, 2)], 0.15, 7);
    expect(new Set(b.valY)).toEqual(new Set([0, 1]));
  });
});

describe('trainHead', () => {
  it('learns 3 classes and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const r = await trainHead(['a', 'b', 'c'], [blobs(30, 0, 1), blobs(30, 1, 2), blobs(30, 2, 3)], {
      epochs: 20,
      hidden: [16],
    });
    expect(r.history.valAcc?.at(-1)).toBeGreaterThanOrEqual(0.9);
    expect(r.perClassAccuracy.every((a) => a !== null && a >= 0.75)).toBe(true);
    expect(r.tooFewToTest).toBe(false);
    disposeHead(r.model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with 5 examples a class trains on all and says accuracy needs more examples', async () => {
    const r = await trainHead(['a', 'b'], [blobs(5, 0, 1), blobs(5, 1, 2)], { epochs: 2, hidden: [4] });
    expect(r.counts).toEqual({ train: 10, validation: 0 });
    expect(r.tooFewToTest).toBe(true);
    expect(r.perClassAccuracy).toEqual([null, null]);
    disposeHead(r.model);
    // A held-out share of 0 chosen by the teacher is not "too few".
    const none = await trainHead(['a', 'b'], [blobs(5, 0, 1), blobs(5, 1, 2)], {
      epochs: 1,
      validationSplit: 0,
    });
    expect(none.tooFewToTest).toBe(false);
    disposeHead(none.model);
  });

  it('stops when cancelled and keeps a usable model', async () => {
    const ctrl = new AbortController();
    const r = await trainHead(
      ['a', 'b'],
      [blobs(20, 0, 1), blobs(20, 1, 2)],
      { epochs: 50 },
      {
        signal: ctrl.signal,
        onEpochEnd: (e) => e.epoch === 2 && ctrl.abort(),
      },
    );
    expect(r.cancelled).toBe(true);
    expect(r.epochsRun).toBeLessThan(50);
    expect((r.model.predict(tf.zeros([1, 8])) as tf.Tensor).shape).toEqual([1, 2]);
    disposeHead(r.model);
  });

  it('names an empty class and refuses a single class', async () => {
    await expect(trainHead(['cat', 'dog'], [blobs(5, 0, 1), []])).rejects.toThrow(/"dog" has no examples/);
    await expect(trainHead(['cat'], [blobs(5, 0, 1)])).rejects.toThrow(InputError);
  });
});

describe('importProjectZip', () => {
  it('rejects a file that is not a project', () => {
    expect(() => importProjectZip('notes.txt', new TextEncoder().encode('hello'))).toThrow(
      /notes\.txt" is not a zip file/,
    );
  });
});
