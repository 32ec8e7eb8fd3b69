// Build, predict with, evaluate and inspect the digit networks (input [n, 28, 28, 1], 10 softmax outputs).
import * as tf from '@tensorflow/tfjs';

import { ConfigError, InputError } from '../errors';
import { buildModel, type ModelSpec } from '../models';
import { DEFAULT_DIGIT_NET_CONFIG, MNIST_PIXELS, MNIST_SIDE } from './constants';
import type { DigitEvaluation, DigitMistake, DigitNetConfig, FirstLayerView } from './types';

/** Fills defaults and checks ranges; throws ConfigError naming the field. */
export function resolveDigitNetConfig(partial: Partial<DigitNetConfig> = {}): DigitNetConfig {
  const c: DigitNetConfig = {
    kind: partial.kind ?? DEFAULT_DIGIT_NET_CONFIG.kind,
    hidden: partial.hidden ?? DEFAULT_DIGIT_NET_CONFIG.hidden,
    filters: partial.filters ?? DEFAULT_DIGIT_NET_CONFIG.filters,
    seed: partial.seed ?? DEFAULT_DIGIT_NET_CONFIG.seed,
  };
  if (c.kind !== 'mlp' && c.kind !== 'cnn') throw new ConfigError('kind', c.kind, "'mlp' or 'cnn'");
  if (!Number.isInteger(c.hidden) || c.hidden < 1 || c.hidden > 1024) {
    throw new ConfigError('hidden', c.hidden, 'an integer from 1 to 1024');
  }
  if (!Number.isInteger(c.filters) || c.filters < 1 || c.filters > 64) {
    throw new ConfigError('filters', c.filters, 'an integer from 1 to 64');
  }
  return c;
}

/** The ModelSpec of a digit network; both kinds take [28, 28, 1] so any digit model reads the same input. */
export function digitNetSpec(partial: Partial<DigitNetConfig> = {}): ModelSpec {
  const c = resolveDigitNetConfig(partial);
  if (c.kind === 'mlp') {
    return {
      inputShape: [MNIST_SIDE, MNIST_SIDE, 1],
      layers: [
        { type: 'flatten' },
        { type: 'dense', units: c.hidden, activation: 'relu' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
      seed: c.seed,
    };
  }
  return {
    inputShape: [MNIST_SIDE, MNIST_SIDE, 1],
    layers: [
      { type: 'conv2d', filters: c.filters, kernelSize: 3, activation: 'relu', padding: 'same' },
      { type: 'maxPool2d', poolSize: 2 },
      { type: 'conv2d', filters: c.filters * 2, kernelSize: 3, activation: 'relu', padding: 'same' },
      { type: 'maxPool2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 64, activation: 'relu' },
      { type: 'dropout', rate: 0.25 },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
    seed: c.seed,
  };
}

/** Builds an untrained digit network. The caller owns and disposes it. */
export function buildDigitNet(partial: Partial<DigitNetConfig> = {}): tf.Sequential {
  return buildModel(digitNetSpec(partial));
}

/** Turns `count` images (each 784 values 0–1, row-major) into a [count, 28, 28, 1] tensor. */
export function digitsToTensor(images: Float32Array, count = images.length / MNIST_PIXELS): tf.Tensor4D {
  if (!Number.isInteger(count) || images.length < count * MNIST_PIXELS) {
    throw new InputError(`Expected ${count} images of ${MNIST_PIXELS} pixels, got ${images.length} values.`);
  }
  return tf.tensor4d(images.subarray(0, count * MNIST_PIXELS), [count, MNIST_SIDE, MNIST_SIDE, 1]);
}

/** One-hot [n, 10] targets from digit labels. */
export function labelsToOneHot(labels: ArrayLike<number>): tf.Tensor2D {
  return tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), 10).toFloat() as tf.Tensor2D);
}

/** Probabilities of 0–9 for one 28×28 image (784 values 0–1, white ink on black). */
export async function predictDigit(model: tf.LayersModel, pixels: Float32Array): Promise<number[]> {
  if (pixels.length !== MNIST_PIXELS) throw new InputError(`A digit image has ${MNIST_PIXELS} pixels, got ${pixels.length}.`);
  const out = tf.tidy(() => model.predict(tf.tensor4d(pixels, [1, MNIST_SIDE, MNIST_SIDE, 1])) as tf.Tensor);
  const probs = Array.from(await out.data());
  out.dispose();
  return probs;
}

/**
 * Accuracy, per-digit accuracy, confusion matrix and the most confident mistakes of `model` on
 * labelled images, predicted in batches so a big test set never needs one huge tensor.
 */
export async function evaluateDigits(
  model: tf.LayersModel,
  images: Float32Array,
  labels: ArrayLike<number>,
  { batchSize = 256, maxMistakes = 24 }: { batchSize?: number; maxMistakes?: number } = {},
): Promise<DigitEvaluation> {
  const n = labels.length;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  const mistakes: DigitMistake[] = [];
  let correct = 0;
  for (let start = 0; start < n; start += batchSize) {
    const count = Math.min(batchSize, n - start);
    const probs = tf.tidy(
      () => model.predict(digitsToTensor(images.subarray(start * MNIST_PIXELS, (start + count) * MNIST_PIXELS), count)) as tf.Tensor,
    );
    const values = await probs.data();
    probs.dispose();
    for (let i = 0; i < count; i++) {
      const row = values.subarray(i * 10, i * 10 + 10);
      let pred = 0;
      for (let k = 1; k < 10; k++) if (row[k] > row[pred]) pred = k;
      const label = labels[start + i];
      confusion[label][pred] += 1;
      if (pred === label) correct += 1;
      else mistakes.push({ index: start + i, pred, label, confidence: row[pred] });
    }
    await tf.nextFrame();
  }
  mistakes.sort((a, b) => b.confidence - a.confidence);
  return {
    accuracy: n ? correct / n : 0,
    perClass: confusion.map((row, i) => {
      const total = row.reduce((a, b) => a + b, 0);
      return total ? row[i] / total : 0;
    }),
    confusion,
    mistakes: mistakes.slice(0, maxMistakes),
  };
}

/**
 * The first trainable layer's weights as small images: for an MLP each hidden neuron's 784 input
 * weights (28×28); for a CNN each first-layer filter (k×k, first input channel). At most `limit`.
 */
export function firstLayerWeights(model: tf.LayersModel, limit = 32): FirstLayerView | null {
  const layer = model.layers.find((l) => l.getWeights().length > 0);
  if (!layer) return null;
  const [kernel] = layer.getWeights();
  const shape = kernel.shape;
  const values = kernel.dataSync() as Float32Array;
  if (shape.length === 2 && shape[0] === MNIST_PIXELS) {
    const units = shape[1];
    const images: Float32Array[] = [];
    for (let u = 0; u < Math.min(units, limit); u++) {
      const img = new Float32Array(MNIST_PIXELS);
      for (let p = 0; p < MNIST_PIXELS; p++) img[p] = values[p * units + u];
      images.push(img);
    }
    return { kind: 'dense', side: 28, images };
  }
  if (shape.length === 4) {
    const [kh, kw, inC, outC] = shape;
    const images: Float32Array[] = [];
    for (let f = 0; f < Math.min(outC, limit); f++) {
      const img = new Float32Array(kh * kw);
      for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) img[y * kw + x] = values[((y * kw + x) * inC + 0) * outC + f];
      images.push(img);
    }
    return { kind: 'conv', side: kh, images };
  }
  return null;
}
