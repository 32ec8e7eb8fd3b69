// Fills and validates train options; errors name the field.
import { ConfigError } from '../errors';
import { DEFAULT_EARLY_STOPPING, DEFAULT_TRAIN_OPTIONS, MAX_EPOCHS } from './constants';
import type { AccuracyKind, ResolvedTrainOptions, TrainOptions } from './types';

function int(field: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ConfigError(field, v, `an integer from ${min} to ${max}`);
  }
  return v;
}

function fn(field: string, v: unknown): void {
  if (v !== undefined && typeof v !== 'function') throw new ConfigError(field, v, 'a function');
}

const ACCURACY_KINDS: AccuracyKind[] = ['auto', 'categorical', 'sparse', 'binary', 'none'];

/** Copies `partial`, fills defaults with `??` and validates. Throws ConfigError naming the field. */
export function resolveTrainOptions(partial: Partial<TrainOptions> = {}): ResolvedTrainOptions {
  const d = DEFAULT_TRAIN_OPTIONS;
  const o: ResolvedTrainOptions = {
    epochs: partial.epochs ?? d.epochs,
    batchSize: partial.batchSize ?? d.batchSize,
    validationSplit: partial.validationSplit ?? d.validationSplit,
    seed: partial.seed ?? d.seed,
    shuffle: partial.shuffle ?? d.shuffle,
    accuracy: partial.accuracy ?? d.accuracy,
    yieldEvery: partial.yieldEvery ?? d.yieldEvery,
    learningRate: partial.learningRate,
    signal: partial.signal,
    onBatchEnd: partial.onBatchEnd,
    onEpochEnd: partial.onEpochEnd,
  };
  int('epochs', o.epochs, 1, MAX_EPOCHS);
  int('batchSize', o.batchSize, 1);
  int('yieldEvery', o.yieldEvery, 1);
  if (typeof o.validationSplit !== 'number' || !(o.validationSplit >= 0 && o.validationSplit < 1)) {
    throw new ConfigError(
      'validationSplit',
      o.validationSplit,
      'a fraction from 0 (none) up to but not including 1',
    );
  }
  if (typeof o.seed !== 'number' || !Number.isFinite(o.seed)) {
    throw new ConfigError('seed', o.seed, 'a finite number');
  }
  if (typeof o.shuffle !== 'boolean') throw new ConfigError('shuffle', o.shuffle, 'true or false');
  if (!ACCURACY_KINDS.includes(o.accuracy)) {
    throw new ConfigError('accuracy', o.accuracy, `one of ${ACCURACY_KINDS.join(', ')}`);
  }
  if (
    o.learningRate !== undefined &&
    (typeof o.learningRate !== 'number' || !Number.isFinite(o.learningRate) || o.learningRate <= 0)
  ) {
    throw new ConfigError('learningRate', o.learningRate, 'a number greater than 0, or leave it out');
  }
  if (
    o.signal !== undefined &&
    (typeof o.signal !== 'object' || o.signal === null || !('aborted' in o.signal))
  ) {
    throw new ConfigError('signal', o.signal, 'an AbortSignal');
  }
  fn('onBatchEnd', o.onBatchEnd);
  fn('onEpochEnd', o.onEpochEnd);
  if (partial.earlyStopping !== undefined) {
    const e = partial.earlyStopping;
    if (typeof e !== 'object' || e === null) {
      throw new ConfigError('earlyStopping', e, 'an object like { patience: 5 }');
    }
    const es = {
      monitor: e.monitor ?? DEFAULT_EARLY_STOPPING.monitor,
      patience: e.patience ?? DEFAULT_EARLY_STOPPING.patience,
      minDelta: e.minDelta ?? DEFAULT_EARLY_STOPPING.minDelta,
      restoreBest: e.restoreBest ?? DEFAULT_EARLY_STOPPING.restoreBest,
    };
    if (es.monitor !== 'valLoss' && es.monitor !== 'loss') {
      throw new ConfigError('earlyStopping.monitor', es.monitor, "'valLoss' or 'loss'");
    }
    int('earlyStopping.patience', es.patience, 1);
    if (typeof es.minDelta !== 'number' || !Number.isFinite(es.minDelta) || es.minDelta < 0) {
      throw new ConfigError('earlyStopping.minDelta', es.minDelta, 'a number ≥ 0');
    }
    if (typeof es.restoreBest !== 'boolean') {
      throw new ConfigError('earlyStopping.restoreBest', es.restoreBest, 'true or false');
    }
    o.earlyStopping = es;
  }
  return o;
}
