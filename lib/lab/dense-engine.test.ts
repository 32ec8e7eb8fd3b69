import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { createRng } from '../data';
import { ConfigError } from '../errors';
import { buildModel, compileModel, mlpSpec, type ModelSpec, type OptimizerName } from '../models';
import { PLAYGROUND_ACTIVATIONS } from './constants';
import {
  DenseEngine,
  alea,
  fastSigmoid,
  fastTanh,
  type DenseEngineCompile,
  type DenseEngineLoss,
} from './dense-engine';

const OPTIMIZERS: OptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
const LOSSES: { loss: DenseEngineLoss; units: number; activation: 'sigmoid' | 'softmax' | 'linear' }[] = [
  { loss: 'binaryCrossentropy', units: 1, activation: 'sigmoid' },
  { loss: 'categoricalCrossentropy', units: 3, activation: 'softmax' },
  { loss: 'meanSquaredError', units: 2, activation: 'linear' },
];

/** Random batches: inputs in [-3, 3]; targets fitting the loss (0/1, one-hot, or values). */
function batches(
  count: number,
  n: number,
  inputs: number,
  units: number,
  loss: DenseEngineLoss,
  seed: number,
) {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const x = Float32Array.from({ length: n * inputs }, () => rng() * 6 - 3);
    const y = new Float32Array(n * units);
    for (let r = 0; r < n; r++) {
      if (loss === 'binaryCrossentropy') y[r] = rng() < 0.5 ? 0 : 1;
      else if (loss === 'categoricalCrossentropy') y[r * units + Math.floor(rng() * units)] = 1;
      else for (let j = 0; j < units; j++) y[r * units + j] = rng() * 2 - 1;
    }
    return { x, y };
  });
}

/** Trains the spec on tfjs (CPU) and on the engine with the same batches; returns the largest weight gap. */
async function gap(spec: ModelSpec, compile: DenseEngineCompile, steps = 20, n = 8): Promise<number> {
  const units = (spec.layers[spec.layers.length - 1] as { units: number }).units;
  const data = batches(steps, n, spec.inputShape[0], units, compile.loss, 7);
  const model = buildModel(spec);
  compileModel(model, compile as Parameters<typeof compileModel>[1]);
  const engine = new DenseEngine(spec, compile);
  try {
    for (const { x, y } of data) {
      const xs = tf.tensor2d(x, [n, spec.inputShape[0]]);
      const ys = tf.tensor2d(y, [n, units]);
      const tfLoss = (await model.trainOnBatch(xs, ys)) as number;
      tf.dispose([xs, ys]);
      const engineLoss = engine.trainBatch(x, y, n);
      expect(Math.abs(engineLoss - tfLoss)).toBeLessThan(1e-4 * Math.max(1, Math.abs(tfLoss)));
    }
    const dense = model.layers.filter((l) => l.getClassName() === 'Dense');
    let worst = 0;
    engine.weights().forEach((w, k) => {
      const [kt, bt] = dense[k].getWeights();
      const kv = kt.dataSync();
      const bv = bt.dataSync();
      for (let i = 0; i < kv.length; i++) worst = Math.max(worst, Math.abs(kv[i] - w.kernel[i]));
      for (let i = 0; i < bv.length; i++) worst = Math.max(worst, Math.abs(bv[i] - w.bias[i]));
    });
    return worst;
  } finally {
    model.dispose();
  }
}

