// Defaults for the data helpers.
import type { SplitConfig } from './types';

/** Default split: 70 % train, 15 % validation, 15 % test, seed 42. */
export const DEFAULT_SPLIT_CONFIG: Readonly<SplitConfig> = Object.freeze({
  train: 0.7,
  validation: 0.15,
  test: 0.15,
  seed: 42,
});

/** Default windowing: predict 1 step ahead, a new window every step. `window` has no default. */
export const DEFAULT_WINDOW_CONFIG: Readonly<{ horizon: number; stride: number }> = Object.freeze({
  horizon: 1,
  stride: 1,
});

/** Default min–max target range. */
export const DEFAULT_MIN_MAX_RANGE: readonly [number, number] = Object.freeze([0, 1]) as readonly [
  number,
  number,
];

/** Tolerance when checking that split fractions sum to 1. */
export const SPLIT_SUM_TOLERANCE = 1e-6;
