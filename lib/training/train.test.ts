// Tests for the training loop: learning, options, every optimizer and loss, cancel, NaN,
// determinism, early stopping, validation and leaks.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng, randomNormal } from '@/lib/data';
import { ConfigError, TrainingDivergedError } from '@/lib/errors';
import { buildMlp, compileModel, type LossName, type OptimizerConfig } from '@/lib/models';
import { predictClasses, predictProbabilities, resolveTrainOptions, train } from './index';

/** y = 2·x0 − x1 + 0.5 on 32 seeded points. */
function linearData(seed = 1): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const rng = createRng(seed);
  const xs = Array.from({ length: 32 }, () => [randomNormal(rng), randomNormal(rng)]);
  return { x: tf.tensor2d(xs), y: tf.tensor2d(xs.map(([a, b]) => [2 * a - b + 0.5])) };
}

/** Three Gaussian blobs in 2-D, 30 points, labels 0–2. */
function blobs(seed = 2): { x: tf.Tensor2D; labels: number[] } {
  const rng = createRng(seed);
  const centres = [
    [-2, 0],
    [2, 0],
    [0, 2.5],
  ];
  const xs: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 30; i++) {
    const c = i % 3;
    xs.push([centres[c][0] + 0.4 * randomNormal(rng), centres[c][1] + 0.4 * randomNormal(rng)]);
    labels.push(c);
  }
  return { x: tf.tensor2d(xs), labels };
}

function xorModel(seed = 3, optimizer: OptimizerConfig = { name: 'adam', learningRate: 0.05 }) {
  const m = buildMlp({
    inputSize: 2,
    hidden: [8],
    activation: 'tanh',
    outputSize: 1,
    outputActivation: 'sigmoid',
    seed,
  });
  compileModel(m, { optimizer, loss: 'binaryCrossentropy' });
  return m;
}
const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_Y = [[0], [1], [1], [0]];

describe('train: learning', () => {
  it('an MLP learns XOR', async () => {
    const m = xorModel();
    const x = tf.tensor2d(XOR_X);
    const y = tf.tensor2d(XOR_Y);
    const r = await train(m, { x, y }, { epochs: 150, batchSize: 4, seed: 1 });
    expect(r.history.acc?.at(-1)).toBe(1);
    expect(r.history.loss.at(-1)).toBeLessThan(0.1);
    expect(await predictClasses(m, XOR_X)).toEqual([0, 1, 1, 0]);
    tf.dispose([x, y]);
    m.dispose();
  });

  it.each<[OptimizerConfig['name'], number]>([
    ['sgd', 0.05],
    ['momentum', 0.02],
    ['nesterov', 0.02],
    ['adagrad', 0.2],
    ['rmsprop', 0.01],
    ['adam', 0.02],
  ])('optimizer %s reduces the loss of a linear fit', async (name, learningRate) => {
    const { x, y } = linearData();
    const m = buildMlp({ inputSize: 2, hidden: [], outputSize: 1, seed: 4 });
    compileModel(m, { optimizer: { name, learningRate }, loss: 'meanSquaredError' });
    const r = await train(m, { x, y }, { epochs: 15, batchSize: 8, seed: 1 });
    expect(r.history.loss.at(-1)!).toBeLessThan(0.5 * r.history.loss[0]);
    tf.dispose([x, y]);
    m.dispose();
  });

  it.each<LossName>(['meanSquaredError', 'meanAbsoluteError', 'huber'])(
    'regression loss %s falls',
    async (loss) => {
      const { x, y } = linearData(5);
      const m = buildMlp({ inputSize: 2, hidden: [], outputSize: 1, seed: 4 });
      compileModel(m, { optimizer: { name: 'adam', learningRate: 0.05 }, loss });
      const r = await train(m, { x, y }, { epochs: 15, batchSize: 8, seed: 1 });
      expect(r.history.loss.at(-1)!).toBeLessThan(0.6 * r.history.loss[0]);
      expect(r.history.acc).toBeUndefined();
      tf.dispose([x, y]);
      m.dispose();
    },
  );

  it.each<LossName>(['categoricalCrossentropy', 'sparseCategoricalCrossentropy'])(
    'classification loss %s falls and reaches high accuracy',
    async (loss) => {
      const { x, labels } = blobs();
      const y =
        loss === 'categoricalCrossentropy'
          ? tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat()
          : tf.tensor1d(labels);
      const m = buildMlp({ inputSize: 2, hidden: [8], outputSize: 3, outputActivation: 'softmax', seed: 6 });
      compileModel(m, { optimizer: { name: 'adam', learningRate: 0.05 }, loss });
      const r = await train(m, { x, y }, { epochs: 20, batchSize: 10, seed: 1 });
      expect(r.history.loss.at(-1)!).toBeLessThan(0.5 * r.history.loss[0]);
      expect(r.history.acc!.at(-1)!).toBeGreaterThanOrEqual(0.9);
      expect(await predictClasses(m, x)).toHaveLength(30);
      tf.dispose([x, y]);
      m.dispose();
    },
  );
});

