// Public entry of lib/data: seeded random numbers, scaling, windowing, CSV and splits.
export { createRng, shuffleInPlace, randomNormal, range } from './rng';
export { fitMinMax, fitZScore } from './normalization';
export { makeWindows, resolveWindowConfig } from './windowing';
export { parseCsv, getNumericColumn } from './csv';
export { splitIndices, chronologicalSplit, resolveSplitConfig } from './splits';
export {
  DEFAULT_SPLIT_CONFIG,
  DEFAULT_WINDOW_CONFIG,
  DEFAULT_MIN_MAX_RANGE,
  SPLIT_SUM_TOLERANCE,
} from './constants';
export type * from './types';