describe('dense engine', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('alea matches the generator behind tfjs seeded random ops', () => {
    const r = alea('42');
    const mine = Array.from({ length: 5 }, () => Math.fround(r()));
    const theirs = Array.from(tf.tidy(() => tf.randomUniform([5], 0, 1, 'float32', 42).dataSync()));
    expect(mine).toEqual(theirs);
  });

  // Every hidden activation × every optimizer, cycling through the three losses: 42 trainings of 20 steps.
  const cases = PLAYGROUND_ACTIVATIONS.flatMap((activation, a) =>
    OPTIMIZERS.map((optimizer, o) => ({ activation, optimizer, head: LOSSES[(a + o) % LOSSES.length] })),
  );
  it.each(cases)(
    'equals tfjs after 20 steps: $activation, $optimizer, $head.loss',
    async ({ activation, optimizer, head }) => {
      const spec = mlpSpec({
        inputSize: 3,
        hidden: [5, 4],
        activation,
        outputSize: head.units,
        outputActivation: head.activation,
        seed: 3,
      });
      const learningRate = optimizer === 'sgd' || optimizer === 'adagrad' ? 0.1 : 0.01;
      expect(await gap(spec, { optimizer: { name: optimizer, learningRate }, loss: head.loss })).toBeLessThan(
        1e-5,
      );
    },
  );

  it.each([
    ['l1', { l1: 0.01 }],
    ['l2', { l2: 0.01 }],
  ] as const)('equals tfjs with an %s weight penalty', async (_name, regularizer) => {
    const spec = mlpSpec({
      inputSize: 2,
      hidden: [6, 6],
      activation: 'relu',
      outputSize: 1,
      outputActivation: 'sigmoid',
      regularizer,
      seed: 5,
    });
    expect(
      await gap(spec, { optimizer: { name: 'adam', learningRate: 0.01 }, loss: 'binaryCrossentropy' }),
    ).toBeLessThan(1e-5);
  });

  it('equals tfjs with seeded dropout (the same masks every step)', async () => {
    const spec = mlpSpec({
      inputSize: 2,
      hidden: [8, 8],
      activation: 'tanh',
      outputSize: 3,
      outputActivation: 'softmax',
      dropout: 0.3,
      seed: 9,
    });
    expect(
      await gap(spec, {
        optimizer: { name: 'momentum', learningRate: 0.05 },
        loss: 'categoricalCrossentropy',
      }),
    ).toBeLessThan(1e-5);
  });

  it("equals tfjs with L2, dropout and Adam together (the benchmark's settings)", async () => {
    const spec = mlpSpec({
      inputSize: 2,
      hidden: [8, 8, 8, 8],
      activation: 'tanh',
      outputSize: 1,
      outputActivation: 'sigmoid',
      dropout: 0.1,
      regularizer: { l2: 0.001 },
      seed: 1,
    });
    expect(
      await gap(
        spec,
        { optimizer: { name: 'adam', learningRate: 0.01 }, loss: 'binaryCrossentropy' },
        20,
        10,
      ),
    ).toBeLessThan(1e-5);
  });

  it('its tanh and sigmoid match Math.tanh and 1 / (1 + e^-x) to 1e-13, also at the extremes', () => {
    let worst = 0;
    const xs = [0, -0, 1e-300, -1e-12, 1e-7, 18.99, 19, 19.01, -19, 39.9, 40, 41, -40, -41, 500, -500];
    for (let x = -45; x <= 45; x += 0.00137) xs.push(x);
    for (const x of xs) {
      worst = Math.max(
        worst,
        Math.abs(fastTanh(x) - Math.tanh(x)),
        Math.abs(fastSigmoid(x) - 1 / (1 + Math.exp(-x))),
      );
      // Near zero the error must stay small relative to tanh(x) itself, not just in absolute terms.
      if (Math.abs(x) < 1e-3 && x !== 0) expect(Math.abs(fastTanh(x) / Math.tanh(x) - 1)).toBeLessThan(1e-12);
    }
    expect(worst).toBeLessThan(1e-13);
    expect(fastTanh(Infinity)).toBeCloseTo(1, 15);
    expect(fastTanh(-Infinity)).toBeCloseTo(-1, 15);
    expect(fastSigmoid(-Infinity)).toBeLessThan(1e-17);
    expect(Number.isNaN(fastTanh(Number.NaN))).toBe(true);
  });

  it('predicts what tfjs predicts, a new learning rate applies, and the penalty is counted', () => {
    const spec = mlpSpec({ inputSize: 2, hidden: [4], activation: 'elu', outputSize: 1, seed: 2 });
    const engine = new DenseEngine(spec, {
      optimizer: { name: 'sgd', learningRate: 0.1 },
      loss: 'meanSquaredError',
    });
    const model = buildModel(spec);
    const x = Float32Array.from([0.5, -1, 2, 3]);
    const theirs = tf.tidy(() => (model.predict(tf.tensor2d(x, [2, 2])) as tf.Tensor).dataSync());
    const mine = engine.predict(x, 2);
    for (let i = 0; i < 2; i++) expect(mine[i]).toBeCloseTo(theirs[i], 6);
    model.dispose();
    engine.setLearningRate(0.5);
    expect(engine.learningRate).toBe(0.5);
    expect(engine.penalty()).toBe(0);
  });

  it('refuses specs it cannot run, naming the field', () => {
    const conv: ModelSpec = {
      inputShape: [4, 4, 1],
      layers: [
        { type: 'conv2d', filters: 2, kernelSize: 3 },
        { type: 'flatten' },
        { type: 'dense', units: 1 },
      ],
    };
    expect(() => new DenseEngine(conv, { optimizer: { name: 'sgd' }, loss: 'meanSquaredError' })).toThrow(
      ConfigError,
    );
  });
});