describe('train: control', () => {
  it('same seed gives the same weights and loss history (with dropout)', async () => {
    const run = async () => {
      const m = buildMlp({
        inputSize: 2,
        hidden: [8],
        activation: 'relu',
        outputSize: 1,
        outputActivation: 'sigmoid',
        dropout: 0.3,
        seed: 11,
      });
      compileModel(m, { optimizer: { name: 'adam', learningRate: 0.05 }, loss: 'binaryCrossentropy' });
      const x = tf.tensor2d(XOR_X);
      const y = tf.tensor2d(XOR_Y);
      const r = await train(m, { x, y }, { epochs: 8, batchSize: 2, seed: 7 });
      const w = m.getWeights().map((t) => Array.from(t.dataSync()));
      tf.dispose([x, y]);
      m.dispose();
      return { loss: r.history.loss, w };
    };
    const a = await run();
    const b = await run();
    expect(b.loss).toEqual(a.loss);
    expect(b.w).toEqual(a.w);
  });

  it('an AbortSignal stops within one batch and leaves the model usable', async () => {
    const m = xorModel();
    const x = tf.tensor2d(XOR_X);
    const y = tf.tensor2d(XOR_Y);
    const ctrl = new AbortController();
    const seen: number[] = [];
    const before = tf.memory().numTensors;
    const r = await train(
      m,
      { x, y },
      {
        epochs: 50,
        batchSize: 1,
        signal: ctrl.signal,
        onBatchEnd: (b) => {
          seen.push(b);
          if (b === 2) ctrl.abort();
        },
      },
    );
    expect(r.cancelled).toBe(true);
    expect(seen).toEqual([0, 1, 2]);
    expect(r.epochsRun).toBe(0);
    const p = await predictProbabilities(m, XOR_X);
    expect(p).toHaveLength(4);
    // Adam created its moment slots on the first step; nothing else may remain.
    expect(tf.memory().numTensors).toBe(before + m.trainableWeights.length * 2);
    tf.dispose([x, y]);
    m.dispose();
  });

  it('NaN targets throw TrainingDivergedError and leak nothing', async () => {
    const before = tf.memory().numTensors;
    const m = xorModel(3, { name: 'sgd' });
    compileModel(m, { optimizer: { name: 'sgd', learningRate: 0.1 }, loss: 'meanSquaredError' });
    const x = tf.tensor2d(XOR_X);
    const y = tf.tensor2d([[0], [NaN], [1], [0]]);
    await expect(train(m, { x, y }, { epochs: 3, batchSize: 4 })).rejects.toBeInstanceOf(
      TrainingDivergedError,
    );
    tf.dispose([x, y]);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a huge learning rate on an unbounded target diverges with a clear error', async () => {
    const { x, y } = linearData();
    const big = tf.tidy(() => tf.mul(y, 1e6));
    const m = buildMlp({ inputSize: 2, hidden: [4], outputSize: 1, seed: 1 });
    compileModel(m, { optimizer: { name: 'sgd', learningRate: 10 }, loss: 'meanSquaredError' });
    await expect(train(m, { x, y: big }, { epochs: 50, batchSize: 8 })).rejects.toThrow(/learning rate/);
    tf.dispose([x, y, big]);
    m.dispose();
  });

  it('validationSplit holds out data and reports validation numbers', async () => {
    const { x, labels } = blobs(9);
    const y = tf.tensor1d(labels);
    const m = buildMlp({ inputSize: 2, hidden: [4], outputSize: 3, outputActivation: 'softmax', seed: 2 });
    compileModel(m, {
      optimizer: { name: 'adam', learningRate: 0.05 },
      loss: 'sparseCategoricalCrossentropy',
    });
    const epochs: number[] = [];
    const r = await train(
      m,
      { x, y },
      {
        epochs: 3,
        batchSize: 8,
        validationSplit: 0.2,
        onEpochEnd: (e, logs) => {
          epochs.push(e);
          expect(typeof logs.valLoss).toBe('number');
          expect(typeof logs.valAcc).toBe('number');
        },
      },
    );
    expect(epochs).toEqual([0, 1, 2]);
    expect(r.history.valLoss).toHaveLength(3);
    expect(r.history.valAcc).toHaveLength(3);
    tf.dispose([x, y]);
    m.dispose();
  });

  it('early stopping stops on a plateau and restores the best weights', async () => {
    const { x, labels } = blobs(9);
    const v = blobs(10);
    const y = tf.tensor1d(labels);
    const vy = tf.tensor1d(v.labels);
    // A wide net and a high learning rate overfit 30 points, so validation loss turns up.
    const m = buildMlp({ inputSize: 2, hidden: [32], outputSize: 3, outputActivation: 'softmax', seed: 2 });
    compileModel(m, {
      optimizer: { name: 'adam', learningRate: 0.1 },
      loss: 'sparseCategoricalCrossentropy',
    });
    const r = await train(
      m,
      { x, y, validation: { x: v.x, y: vy } },
      {
        epochs: 150,
        batchSize: 8,
        earlyStopping: { monitor: 'valLoss', patience: 3, minDelta: 0.001 },
      },
    );
    expect(r.stoppedEarly).toBe(true);
    expect(r.epochsRun).toBeLessThan(150);
    const best = Math.min(...r.history.valLoss!);
    const now = tf.tidy(() => (m.evaluate(v.x, vy) as tf.Scalar).dataSync()[0]);
    expect(r.history.valLoss!.at(-1)!).toBeGreaterThan(best);
    expect(now).toBeCloseTo(best, 5);
    tf.dispose([x, y, v.x, vy]);
    m.dispose();
  });

  it('uses given validation data and never disposes caller tensors', async () => {
    const { x, y } = linearData();
    const v = linearData(8);
    const m = buildMlp({ inputSize: 2, hidden: [], outputSize: 1, seed: 1 });
    compileModel(m, { optimizer: { name: 'adam', learningRate: 0.05 }, loss: 'meanSquaredError' });
    const r = await train(
      m,
      { x, y, validation: v },
      { epochs: 3, batchSize: 8, shuffle: false, learningRate: 0.1 },
    );
    expect(r.history.valLoss).toHaveLength(3);
    expect([x, y, v.x, v.y].every((t) => !t.isDisposed)).toBe(true);
    tf.dispose([x, y, v.x, v.y]);
    m.dispose();
  });

  it('a full build → compile → train (with split and early stopping) → dispose leaks nothing', async () => {
    const x = tf.tensor2d(XOR_X);
    const y = tf.tensor2d(XOR_Y);
    const before = tf.memory().numTensors;
    const m = buildMlp({
      inputSize: 2,
      hidden: [4],
      outputSize: 1,
      outputActivation: 'sigmoid',
      dropout: 0.1,
      seed: 1,
    });
    compileModel(m, { optimizer: { name: 'rmsprop' }, loss: 'binaryCrossentropy' });
    compileModel(m, { optimizer: { name: 'adam' }, loss: 'binaryCrossentropy' }); // re-compile frees the first optimizer
    await train(
      m,
      { x, y },
      { epochs: 4, batchSize: 2, validationSplit: 0.25, earlyStopping: { monitor: 'loss', patience: 1 } },
    );
    await predictClasses(m, x);
    await predictProbabilities(m, XOR_X);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });

  it('rejects an uncompiled model and mismatched data', async () => {
    const m = buildMlp({ inputSize: 2, hidden: [], outputSize: 1 });
    const x = tf.zeros([4, 2]);
    const y = tf.zeros([3, 1]);
    await expect(train(m, { x, y })).rejects.toThrow(expect.objectContaining({ field: 'model' }));
    compileModel(m, { optimizer: { name: 'sgd' }, loss: 'meanSquaredError' });
    await expect(train(m, { x, y })).rejects.toThrow(/4 examples but y has 3/);
    const y4 = tf.zeros([4, 1]);
    await expect(train(m, { x, y: y4 }, { earlyStopping: {} })).rejects.toThrow(
      expect.objectContaining({ field: 'earlyStopping.monitor' }),
    );
    tf.dispose([x, y, y4]);
    m.dispose();
  });
});

