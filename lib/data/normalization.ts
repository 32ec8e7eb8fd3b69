// Min–max and z-score scaling on plain number arrays, per column for tables.
import { ConfigError, InputError } from '../errors';
import { DEFAULT_MIN_MAX_RANGE } from './constants';
import type { MinMaxOptions, NumericData, Normalizer } from './types';

interface Table {
  rows: number[][];
  is2d: boolean;
}

function asTable(data: NumericData, what: string): Table {
  if (!Array.isArray(data) || data.length === 0) {
    throw new InputError(`Cannot ${what}: the data is empty.`);
  }
  const is2d = Array.isArray(data[0]);
  const rows = is2d ? (data as number[][]) : (data as number[]).map((v) => [v]);
  const width = rows[0].length;
  if (width === 0) throw new InputError(`Cannot ${what}: rows have no columns.`);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new InputError(
        `Cannot ${what}: row ${i} has ${Array.isArray(row) ? row.length : 'no'} values but row 0 has ${width}.`,
      );
    }
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InputError(
          `Cannot ${what}: value at row ${i}, column ${j} is ${String(v)}, not a finite number.`,
        );
      }
    });
  });
  return { rows, is2d };
}

function makeNormalizer(
  kind: 'minMax' | 'zScore',
  fitted2d: boolean,
  offset: number[],
  scale: number[],
  outMin: number,
): Normalizer {
  const width = offset.length;
  const apply = <T extends NumericData>(data: T, forward: boolean): T => {
    const { rows, is2d } = asTable(data, forward ? 'transform' : 'inverse-transform');
    if (is2d !== fitted2d || rows[0].length !== width) {
      throw new InputError(
        `The scaler was fitted on ${fitted2d ? `rows of ${width} columns` : 'a 1-D series'}; got data of another layout.`,
      );
    }
    const out = rows.map((row) =>
      row.map((v, j) =>
        forward ? (v - offset[j]) / scale[j] + outMin : (v - outMin) * scale[j] + offset[j],
      ),
    );
    return (is2d ? out : out.map((r) => r[0])) as T;
  };
  const checkColumn = (column: number) => {
    if (!Number.isInteger(column) || column < 0 || column >= width) {
      throw new ConfigError('column', column, `an integer from 0 to ${width - 1}`);
    }
  };
  return Object.freeze({
    kind,
    offset: Object.freeze(offset.slice()),
    scale: Object.freeze(scale.slice()),
    transform: <T extends NumericData>(data: T) => apply(data, true),
    inverse: <T extends NumericData>(data: T) => apply(data, false),
    transformColumn: (values: number[], column: number) => {
      checkColumn(column);
      return values.map((v) => (v - offset[column]) / scale[column] + outMin);
    },
    inverseColumn: (values: number[], column: number) => {
      checkColumn(column);
      return values.map((v) => (v - outMin) * scale[column] + offset[column]);
    },
  });
}

/**
 * Fits min–max scaling: each column is mapped linearly onto `range` (default [0, 1]).
 * A constant column maps to the lower end of the range instead of dividing by zero.
 */
export function fitMinMax(data: NumericData, options: MinMaxOptions = {}): Normalizer {
  const [lo, hi] = options.range ?? DEFAULT_MIN_MAX_RANGE;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo)) {
    throw new ConfigError('range', options.range, 'two finite numbers [low, high] with low < high');
  }
  const { rows, is2d } = asTable(data, 'fit min–max scaling');
  const width = rows[0].length;
  const offset: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < width; j++) {
    let min = Infinity;
    let max = -Infinity;
    for (const row of rows) {
      if (row[j] < min) min = row[j];
      if (row[j] > max) max = row[j];
    }
    offset.push(min);
    // Dividing by (max − min) / (hi − lo) maps [min, max] onto a span of hi − lo.
    scale.push(max > min ? (max - min) / (hi - lo) : 1);
  }
  return makeNormalizer('minMax', is2d, offset, scale, lo);
}

/**
 * Fits z-score scaling: each column gets mean 0 and standard deviation 1 (population std).
 * A constant column keeps divisor 1 so it maps to 0.
 */
export function fitZScore(data: NumericData): Normalizer {
  const { rows, is2d } = asTable(data, 'fit z-score scaling');
  const width = rows[0].length;
  const offset: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (const row of rows) sum += row[j];
    const mean = sum / rows.length;
    let sq = 0;
    for (const row of rows) sq += (row[j] - mean) ** 2;
    const std = Math.sqrt(sq / rows.length);
    offset.push(mean);
    scale.push(std > 0 ? std : 1);
  }
  return makeNormalizer('zScore', is2d, offset, scale, 0);
}
