// Types for the data helpers: random numbers, normalisation, windows, CSV and splits.

/** A seeded source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** A 1-D series of numbers, or a 2-D table (rows × columns). */
export type NumericData = number[] | number[][];

/** A fitted scaler. Fitted on 2-D data it works per column; on 1-D data, on the single series. */
export interface Normalizer {
  /** 'minMax' or 'zScore'. */
  readonly kind: 'minMax' | 'zScore';
  /** Per-column offset subtracted before scaling (min or mean). One entry for 1-D data. */
  readonly offset: readonly number[];
  /** Per-column divisor (max − min or standard deviation; 1 for constant columns). */
  readonly scale: readonly number[];
  /** Scales data of the same layout it was fitted on. Returns new arrays. */
  transform<T extends NumericData>(data: T): T;
  /** Undoes `transform`. Returns new arrays. */
  inverse<T extends NumericData>(data: T): T;
  /** Scales plain values as if they were column `column` (e.g. one target column). */
  transformColumn(values: number[], column: number): number[];
  /** Undoes `transformColumn` (e.g. turns forecasts back into real units). */
  inverseColumn(values: number[], column: number): number[];
}

/** Options for min–max scaling. */
export interface MinMaxOptions {
  /** Target range. Defaults to [0, 1]. */
  range?: [number, number];
}

/** How to cut a series into supervised examples. */
export interface WindowConfig {
  /** Number of past time steps in each input. Required, integer ≥ 1. */
  window: number;
  /** Number of future steps to predict. Defaults to 1. */
  horizon: number;
  /** Steps between the starts of consecutive windows. Defaults to 1. */
  stride: number;
  /**
   * For 2-D series: which columns form the target. Defaults to all columns.
   * Ignored for 1-D series.
   */
  targetColumns?: number[];
}

/** Supervised examples cut from a series. */
export interface Windows {
  /** Inputs, shaped [samples, timesteps, features]. */
  x: number[][][];
  /** Targets, shaped [samples, horizon × targetColumns] (time-major). */
  y: number[][];
}

/** A parsed CSV table. */
export interface ParsedCsv {
  /** Column names from the header row, in order. */
  columns: string[];
  /** Data rows keyed by column name; values are the raw (trimmed) strings. */
  rows: Record<string, string>[];
  /** Columns whose every non-empty value is a finite number. */
  numericColumns: string[];
}

/** Fractions for a train / validation / test split. They must sum to 1. */
export interface SplitConfig {
  /** Fraction for training. Defaults to 0.7. */
  train: number;
  /** Fraction for validation. Defaults to 0.15. */
  validation: number;
  /** Fraction for testing. Defaults to 0.15. */
  test: number;
  /** Seed for the shuffle (ignored by chronologicalSplit). Defaults to 42. */
  seed: number;
}

/** Row indices for each part of a split. */
export interface SplitIndices {
  train: number[];
  validation: number[];
  test: number[];
}