describe('resolveTrainOptions', () => {
  it('fills frozen defaults', () => {
    const o = resolveTrainOptions({});
    expect(o).toMatchObject({ epochs: 50, batchSize: 16, validationSplit: 0, shuffle: true });
    expect(resolveTrainOptions({ earlyStopping: {} }).earlyStopping).toEqual({
      monitor: 'valLoss',
      patience: 5,
      minDelta: 0,
      restoreBest: true,
    });
  });
  it.each([
    [{ epochs: 0 }, 'epochs'],
    [{ epochs: 2.5 }, 'epochs'],
    [{ batchSize: -1 }, 'batchSize'],
    [{ validationSplit: 1 }, 'validationSplit'],
    [{ validationSplit: -0.1 }, 'validationSplit'],
    [{ seed: NaN }, 'seed'],
    [{ shuffle: 'yes' }, 'shuffle'],
    [{ learningRate: 0 }, 'learningRate'],
    [{ accuracy: 'top5' }, 'accuracy'],
    [{ yieldEvery: 0 }, 'yieldEvery'],
    [{ signal: {} }, 'signal'],
    [{ onEpochEnd: 3 }, 'onEpochEnd'],
    [{ earlyStopping: { monitor: 'acc' } }, 'earlyStopping.monitor'],
    [{ earlyStopping: { patience: 0 } }, 'earlyStopping.patience'],
    [{ earlyStopping: { minDelta: -1 } }, 'earlyStopping.minDelta'],
  ])('%j → ConfigError on %s', (opts, field) => {
    expect(() => resolveTrainOptions(opts as never)).toThrow(ConfigError);
    expect(() => resolveTrainOptions(opts as never)).toThrow(expect.objectContaining({ field }));
  });
});
