// Turns a validated ModelSpec into a tf.Sequential with seeded initialisers.
import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors';
import { LEAKY_RELU_ALPHA } from './constants';
import { SeededDropout } from './seeded-dropout';
import { resolveModelSpec } from './spec';
import type { ActivationName, LayerSpec, ModelSpec, RegularizerSpec } from './types';

type TfActivation = 'linear' | 'sigmoid' | 'relu' | 'elu' | 'selu' | 'tanh' | 'softplus' | 'softmax';

/**
 * Derives a per-layer, per-purpose seed so no two weight tensors share a random stream. Salt 1: the
 * kernel initialiser; 2: the dropout masks; 3: the recurrent initialiser.
 */
export function deriveSeed(base: number | undefined, layer: number, salt: number): number | undefined {
  return base === undefined ? undefined : Math.trunc(base) * 1009 + layer * 31 + salt;
}

/**
 * Picks an initialiser suited to the activation: He for the ReLU family (keeps variance
 * through rectifiers), LeCun for SELU (its self-normalising assumption), Glorot otherwise.
 */
function kernelInit(activation: ActivationName | undefined, seed: number | undefined) {
  if (activation === 'relu' || activation === 'leakyRelu' || activation === 'elu') {
    return tf.initializers.heNormal({ seed });
  }
  if (activation === 'selu') return tf.initializers.leCunNormal({ seed });
  return tf.initializers.glorotUniform({ seed });
}

function regularizer(r: RegularizerSpec | undefined) {
  if (!r || (!r.l1 && !r.l2)) return undefined;
  return tf.regularizers.l1l2({ l1: r.l1 ?? 0, l2: r.l2 ?? 0 });
}

/**
 * tfjs-layers has no 'leakyRelu' activation string (verified in 4.22: "Unknown activation"),
 * so a layer asking for it is built linear and followed by a LeakyReLU layer.
 */
function splitActivation(a: ActivationName | undefined): { inner: TfActivation; leaky: boolean } {
  if (a === 'leakyRelu') return { inner: 'linear', leaky: true };
  return { inner: (a ?? 'linear') as TfActivation, leaky: false };
}

/** Creates the tfjs layers for one spec entry (one, or two when leakyRelu needs its own layer). */
function makeLayers(
  l: LayerSpec,
  index: number,
  seed: number | undefined,
  inputShape: number[],
): tf.layers.Layer[] {
  const s = (salt: number) => deriveSeed(seed, index, salt);
  // Only the first layer declares the input shape; like Keras, no InputLayer shows in model.layers.
  const io: { inputShape?: number[] } = index === 0 ? { inputShape } : {};
  switch (l.type) {
    case 'dense': {
      const { inner, leaky } = splitActivation(l.activation);
      const out: tf.layers.Layer[] = [
        tf.layers.dense({
          ...io,
          units: l.units,
          activation: inner,
          useBias: l.useBias ?? true,
          kernelInitializer: kernelInit(l.activation, s(1)),
          kernelRegularizer: regularizer(l.regularizer),
        }),
      ];
      if (leaky) out.push(tf.layers.leakyReLU({ alpha: LEAKY_RELU_ALPHA }));
      return out;
    }
    case 'dropout':
      return [new SeededDropout({ ...io, rate: l.rate, seed: s(2) })];
    case 'conv2d':
    case 'conv2dTranspose': {
      const { inner, leaky } = splitActivation(l.activation);
      const args = {
        ...io,
        filters: l.filters,
        kernelSize: l.kernelSize,
        strides: l.strides ?? 1,
        padding: l.padding ?? 'same',
        activation: inner,
        kernelInitializer: kernelInit(l.activation, s(1)),
        kernelRegularizer: regularizer(l.regularizer),
      } as const;
      const out: tf.layers.Layer[] = [
        l.type === 'conv2d' ? tf.layers.conv2d(args) : tf.layers.conv2dTranspose(args),
      ];
      if (leaky) out.push(tf.layers.leakyReLU({ alpha: LEAKY_RELU_ALPHA }));
      return out;
    }
    case 'maxPool2d':
      return [tf.layers.maxPooling2d({ ...io, poolSize: l.poolSize, strides: l.strides })];
    case 'avgPool2d':
      return [tf.layers.averagePooling2d({ ...io, poolSize: l.poolSize, strides: l.strides })];
    case 'upSampling2d':
      return [tf.layers.upSampling2d({ ...io, size: Array.isArray(l.size) ? l.size : [l.size, l.size] })];
    case 'batchNorm':
      return [tf.layers.batchNormalization({ ...io })];
    case 'flatten':
      return [tf.layers.flatten({ ...io })];
    case 'reshape':
      return [tf.layers.reshape({ ...io, targetShape: l.targetShape })];
    case 'prelu':
      return [tf.layers.prelu({ ...io })];
    case 'activation':
      return l.activation === 'leakyRelu'
        ? [tf.layers.leakyReLU({ ...io, alpha: LEAKY_RELU_ALPHA })]
        : [tf.layers.activation({ ...io, activation: l.activation })];
    case 'simpleRnn':
    case 'lstm':
    case 'gru': {
      const common = {
        ...io,
        units: l.units,
        returnSequences: l.returnSequences ?? false,
        activation: l.activation ?? 'tanh',
        kernelInitializer: tf.initializers.glorotUniform({ seed: s(1) }),
        recurrentInitializer: tf.initializers.orthogonal({ seed: s(3), gain: 1 }),
      } as const;
      if (l.type === 'simpleRnn') return [tf.layers.simpleRNN(common)];
      // tfjs defaults recurrentActivation to hardSigmoid; Keras 2+ and the literature use sigmoid.
      const gated = { ...common, recurrentActivation: 'sigmoid' } as const;
      return [l.type === 'lstm' ? tf.layers.lstm(gated) : tf.layers.gru(gated)];
    }
  }
}

/**
 * The starting kernel [inputSize × units] that `buildModel` gives the dense layer at `layerIndex` of
 * `spec`, as a flat row-major array: the same seeded initialiser, so another engine training the same
 * spec (lib/lab's dense engine) starts from exactly the weights tfjs would. Biases start at zero.
 */
export function initialDenseKernel(spec: ModelSpec, layerIndex: number, inputSize: number): Float32Array {
  const l = spec.layers[layerIndex];
  if (!l || l.type !== 'dense') throw new ConfigError(`layers[${layerIndex}]`, l?.type, 'a dense layer');
  const init = kernelInit(l.activation, deriveSeed(spec.seed, layerIndex, 1));
  return tf.tidy(() => Float32Array.from(init.apply([inputSize, l.units], 'float32').dataSync()));
}

/**
 * Builds a tf.Sequential from a plain JSON spec. The spec is validated first
 * (ConfigError names the field path). The same spec with the same `seed` always gives
 * identical initial weights. The caller owns the model and must `dispose()` it.
 */
export function buildModel(spec: ModelSpec): tf.Sequential {
  const resolved = resolveModelSpec(spec);
  const model = tf.sequential();
  try {
    resolved.layers.forEach((layerSpec, i) => {
      for (const layer of makeLayers(layerSpec, i, resolved.seed, resolved.inputShape)) {
        try {
          model.add(layer);
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          throw new ConfigError(
            `layers[${i}]`,
            layerSpec.type,
            `a layer that fits the shape coming into it (tfjs says: ${reason})`,
          );
        }
      }
    });
  } catch (err) {
    model.dispose();
    throw err;
  }
  return model;
}
