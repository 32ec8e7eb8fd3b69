// The trainable head: a small dense network on cached features, trained with lib/training.
import * as tf from '@tensorflow/tfjs';

import { ConfigError } from '../errors';
import { buildMlp, compileModel } from '../models';
import { confusionMatrix, perClassAccuracy, train } from '../training';
import { DEFAULT_HEAD_CONFIG } from './constants';
import { checkTrainable, packFeatures, stratifiedSplit } from './dataset';
import type { FeaturesByClass, HeadConfig, TrainHeadOptions, TrainHeadResult } from './types';

/** Checks and fills a HeadConfig; throws ConfigError naming the field. */
export function resolveHeadConfig(partial: Partial<HeadConfig> = {}): HeadConfig {
  const c: HeadConfig = {
    epochs: partial.epochs ?? DEFAULT_HEAD_CONFIG.epochs,
    batchSize: partial.batchSize ?? DEFAULT_HEAD_CONFIG.batchSize,
    learningRate: partial.learningRate ?? DEFAULT_HEAD_CONFIG.learningRate,
    validationSplit: partial.validationSplit ?? DEFAULT_HEAD_CONFIG.validationSplit,
    hidden: [...(partial.hidden ?? DEFAULT_HEAD_CONFIG.hidden)],
    seed: partial.seed ?? DEFAULT_HEAD_CONFIG.seed,
  };
  if (!Number.isInteger(c.epochs) || c.epochs < 1 || c.epochs > 1000)
    throw new ConfigError('epochs', c.epochs, 'an integer from 1 to 1000');
  if (!Number.isInteger(c.batchSize) || c.batchSize < 1 || c.batchSize > 1024) {
    throw new ConfigError('batchSize', c.batchSize, 'an integer from 1 to 1024');
  }
  if (!(c.learningRate > 0 && c.learningRate <= 1))
    throw new ConfigError('learningRate', c.learningRate, 'a number in (0, 1]');
  if (!(c.validationSplit >= 0 && c.validationSplit < 0.9)) {
    throw new ConfigError('validationSplit', c.validationSplit, 'a number in [0, 0.9)');
  }
  if (!c.hidden.every((u) => Number.isInteger(u) && u >= 1 && u <= 1024)) {
    throw new ConfigError('hidden', c.hidden, 'a list of integers from 1 to 1024');
  }
  if (!Number.isInteger(c.seed)) throw new ConfigError('seed', c.seed, 'an integer');
  return c;
}

/** Builds and compiles an untrained head: dense hidden layers (relu) and a softmax over the classes. */
export function createHead(
  featureSize: number,
  numClasses: number,
  config: Partial<HeadConfig> = {},
): tf.LayersModel {
  const c = resolveHeadConfig(config);
  const model = buildMlp({
    inputSize: featureSize,
    hidden: c.hidden,
    activation: 'relu',
    outputSize: numClasses,
    outputActivation: 'softmax',
    seed: c.seed,
  });
  compileModel(model, {
    optimizer: { name: 'adam', learningRate: c.learningRate },
    loss: 'categoricalCrossentropy',
  });
  return model;
}

/**
 * Trains a new head on cached features, grouped by class. `extraTrain` adds more training-only
 * examples per class (augmented copies); they never enter the held-out set. The caller owns the
 * returned model. Cancelling keeps the partly trained model.
 * @throws InputError when a class is empty or there are fewer than 2 classes.
 */
export async function trainHead(
  labels: readonly string[],
  features: FeaturesByClass,
  config: Partial<HeadConfig> = {},
  options: TrainHeadOptions = {},
  extraTrain?: FeaturesByClass,
): Promise<TrainHeadResult> {
  const c = resolveHeadConfig(config);
  checkTrainable(labels, features);
  const k = labels.length;
  const size = features.find((f) => f.length > 0)?.[0].length ?? 0;
  const split = stratifiedSplit(features, c.validationSplit, c.seed);
  extraTrain?.forEach((list, cls) =>
    list.forEach((f) => {
      split.trainX.push(f as Float32Array);
      split.trainY.push(cls);
    }),
  );
  const model = createHead(size, k, c);
  const oneHot = (ys: number[]) => tf.tidy(() => tf.oneHot(tf.tensor1d(ys, 'int32'), k).toFloat());
  const x = tf.tensor2d(packFeatures(split.trainX, size), [split.trainX.length, size]);
  const y = oneHot(split.trainY);
  const hasVal = split.valX.length > 0;
  const vx = hasVal ? tf.tensor2d(packFeatures(split.valX, size), [split.valX.length, size]) : null;
  const vy = hasVal ? oneHot(split.valY) : null;
  try {
    const result = await train(
      model,
      { x, y, validation: vx && vy ? { x: vx, y: vy } : undefined },
      {
        epochs: c.epochs,
        batchSize: c.batchSize,
        seed: c.seed,
        shuffle: true,
        // A head step takes about a millisecond; yielding a whole animation frame (~16 ms) after
        // every batch made training 10× slower than its maths. Every 8 batches keeps the page
        // responsive and the curves live.
        yieldEvery: options.yieldEvery ?? 8,
        signal: options.signal,
        onEpochEnd: (epoch, logs) => options.onEpochEnd?.({ epoch: epoch + 1, epochs: c.epochs, ...logs }),
      },
    );
    let predY: number[] = [];
    if (vx) {
      const p = tf.tidy(() => (model.predict(vx) as tf.Tensor).argMax(1));
      predY = Array.from(await p.data());
      p.dispose();
    }
    const confusion = predY.length
      ? confusionMatrix(split.valY, predY, k)
      : Array.from({ length: k }, () => new Array<number>(k).fill(0));
    return {
      model,
      history: result.history,
      epochsRun: result.epochsRun,
      cancelled: result.cancelled,
      ms: result.ms,
      validation: { trueY: split.valY, predY },
      confusion,
      perClassAccuracy: predY.length
        ? perClassAccuracy(split.valY, predY, k)
        : new Array<number | null>(k).fill(null),
      counts: { train: split.trainX.length, validation: split.valX.length },
      tooFewToTest: c.validationSplit > 0 && split.valX.length === 0,
    };
  } catch (e) {
    disposeHead(model);
    throw e;
  } finally {
    tf.dispose([x, y]);
    if (vx) vx.dispose();
    if (vy) vy.dispose();
  }
}

/** Class probabilities for one feature vector (plain numbers; leaves no tensors). */
export async function predictHead(model: tf.LayersModel, feature: Float32Array): Promise<number[]> {
  const p = tf.tidy(() => model.predict(tf.tensor2d(feature, [1, feature.length])) as tf.Tensor);
  try {
    return Array.from(await p.data());
  } finally {
    p.dispose();
  }
}

/**
 * Disposes a head; safe to call twice and with null. compileModel (lib/models/compile.ts) makes the
 * model own its optimizer, so `model.dispose()` also frees Adam's state (two tensors per weight).
 */
export function disposeHead(model: tf.LayersModel | null | undefined): void {
  if (!model) return;
  try {
    model.dispose();
  } catch {
    // Already disposed: dispose() is safe to call twice.
  }
}
