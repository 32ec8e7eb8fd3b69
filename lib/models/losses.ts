// Loss names → what model.compile accepts, with a custom Huber loss tfjs-layers lacks.
import * as tf from '@tensorflow/tfjs';
import { HUBER_DELTA, LOSSES } from './constants';
import type { CompiledLoss, LossName } from './types';
import { checkEnum } from './validate';

const LOSS_NAMES = Object.keys(LOSSES) as LossName[];

/**
 * Huber loss with delta 1, averaged over the last axis (one value per example, like the
 * built-in tfjs-layers losses). tfjs-layers 4.22 rejects the string 'huber' / 'huberLoss'
 * in compile, and tf.losses.huberLoss reduces over the whole batch, so this wrapper exists.
 */
export function huber(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const err = tf.abs(tf.sub(yPred, yTrue));
    const quadratic = tf.minimum(err, HUBER_DELTA);
    const linear = tf.sub(err, quadratic);
    return tf.mean(tf.add(tf.mul(0.5, tf.square(quadratic)), tf.mul(HUBER_DELTA, linear)), -1);
  });
}

/**
 * Returns what `model.compile({loss})` accepts for a loss name. The built-in names pass
 * through as strings (sparseCategoricalCrossentropy is built in and accepts labels shaped
 * [n] or [n, 1]); 'huber' becomes the custom `huber` function.
 */
export function resolveLoss(name: LossName): CompiledLoss {
  const loss = checkEnum('loss', name, LOSS_NAMES);
  return loss === 'huber' ? huber : loss;
}

/** How predictions are turned into classes for a loss, or null for regression losses. */
export type ClassificationKind = 'categorical' | 'sparse' | 'binary' | null;

/**
 * Tells which kind of accuracy fits a compiled loss (a name or the loss function itself).
 * Regression losses give null.
 */
export function classificationKindOf(loss: unknown): ClassificationKind {
  const name = typeof loss === 'string' ? loss : typeof loss === 'function' ? loss.name : '';
  switch (name) {
    case 'categoricalCrossentropy':
      return 'categorical';
    case 'sparseCategoricalCrossentropy':
      return 'sparse';
    case 'binaryCrossentropy':
      return 'binary';
    default:
      return null;
  }
}
