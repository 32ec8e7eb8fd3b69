// Frozen defaults for training.
import type { EarlyStoppingConfig, TrainOptions } from './types';

/** Default training options (callbacks, signal, learningRate and early stopping unset). */
export const DEFAULT_TRAIN_OPTIONS: Readonly<
  Omit<TrainOptions, 'signal' | 'earlyStopping' | 'onBatchEnd' | 'onEpochEnd' | 'learningRate'>
> = Object.freeze({
  epochs: 50,
  batchSize: 16,
  validationSplit: 0,
  seed: 42,
  shuffle: true,
  accuracy: 'auto',
  yieldEvery: 1,
});

/** Defaults filled into `earlyStopping` when it is given. */
export const DEFAULT_EARLY_STOPPING: Readonly<EarlyStoppingConfig> = Object.freeze({
  monitor: 'valLoss',
  patience: 5,
  minDelta: 0,
  restoreBest: true,
});

/** Probability at or above which a single sigmoid output counts as class 1. */
export const BINARY_THRESHOLD = 0.5;

/** Largest number of epochs accepted (a guard against typos like 50000). */
export const MAX_EPOCHS = 10_000;
