// Tests for lib/models: spec validation, builders, shapes, seeds, losses, optimizers, leaks.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/errors';
import {
  ACTIVATIONS,
  LOSSES,
  OPTIMIZERS,
  buildAutoencoder,
  buildCnn,
  buildMlp,
  buildModel,
  buildRnn,
  compileModel,
  createOptimizer,
  huber,
  resolveLoss,
  resolveModelSpec,
  resolveOptimizerConfig,
  setLearningRate,
  summarizeModel,
  type LayerSpec,
  type ModelSpec,
} from './index';

const allLayers: ModelSpec = {
  inputShape: [8, 8, 1],
  seed: 1,
  layers: [
    { type: 'conv2d', filters: 2, kernelSize: 3, activation: 'leakyRelu', regularizer: { l2: 1e-3 } },
    { type: 'batchNorm' },
    { type: 'maxPool2d', poolSize: 2 },
    { type: 'upSampling2d', size: 2 },
    { type: 'conv2dTranspose', filters: 2, kernelSize: 3, strides: 1 },
    { type: 'avgPool2d', poolSize: 2 },
    { type: 'prelu' },
    { type: 'flatten' },
    { type: 'dense', units: 12, activation: 'selu', useBias: false },
    { type: 'reshape', targetShape: [3, 4] },
    { type: 'simpleRnn', units: 3, returnSequences: true },
    { type: 'gru', units: 3, returnSequences: true },
    { type: 'lstm', units: 3 },
    { type: 'dropout', rate: 0.2 },
    { type: 'activation', activation: 'leakyRelu' },
    { type: 'dense', units: 2, activation: 'softmax' },
  ],
};

