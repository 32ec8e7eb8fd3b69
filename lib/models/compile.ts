// Compiles a model from plain names: optimizer config, loss name and optional metrics.
import type * as tf from '@tensorflow/tfjs';
import { LOSSES } from './constants';
import { resolveLoss } from './losses';
import { createOptimizer } from './optimizers';
import type { CompileConfig, LossName } from './types';
import { checkEnum } from './validate';

/** Compiles `model` in place with a fresh optimizer, the resolved loss and any metrics. */
export function compileModel(model: tf.LayersModel, config: CompileConfig): void {
  checkEnum('loss', config.loss, Object.keys(LOSSES) as LossName[]);
  const optimizer = createOptimizer(config.optimizer);
  model.compile({ optimizer, loss: resolveLoss(config.loss), metrics: config.metrics ?? [] });
}
