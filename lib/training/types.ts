// Types for the training loop, metrics and prediction helpers.
import type * as tf from '@tensorflow/tfjs';

/** Tensors to train on. The caller owns them; train() never disposes them. */
export interface TrainData {
  /** Inputs, first axis = examples. */
  x: tf.Tensor;
  /** Targets, first axis = examples. */
  y: tf.Tensor;
  /** Optional held-out data evaluated after each epoch. */
  validation?: { x: tf.Tensor; y: tf.Tensor };
}

/** Stop when a monitored loss stops improving. */
export interface EarlyStoppingConfig {
  /** Which loss to watch. Defaults to 'valLoss'. */
  monitor: 'valLoss' | 'loss';
  /** Epochs without improvement before stopping. Defaults to 5. */
  patience: number;
  /** Smallest decrease that counts as improvement. Defaults to 0. */
  minDelta: number;
  /** Put back the best epoch's weights when stopping early. Defaults to true. */
  restoreBest: boolean;
}

/** Numbers reported after each batch. */
export interface BatchLogs {
  loss: number;
}

/** Numbers reported after each epoch. */
export interface EpochLogs {
  /** Mean of the batch losses during the epoch, weighted by batch size (as Keras reports it). */
  loss: number;
  /** Accuracy on the training set after the epoch, dropout off. Classification losses only. */
  acc?: number;
  /** Loss on the validation data after the epoch. Present when there is validation data. */
  valLoss?: number;
  /** Accuracy on the validation data after the epoch. */
  valAcc?: number;
}

/** Which accuracy to compute: inferred from the compiled loss by default. */
export type AccuracyKind = 'auto' | 'categorical' | 'sparse' | 'binary' | 'none';

/** Options for `train`. */
export interface TrainOptions {
  /** Passes over the training data. Defaults to 50. */
  epochs: number;
  /** Examples per gradient step. Defaults to 16. */
  batchSize: number;
  /**
   * Fraction held out for validation when `data.validation` is absent (taken after a seeded
   * shuffle, from the end). Defaults to 0.
   */
  validationSplit: number;
  /** Seed for the validation split and the per-epoch shuffles. Defaults to 42. */
  seed: number;
  /** Shuffle the training order each epoch (seeded). Defaults to true. */
  shuffle: boolean;
  /** If set, replaces the compiled optimizer's learning rate before training. */
  learningRate?: number;
  /** Aborting stops training before the next batch; the model stays usable. */
  signal?: AbortSignal;
  /** Stop early when the monitored loss stops improving. Off unless given. */
  earlyStopping?: Partial<EarlyStoppingConfig>;
  /** Accuracy to report. Defaults to 'auto' (from the loss: cross-entropies get accuracy). */
  accuracy: AccuracyKind;
  /** Yield to the UI (tf.nextFrame) every this many batches. Defaults to 1. */
  yieldEvery: number;
  /** Called after each batch with plain numbers. */
  onBatchEnd?: (batch: number, logs: BatchLogs) => void | Promise<void>;
  /** Called after each epoch with plain numbers. */
  onEpochEnd?: (epoch: number, logs: EpochLogs) => void | Promise<void>;
}

/** Options after defaults are filled. */
export type ResolvedTrainOptions = Omit<TrainOptions, 'earlyStopping'> & {
  earlyStopping?: EarlyStoppingConfig;
};

/** Per-epoch history of plain numbers. */
export interface TrainHistory {
  loss: number[];
  acc?: number[];
  valLoss?: number[];
  valAcc?: number[];
}

/** What `train` returns. */
export interface TrainResult {
  history: TrainHistory;
  /** Epochs fully completed. */
  epochsRun: number;
  /** True when the signal aborted training. */
  cancelled: boolean;
  /** True when early stopping ended training. */
  stoppedEarly: boolean;
  /** Wall-clock milliseconds spent. */
  ms: number;
}

/** A receiver operating characteristic curve, thresholds descending. */
export interface RocCurve {
  /** False positive rate at each threshold. Starts at 0 and ends at 1. */
  fpr: number[];
  /** True positive rate at each threshold. Starts at 0 and ends at 1. */
  tpr: number[];
  /** Score thresholds: an example is positive when score ≥ threshold. */
  thresholds: number[];
}

/** Counts and rates at one threshold. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}
