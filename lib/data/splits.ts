// Train / validation / test splits: shuffled for ordinary data, in order for time series.
import { ConfigError } from '../errors';
import { DEFAULT_SPLIT_CONFIG, SPLIT_SUM_TOLERANCE } from './constants';
import { createRng, range, shuffleInPlace } from './rng';
import type { SplitConfig, SplitIndices } from './types';

/** Fills split defaults and validates. Throws ConfigError naming the field. */
export function resolveSplitConfig(partial: Partial<SplitConfig> = {}): SplitConfig {
  const cfg: SplitConfig = {
    train: partial.train ?? DEFAULT_SPLIT_CONFIG.train,
    validation: partial.validation ?? DEFAULT_SPLIT_CONFIG.validation,
    test: partial.test ?? DEFAULT_SPLIT_CONFIG.test,
    seed: partial.seed ?? DEFAULT_SPLIT_CONFIG.seed,
  };
  for (const field of ['train', 'validation', 'test'] as const) {
    const v = cfg[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      throw new ConfigError(field, v, 'a fraction from 0 to 1');
    }
  }
  if (Math.abs(cfg.train + cfg.validation + cfg.test - 1) > SPLIT_SUM_TOLERANCE) {
    throw new ConfigError(
      'train + validation + test',
      cfg.train + cfg.validation + cfg.test,
      'fractions that sum to 1',
    );
  }
  if (typeof cfg.seed !== 'number' || !Number.isFinite(cfg.seed)) {
    throw new ConfigError('seed', cfg.seed, 'a finite number');
  }
  return cfg;
}

function cut(order: number[], cfg: SplitConfig): SplitIndices {
  const n = order.length;
  const nTrain = Math.round(n * cfg.train);
  const nVal = Math.min(n - nTrain, Math.round(n * cfg.validation));
  return {
    train: order.slice(0, nTrain),
    validation: order.slice(nTrain, nTrain + nVal),
    test: order.slice(nTrain + nVal),
  };
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new ConfigError('n', n, 'a whole number of rows ≥ 0');
}

/** Splits row indices 0…n−1 after a seeded shuffle. Same seed, same split. */
export function splitIndices(n: number, config: Partial<SplitConfig> = {}): SplitIndices {
  checkCount(n);
  const cfg = resolveSplitConfig(config);
  return cut(shuffleInPlace(range(n), createRng(cfg.seed)), cfg);
}

/**
 * Splits row indices in time order: the earliest rows train, the next validate, the last test.
 * Nothing from the future leaks into training, which is what time series need.
 */
export function chronologicalSplit(n: number, config: Partial<SplitConfig> = {}): SplitIndices {
  checkCount(n);
  return cut(range(n), resolveSplitConfig(config));
}
