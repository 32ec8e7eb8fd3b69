// Compiles a model from plain names: optimizer config, loss name and optional metrics.
import type * as tf from '@tensorflow/tfjs';
import { LOSSES } from './constants';
import { resolveLoss } from './losses';
import { createOptimizer } from './optimizers';
import type { CompileConfig, LossName } from './types';
import { checkEnum } from './validate';

/** Optimizers created by compileModel, so a re-compile can release the previous one. */
const ownedOptimizers = new WeakSet<tf.Optimizer>();

/**
 * Compiles `model` in place with a fresh optimizer, the resolved loss and any metrics.
 * The model takes ownership of the optimizer: `model.dispose()` releases its state, and
 * compiling again releases the previous optimizer first.
 */
export function compileModel(model: tf.LayersModel, config: CompileConfig): void {
  const loss = resolveLoss(checkEnum('loss', config.loss, Object.keys(LOSSES) as LossName[]));
  const optimizer = createOptimizer(config.optimizer);
  const previous = model.optimizer as tf.Optimizer | undefined;
  model.compile({ optimizer, loss, metrics: config.metrics ?? [] });
  if (previous && previous !== optimizer && ownedOptimizers.has(previous)) previous.dispose();
  ownedOptimizers.add(optimizer);
  // tfjs only disposes optimizers it created from a string name (isOptimizerOwned). Ours is
  // created here and never shared, so mark it owned; otherwise Adam's moment tensors leak.
  (model as unknown as { isOptimizerOwned: boolean }).isOptimizerOwned = true;
}
