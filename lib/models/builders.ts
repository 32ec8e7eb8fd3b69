// Convenience builders for the common shapes: MLP, CNN, stacked RNN and autoencoders.
import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors';
import { ACTIVATIONS, DEFAULT_BUILDER_CONFIG } from './constants';
import { buildModel } from './build-model';
import { checkRegularizer } from './spec';
import type {
  ActivationName,
  Autoencoder,
  AutoencoderConfig,
  CnnConfig,
  LayerSpec,
  MlpConfig,
  ModelSpec,
  RnnConfig,
} from './types';
import { checkEnum, checkInt, checkNumber, checkOptionalSeed } from './validate';

const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

function checkIntList(field: string, value: unknown, allowEmpty: boolean): number[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
    throw new ConfigError(field, value, `${allowEmpty ? 'an' : 'a non-empty'} array of integers ≥ 1`);
  }
  return value.map((v, i) => checkInt(`${field}[${i}]`, v));
}

function checkShape(field: string, value: unknown, rank?: number): number[] {
  if (!Array.isArray(value) || value.length === 0 || (rank !== undefined && value.length !== rank)) {
    throw new ConfigError(
      field,
      value,
      rank === 3 ? '[height, width, channels]' : 'a non-empty array of integers ≥ 1',
    );
  }
  return value.map((v, i) => checkInt(`${field}[${i}]`, v));
}

function activation(field: string, value: unknown, fallback: ActivationName): ActivationName {
  return checkEnum(field, value ?? fallback, ACTIVATION_NAMES);
}

/** The ModelSpec `buildMlp` builds: dense hidden layers (+ dropout) and a dense output. */
export function mlpSpec(c: MlpConfig): ModelSpec {
  const inputSize = checkInt('inputSize', c.inputSize);
  const hidden = checkIntList('hidden', c.hidden, true);
  const act = activation('activation', c.activation, DEFAULT_BUILDER_CONFIG.mlpActivation);
  const outputSize = checkInt('outputSize', c.outputSize);
  const outAct = activation(
    'outputActivation',
    c.outputActivation,
    DEFAULT_BUILDER_CONFIG.mlpOutputActivation,
  );
  const dropout = checkNumber('dropout', c.dropout ?? DEFAULT_BUILDER_CONFIG.dropout, 0, 1, true);
  const regularizer = checkRegularizer('regularizer', c.regularizer);
  const layers: LayerSpec[] = [];
  for (const units of hidden) {
    layers.push({ type: 'dense', units, activation: act, regularizer });
    if (dropout > 0) layers.push({ type: 'dropout', rate: dropout });
  }
  layers.push({ type: 'dense', units: outputSize, activation: outAct });
  return { inputShape: [inputSize], layers, seed: checkOptionalSeed('seed', c.seed) };
}

/** Builds a multi-layer perceptron. The caller owns (and disposes) the model. */
export function buildMlp(config: MlpConfig): tf.Sequential {
  return buildModel(mlpSpec(config));
}

/** The ModelSpec `buildCnn` builds: conv blocks, flatten, dense layers, dropout, output. */
export function cnnSpec(c: CnnConfig): ModelSpec {
  const inputShape = checkShape('inputShape', c.inputShape, 3);
  if (!Array.isArray(c.blocks) || c.blocks.length === 0) {
    throw new ConfigError('blocks', c.blocks, 'a non-empty array of { filters, kernelSize }');
  }
  const dense = checkIntList('dense', c.dense ?? [], true);
  const outputSize = checkInt('outputSize', c.outputSize);
  const outAct = activation(
    'outputActivation',
    c.outputActivation,
    DEFAULT_BUILDER_CONFIG.cnnOutputActivation,
  );
  const dropout = checkNumber('dropout', c.dropout ?? DEFAULT_BUILDER_CONFIG.dropout, 0, 1, true);
  const layers: LayerSpec[] = [];
  c.blocks.forEach((b, i) => {
    const filters = checkInt(`blocks[${i}].filters`, b.filters);
    const kernelSize = checkInt(`blocks[${i}].kernelSize`, b.kernelSize);
    layers.push({ type: 'conv2d', filters, kernelSize, activation: 'relu', padding: 'same' });
    if (b.batchNorm) layers.push({ type: 'batchNorm' });
    if (b.pool !== undefined) {
      const pool = checkEnum(`blocks[${i}].pool`, b.pool, ['max', 'avg'] as const);
      layers.push({ type: pool === 'max' ? 'maxPool2d' : 'avgPool2d', poolSize: 2 });
    }
  });
  layers.push({ type: 'flatten' });
  for (const units of dense) layers.push({ type: 'dense', units, activation: 'relu' });
  if (dropout > 0) layers.push({ type: 'dropout', rate: dropout });
  layers.push({ type: 'dense', units: outputSize, activation: outAct });
  return { inputShape, layers, seed: checkOptionalSeed('seed', c.seed) };
}

/** Builds a small convolutional network for images [height, width, channels]. */
export function buildCnn(config: CnnConfig): tf.Sequential {
  return buildModel(cnnSpec(config));
}