describe('buildModel', () => {
  it('builds every layer type and reports a summary', () => {
    const m = buildModel(allLayers);
    const s = summarizeModel(m);
    const names = s.layers.map((l) => l.className);
    expect(names).toContain('LeakyReLU');
    expect(names).toContain('PReLU');
    expect(names).toContain('SeededDropout');
    expect(names).toContain('Conv2DTranspose');
    expect(s.layers[s.layers.length - 1].outputShape).toEqual([null, 2]);
    expect(s.totalParams).toBe(m.countParams());
    expect(s.trainableParams).toBeLessThan(s.totalParams); // batch-norm moving stats
    const out = m.predict(tf.zeros([2, 8, 8, 1])) as tf.Tensor;
    expect(out.shape).toEqual([2, 2]);
    out.dispose();
    m.dispose();
  });

  it('every activation name builds in a dense layer', () => {
    for (const activation of Object.keys(ACTIVATIONS)) {
      const m = buildModel({
        inputShape: [2],
        layers: [{ type: 'dense', units: 2, activation } as LayerSpec],
      });
      m.dispose();
    }
  });

  it('uses sigmoid as recurrent activation for LSTM and GRU', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      const m = buildRnn({ cell, units: [2], timesteps: 3, features: 1, outputSize: 1 });
      expect(m.layers[0].getConfig().recurrentActivation).toBe('sigmoid');
      m.dispose();
    }
  });

  it('same spec and seed give identical weights; another seed differs', () => {
    const spec: ModelSpec = {
      inputShape: [4, 1],
      seed: 9,
      layers: [
        { type: 'lstm', units: 3 },
        { type: 'dense', units: 2, activation: 'relu' },
      ],
    };
    const a = buildModel(spec);
    const b = buildModel(spec);
    const c = buildModel({ ...spec, seed: 10 });
    const wa = a.getWeights().map((w) => Array.from(w.dataSync()));
    expect(b.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(wa);
    expect(c.getWeights().map((w) => Array.from(w.dataSync()))).not.toEqual(wa);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('does not leak tensors when built and disposed', () => {
    const before = tf.memory().numTensors;
    buildModel(allLayers).dispose();
    const ae = buildAutoencoder({ kind: 'dense', inputShape: [6], hidden: [4], bottleneck: 2, seed: 1 });
    ae.dispose();
    ae.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('turns a shape mismatch into a ConfigError naming the layer', () => {
    expect(() =>
      buildModel({ inputShape: [4], layers: [{ type: 'conv2d', filters: 1, kernelSize: 3 }] }),
    ).toThrow(expect.objectContaining({ field: 'layers[0]' }));
  });
});

describe('resolveModelSpec', () => {
  const dense = { type: 'dense', units: 2 };
  it.each([
    [{ inputShape: [], layers: [dense] }, 'inputShape'],
    [{ inputShape: [2, 0], layers: [dense] }, 'inputShape[1]'],
    [{ inputShape: [2], layers: [] }, 'layers'],
    [{ inputShape: [2], layers: [dense, { type: 'banana' }] }, 'layers[1].type'],
    [{ inputShape: [2], layers: [dense, dense, { type: 'dense', units: 1.5 }] }, 'layers[2].units'],
    [{ inputShape: [2], layers: [{ type: 'dense', units: 2, activation: 'swish' }] }, 'layers[0].activation'],
    [{ inputShape: [2], layers: [{ type: 'dropout', rate: 1 }] }, 'layers[0].rate'],
    [
      { inputShape: [2], layers: [{ type: 'dense', units: 2, regularizer: { l2: -1 } }] },
      'layers[0].regularizer.l2',
    ],
    [
      { inputShape: [2, 2, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: [3] }] },
      'layers[0].kernelSize',
    ],
    [
      { inputShape: [2, 2, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: 3, padding: 'full' }] },
      'layers[0].padding',
    ],
    [{ inputShape: [2, 2, 1], layers: [{ type: 'maxPool2d', poolSize: 0 }] }, 'layers[0].poolSize'],
    [
      { inputShape: [2, 1], layers: [{ type: 'lstm', units: 2, activation: 'softmax' }] },
      'layers[0].activation',
    ],
    [{ inputShape: [4], layers: [{ type: 'reshape', targetShape: [2, -2] }] }, 'layers[0].targetShape[1]'],
    [{ inputShape: [2], layers: [{ type: 'activation' }] }, 'layers[0].activation'],
    [{ inputShape: [2], layers: [dense], seed: 'abc' }, 'seed'],
  ])('%j → ConfigError on %s', (spec, field) => {
    expect(() => resolveModelSpec(spec)).toThrow(ConfigError);
    expect(() => resolveModelSpec(spec)).toThrow(expect.objectContaining({ field }));
  });
});

describe('builders', () => {
  it('buildMlp and buildCnn give the right output shapes', () => {
    const mlp = buildMlp({
      inputSize: 3,
      hidden: [4, 4],
      activation: 'tanh',
      outputSize: 2,
      outputActivation: 'softmax',
      dropout: 0.1,
      regularizer: { l2: 1e-4 },
      seed: 1,
    });
    const cnn = buildCnn({
      inputShape: [8, 8, 1],
      blocks: [
        { filters: 2, kernelSize: 3, pool: 'max', batchNorm: true },
        { filters: 2, kernelSize: 3, pool: 'avg' },
      ],
      dense: [4],
      outputSize: 3,
      dropout: 0.2,
      seed: 1,
    });
    expect(mlp.outputs[0].shape).toEqual([null, 2]);
    expect(cnn.outputs[0].shape).toEqual([null, 3]);
    mlp.dispose();
    cnn.dispose();
  });

  it('buildRnn stacks layers and can return sequences', () => {
    const m = buildRnn({
      cell: 'gru',
      units: [3, 2],
      timesteps: 5,
      features: 2,
      outputSize: 1,
      returnSequences: true,
      seed: 1,
    });
    expect(m.outputs[0].shape).toEqual([null, 5, 1]);
    m.dispose();
  });

  it.each([
    [() => buildMlp({ inputSize: 0, hidden: [], outputSize: 1 }), 'inputSize'],
    [() => buildMlp({ inputSize: 2, hidden: [3, 0], outputSize: 1 }), 'hidden[1]'],
    [() => buildMlp({ inputSize: 2, hidden: [], outputSize: 1, dropout: 1.5 }), 'dropout'],
    [
      () =>
        buildCnn({ inputShape: [8, 8], blocks: [{ filters: 1, kernelSize: 3 }], dense: [], outputSize: 2 }),
      'inputShape',
    ],
    [
      () =>
        buildCnn({
          inputShape: [8, 8, 1],
          blocks: [{ filters: 1, kernelSize: 3, pool: 'min' as 'max' }],
          dense: [],
          outputSize: 2,
        }),
      'blocks[0].pool',
    ],
    [
      () => buildRnn({ cell: 'transformer' as 'gru', units: [2], timesteps: 2, features: 1, outputSize: 1 }),
      'cell',
    ],
    [
      () => buildAutoencoder({ kind: 'conv', inputShape: [6, 6, 1], hidden: [2, 2], bottleneck: 2 }),
      'inputShape',
    ],
  ])('builder config error %# names %s', (fn, field) => {
    expect(fn).toThrow(expect.objectContaining({ field }));
  });
});

describe('losses and optimizers', () => {
  it('resolves every loss to something compile accepts', () => {
    for (const name of Object.keys(LOSSES)) {
      const m = buildMlp({ inputSize: 2, hidden: [], outputSize: 2, outputActivation: 'softmax' });
      compileModel(m, { optimizer: { name: 'sgd' }, loss: name as keyof typeof LOSSES });
      m.dispose();
    }
    expect(resolveLoss('huber')).toBe(huber);
    expect(resolveLoss('meanSquaredError')).toBe('meanSquaredError');
  });

  it('huber is quadratic below delta and linear above it', () => {
    const v = tf.tidy(() => huber(tf.tensor2d([[0, 0]]), tf.tensor2d([[0.5, 3]])).dataSync()[0]);
    expect(v).toBeCloseTo((0.5 * 0.25 + (0.5 + 2)) / 2, 6);
  });

  it('creates every optimizer with frozen defaults', () => {
    for (const name of Object.keys(OPTIMIZERS)) {
      const o = createOptimizer({ name: name as keyof typeof OPTIMIZERS });
      setLearningRate(o, 0.05);
      o.dispose();
    }
    expect(resolveOptimizerConfig({ name: 'adam' }).learningRate).toBe(0.001);
    expect(resolveOptimizerConfig({ name: 'nesterov' }).learningRate).toBe(0.01);
    expect(resolveOptimizerConfig({ name: 'momentum' }).momentum).toBe(0.9);
    expect(resolveOptimizerConfig({ name: 'sgd', learningRate: undefined }).learningRate).toBe(0.01);
  });

  it.each([
    [{ name: 'adamw' }, 'name'],
    [{ name: 'adam', learningRate: 0 }, 'learningRate'],
    [{ name: 'adam', learningRate: NaN }, 'learningRate'],
    [{ name: 'momentum', momentum: 1 }, 'momentum'],
    [{ name: 'adam', beta1: -0.1 }, 'beta1'],
    [{ name: 'adam', beta2: 1 }, 'beta2'],
    [{ name: 'adam', epsilon: 0 }, 'epsilon'],
    [{ name: 'rmsprop', rho: 2 }, 'rho'],
    [{ name: 'adagrad', initialAccumulatorValue: 0 }, 'initialAccumulatorValue'],
  ])('createOptimizer(%j) → ConfigError on %s', (cfg, field) => {
    expect(() => createOptimizer(cfg as never)).toThrow(expect.objectContaining({ field }));
  });

  it('rejects an unknown loss by name', () => {
    expect(() => resolveLoss('hinge' as never)).toThrow(expect.objectContaining({ field: 'loss' }));
  });
});

describe('buildAutoencoder', () => {
  it.each(['dense', 'conv'] as const)('%s: encoder and decoder work alone with the right shapes', (kind) => {
    const ae = buildAutoencoder({
      kind,
      inputShape: [4, 4, 1],
      hidden: kind === 'conv' ? [2] : [8],
      bottleneck: 3,
      seed: 2,
    });
    const x = tf.randomUniform([2, 4, 4, 1], 0, 1, 'float32', 1);
    const code = ae.encoder.predict(x) as tf.Tensor;
    expect(code.shape).toEqual([2, 3]);
    const rec = ae.decoder.predict(code) as tf.Tensor;
    expect(rec.shape).toEqual([2, 4, 4, 1]);
    const full = ae.autoencoder.predict(x) as tf.Tensor;
    // Composition shares weights: decoder(encoder(x)) equals autoencoder(x).
    expect(Array.from(full.dataSync())).toEqual(Array.from(rec.dataSync()));
    expect(summarizeModel(ae.autoencoder).totalParams).toBe(
      ae.encoder.countParams() + ae.decoder.countParams(),
    );
    tf.dispose([x, code, rec, full]);
    ae.dispose();
  });
});

describe('SeededDropout', () => {
  it('draws a new mask each training call, replays with the same seed, and survives save/load', async () => {
    const spec: ModelSpec = {
      inputShape: [64],
      seed: 3,
      layers: [
        { type: 'dropout', rate: 0.5 },
        { type: 'dense', units: 2 },
      ],
    };
    const masks = (m: tf.Sequential) =>
      tf.tidy(() => {
        const layer = m.layers[0];
        const x = tf.ones([1, 64]);
        const a = (layer.apply(x, { training: true }) as tf.Tensor).dataSync();
        const b = (layer.apply(x, { training: true }) as tf.Tensor).dataSync();
        return [Array.from(a), Array.from(b)];
      });
    const m1 = buildModel(spec);
    const m2 = buildModel(spec);
    const [a1, b1] = masks(m1);
    const [a2, b2] = masks(m2);
    expect(a1).not.toEqual(b1);
    expect(a2).toEqual(a1);
    expect(b2).toEqual(b1);
    let artifacts: tf.io.ModelArtifacts | undefined;
    await m1.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    const x = tf.ones([2, 64]);
    const p1 = m1.predict(x) as tf.Tensor;
    const p2 = loaded.predict(x) as tf.Tensor;
    expect(Array.from(p2.dataSync())).toEqual(Array.from(p1.dataSync()));
    tf.dispose([x, p1, p2]);
    [m1, m2, loaded].forEach((m) => m.dispose());
  });
});
