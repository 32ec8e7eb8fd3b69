// Optimizer configs → tf.Optimizer instances, with per-optimizer frozen defaults.
import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors';
import { DEFAULT_LEARNING_RATES, DEFAULT_OPTIMIZER_CONFIG, OPTIMIZERS } from './constants';
import type { OptimizerConfig, OptimizerName } from './types';
import { checkEnum, checkNumber } from './validate';

const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as OptimizerName[];

/** Fills optimizer defaults (`??`, never `||`) and validates; throws ConfigError naming the field. */
export function resolveOptimizerConfig(partial: Partial<OptimizerConfig>): Required<OptimizerConfig> {
  if (typeof partial !== 'object' || partial === null) {
    throw new ConfigError('optimizer', partial, `an object like { name: 'adam' }`);
  }
  const name = checkEnum('name', partial.name, OPTIMIZER_NAMES);
  const d = DEFAULT_OPTIMIZER_CONFIG;
  const cfg: Required<OptimizerConfig> = {
    name,
    learningRate: partial.learningRate ?? DEFAULT_LEARNING_RATES[name],
    // RMSProp in tfjs has no momentum unless asked for; keep that unless the caller sets one.
    momentum: partial.momentum ?? (name === 'rmsprop' ? 0 : d.momentum),
    beta1: partial.beta1 ?? d.beta1,
    beta2: partial.beta2 ?? d.beta2,
    epsilon: partial.epsilon ?? d.epsilon,
    rho: partial.rho ?? d.rho,
    initialAccumulatorValue: partial.initialAccumulatorValue ?? d.initialAccumulatorValue,
  };
  if (typeof cfg.learningRate !== 'number' || !Number.isFinite(cfg.learningRate) || cfg.learningRate <= 0) {
    throw new ConfigError('learningRate', cfg.learningRate, 'a number greater than 0, e.g. 0.01');
  }
  checkNumber('momentum', cfg.momentum, 0, 1, true);
  checkNumber('beta1', cfg.beta1, 0, 1, true);
  checkNumber('beta2', cfg.beta2, 0, 1, true);
  checkNumber('rho', cfg.rho, 0, 1, true);
  if (
    typeof cfg.epsilon !== 'number' ||
    !Number.isFinite(cfg.epsilon) ||
    cfg.epsilon <= 0 ||
    cfg.epsilon > 1
  ) {
    throw new ConfigError('epsilon', cfg.epsilon, 'a small number greater than 0, e.g. 1e-7');
  }
  if (
    typeof cfg.initialAccumulatorValue !== 'number' ||
    !Number.isFinite(cfg.initialAccumulatorValue) ||
    cfg.initialAccumulatorValue <= 0
  ) {
    throw new ConfigError('initialAccumulatorValue', cfg.initialAccumulatorValue, 'a number greater than 0');
  }
  return cfg;
}

/**
 * Creates a tfjs optimizer. The caller owns it and disposes it, unless it hands it to
 * `compileModel` (lib/models/compile.ts), which gives it to the model: `model.dispose()` then
 * frees it. A plain tfjs `model.compile({ optimizer })` does not: tfjs only disposes optimizers it
 * created from a string name.
 */
export function createOptimizer(config: Partial<OptimizerConfig>): tf.Optimizer {
  const c = resolveOptimizerConfig(config);
  switch (c.name) {
    case 'sgd':
      return tf.train.sgd(c.learningRate);
    case 'momentum':
      return tf.train.momentum(c.learningRate, c.momentum, false);
    case 'nesterov':
      return tf.train.momentum(c.learningRate, c.momentum, true);
    case 'adagrad':
      return tf.train.adagrad(c.learningRate, c.initialAccumulatorValue);
    case 'rmsprop':
      return tf.train.rmsprop(c.learningRate, c.rho, c.momentum, c.epsilon);
    case 'adam':
      return tf.train.adam(c.learningRate, c.beta1, c.beta2, c.epsilon);
  }
}

/**
 * Changes a live optimizer's learning rate. SGD-family optimizers cache it in a scalar and
 * expose setLearningRate; the others read the public `learningRate` field on each step.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new ConfigError('learningRate', learningRate, 'a number greater than 0');
  }
  const o = optimizer as tf.Optimizer & { setLearningRate?: (lr: number) => void; learningRate?: number };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(learningRate);
  else o.learningRate = learningRate;
}