/** The ModelSpec `buildRnn` builds: stacked recurrent layers and a dense output. */
export function rnnSpec(c: RnnConfig): ModelSpec {
  const cell = checkEnum('cell', c.cell, ['simpleRnn', 'lstm', 'gru'] as const);
  const units = checkIntList('units', c.units, false);
  const timesteps = checkInt('timesteps', c.timesteps);
  const features = checkInt('features', c.features);
  const outputSize = checkInt('outputSize', c.outputSize);
  const outAct = activation(
    'outputActivation',
    c.outputActivation,
    DEFAULT_BUILDER_CONFIG.rnnOutputActivation,
  );
  const last = c.returnSequences ?? false;
  const layers: LayerSpec[] = units.map((u, i) => ({
    type: cell,
    units: u,
    // Every layer but the last must hand a full sequence to the next one.
    returnSequences: i < units.length - 1 ? true : last,
  }));
  layers.push({ type: 'dense', units: outputSize, activation: outAct });
  return { inputShape: [timesteps, features], layers, seed: checkOptionalSeed('seed', c.seed) };
}

/** Builds a stacked SimpleRNN/LSTM/GRU model for inputs [timesteps, features]. */
export function buildRnn(config: RnnConfig): tf.Sequential {
  return buildModel(rnnSpec(config));
}

/** The encoder and decoder specs `buildAutoencoder` builds. */
export function autoencoderSpecs(c: AutoencoderConfig): { encoder: ModelSpec; decoder: ModelSpec } {
  const kind = checkEnum('kind', c.kind, ['dense', 'conv'] as const);
  const inputShape = checkShape('inputShape', c.inputShape, kind === 'conv' ? 3 : undefined);
  const hidden = checkIntList('hidden', c.hidden, kind === 'dense');
  const bottleneck = checkInt('bottleneck', c.bottleneck);
  const outAct = activation(
    'outputActivation',
    c.outputActivation,
    DEFAULT_BUILDER_CONFIG.autoencoderOutputActivation,
  );
  const seed = checkOptionalSeed('seed', c.seed);
  const size = inputShape.reduce((a, b) => a * b, 1);
  const enc: LayerSpec[] = [];
  const dec: LayerSpec[] = [];
  if (kind === 'dense') {
    if (inputShape.length > 1) enc.push({ type: 'flatten' });
    for (const units of hidden) enc.push({ type: 'dense', units, activation: 'relu' });
    enc.push({ type: 'dense', units: bottleneck, activation: 'linear' });
    for (const units of hidden.slice().reverse()) dec.push({ type: 'dense', units, activation: 'relu' });
    dec.push({ type: 'dense', units: size, activation: outAct });
    if (inputShape.length > 1) dec.push({ type: 'reshape', targetShape: inputShape });
  } else {
    const [h, w, ch] = inputShape;
    const factor = 2 ** hidden.length;
    if (h % factor !== 0 || w % factor !== 0) {
      throw new ConfigError(
        'inputShape',
        inputShape,
        `height and width divisible by ${factor} (each of the ${hidden.length} blocks halves them)`,
      );
    }
    for (const filters of hidden) {
      enc.push({ type: 'conv2d', filters, kernelSize: 3, activation: 'relu' });
      enc.push({ type: 'maxPool2d', poolSize: 2 });
    }
    enc.push({ type: 'flatten' });
    enc.push({ type: 'dense', units: bottleneck, activation: 'linear' });
    const last = hidden[hidden.length - 1];
    const small = [h / factor, w / factor, last];
    dec.push({ type: 'dense', units: small[0] * small[1] * last, activation: 'relu' });
    dec.push({ type: 'reshape', targetShape: small });
    for (const filters of hidden.slice().reverse()) {
      dec.push({ type: 'upSampling2d', size: 2 });
      dec.push({ type: 'conv2d', filters, kernelSize: 3, activation: 'relu' });
    }
    dec.push({ type: 'conv2d', filters: ch, kernelSize: 3, activation: outAct });
  }
  return {
    encoder: { inputShape, layers: enc, seed },
    // A different seed so the decoder's first layer does not mirror the encoder's.
    decoder: { inputShape: [bottleneck], layers: dec, seed: seed === undefined ? undefined : seed + 1 },
  };
}

/**
 * Builds an autoencoder from an encoder and a decoder Sequential. The autoencoder is the
 * two applied in a row, so training it trains the very same weight variables the encoder
 * and decoder use on their own. The caller owns the result and calls its `dispose()` once.
 */
export function buildAutoencoder(config: AutoencoderConfig): Autoencoder {
  const specs = autoencoderSpecs(config);
  const encoder = buildModel(specs.encoder);
  let decoder: tf.Sequential;
  try {
    decoder = buildModel(specs.decoder);
  } catch (err) {
    encoder.dispose();
    throw err;
  }
  const input = tf.input({ shape: specs.encoder.inputShape });
  const output = decoder.apply(encoder.apply(input)) as tf.SymbolicTensor;
  const autoencoder = tf.model({ inputs: input, outputs: output, name: 'autoencoder' });
  let disposed = false;
  return {
    autoencoder,
    encoder,
    decoder,
    dispose() {
      if (disposed) return;
      disposed = true;
      // Disposing the composed model drops the last reference to each half, freeing its weights.
      autoencoder.dispose();
    },
  };
}
