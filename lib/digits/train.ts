// Trains a digit network on MNIST (plus the learner's own drawings), then evaluates it: the
// orchestration behind the Digits studio's "Train your own" tab, with no UI in it.
import type * as tf from '@tensorflow/tfjs';

import { compileModel, summarizeModel, type ModelSummary, type OptimizerName } from '../models';
import { train, type EpochLogs } from '../training';
import { MNIST_PIXELS } from './constants';
import {
  buildDigitNet,
  digitsToTensor,
  evaluateDigits,
  firstLayerWeights,
  labelsToOneHot,
} from './digit-nets';
import type { DigitEvaluation, DigitNetConfig, FirstLayerView } from './types';

/** A drawing the learner labelled: 784 values (0-1, white ink on black) and its digit. */
export interface LabelledDigit {
  pixels: Float32Array;
  label: number;
}

/** The digits to train and test on (the shape of `MnistData`). */
export interface DigitsTrainData {
  trainImages: Float32Array;
  trainLabels: ArrayLike<number>;
  testImages: Float32Array;
  testLabels: ArrayLike<number>;
}

/** Options for `trainDigits`. */
export interface TrainDigitsOptions {
  /** The network to build. Ignored when `model` is given. */
  net?: Partial<DigitNetConfig>;
  /** Keep training this model (fine-tuning) instead of building one; the caller still owns it. */
  model?: tf.LayersModel;
  /** Optimizer. Defaults to 'adam'. */
  optimizer?: OptimizerName;
  /** Learning rate. Defaults to 0.001. */
  learningRate?: number;
  /** Passes over the data. Defaults to 3. */
  epochs?: number;
  /** Digits per gradient step. Defaults to 64. */
  batchSize?: number;
  /** The learner's drawings, added to the training digits. Defaults to none. */
  extra?: readonly LabelledDigit[];
  /** How many times each drawing is repeated, so a handful can matter among thousands. Defaults to 10. */
  repeat?: number;
  /** Fraction held out for validation. Defaults to 0.1. */
  validationSplit?: number;
  /** Seed of the split and shuffles. Defaults to 7. */
  seed?: number;
  /** How many first-layer filters to return for drawing. Defaults to 16 (MLP) or 32 (CNN). */
  firstLayerLimit?: number;
  /** Aborting stops at the next batch; the model is still evaluated and returned. */
  signal?: AbortSignal;
  /** Called once the model is built and compiled, with its layer table. */
  onModel?: (summary: ModelSummary) => void;
  /** Called after each batch with the fraction (0-1) of the epoch done. */
  onBatchEnd?: (fraction: number) => void;
  /** Called after each epoch with the number of finished epochs and its numbers. */
  onEpochEnd?: (finished: number, logs: EpochLogs) => void;
  /** Called when training ends and the test set is being evaluated. */
  onEvaluate?: () => void;
}

/** What `trainDigits` returns. The caller owns and disposes `model`. */
export interface TrainDigitsResult {
  model: tf.LayersModel;
  evaluation: DigitEvaluation;
  firstLayer: FirstLayerView | null;
  /** True when the signal stopped training early. */
  cancelled: boolean;
  /** Wall-clock milliseconds spent training (not evaluating). */
  ms: number;
}

/** The training digits followed by each extra drawing `repeat` times. */
export function withDrawings(
  images: Float32Array,
  labels: ArrayLike<number>,
  extra: readonly LabelledDigit[],
  repeat: number,
): { images: Float32Array; labels: number[] } {
  const base = labels.length;
  const n = base + extra.length * repeat;
  const all = new Float32Array(n * MNIST_PIXELS);
  all.set(images.subarray(0, base * MNIST_PIXELS));
  const out = Array.from(labels);
  let offset = base;
  for (const d of extra) {
    for (let r = 0; r < repeat; r++) {
      all.set(d.pixels, offset * MNIST_PIXELS);
      out.push(d.label);
      offset += 1;
    }
  }
  return { images: all, labels: out };
}

/**
 * Builds (or takes) a digit network, compiles it with a fresh optimizer, trains it on the digits
 * and drawings, and evaluates it on the test digits. Tensors it makes are disposed; on an error a
 * model it built is disposed too.
 */
export async function trainDigits(
  data: DigitsTrainData,
  options: TrainDigitsOptions = {},
): Promise<TrainDigitsResult> {
  const batchSize = options.batchSize ?? 64;
  const validationSplit = options.validationSplit ?? 0.1;
  const built = options.model ? null : buildDigitNet(options.net);
  const model = options.model ?? (built as tf.LayersModel);
  try {
    compileModel(model, {
      optimizer: { name: options.optimizer ?? 'adam', learningRate: options.learningRate ?? 0.001 },
      loss: 'categoricalCrossentropy',
    });
    options.onModel?.(summarizeModel(model));
    const set = withDrawings(data.trainImages, data.trainLabels, options.extra ?? [], options.repeat ?? 10);
    const x = digitsToTensor(set.images, set.labels.length);
    const y = labelsToOneHot(set.labels);
    const steps = Math.ceil((set.labels.length * (1 - validationSplit)) / batchSize);
    let res;
    try {
      res = await train(
        model,
        { x, y },
        {
          epochs: options.epochs ?? 3,
          batchSize,
          validationSplit,
          seed: options.seed ?? 7,
          signal: options.signal,
          onBatchEnd: (batch) => options.onBatchEnd?.((batch + 1) / steps),
          onEpochEnd: (epoch, logs) => options.onEpochEnd?.(epoch + 1, logs),
        },
      );
    } finally {
      x.dispose();
      y.dispose();
    }
    options.onEvaluate?.();
    const evaluation = await evaluateDigits(model, data.testImages, data.testLabels);
    const kind = model.layers.some((l) => l.getClassName() === 'Conv2D') ? 'cnn' : 'mlp';
    const firstLayer = firstLayerWeights(model, options.firstLayerLimit ?? (kind === 'mlp' ? 16 : 32));
    return { model, evaluation, firstLayer, cancelled: res.cancelled, ms: res.ms };
  } catch (e) {
    built?.dispose();
    throw e;
  }
}
