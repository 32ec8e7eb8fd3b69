// Cuts a time series into (past window → future values) examples for sequence models.
import { ConfigError, InputError } from '../errors';
import { DEFAULT_WINDOW_CONFIG } from './constants';
import type { WindowConfig, Windows } from './types';

function positiveInt(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigError(field, value, 'an integer ≥ 1');
  }
  return value;
}

/** Fills window defaults and validates. Throws ConfigError naming the field. */
export function resolveWindowConfig(partial: Partial<WindowConfig>): WindowConfig {
  const window = positiveInt('window', partial.window);
  const horizon = positiveInt('horizon', partial.horizon ?? DEFAULT_WINDOW_CONFIG.horizon);
  const stride = positiveInt('stride', partial.stride ?? DEFAULT_WINDOW_CONFIG.stride);
  const targetColumns = partial.targetColumns?.slice();
  return { window, horizon, stride, targetColumns };
}

/**
 * Turns a series into supervised examples. Each input is `window` consecutive steps
 * ([timesteps, features]); each target is the next `horizon` steps, flattened time-major.
 * A 1-D series has one feature. Windows never look past the end of the series.
 */
export function makeWindows(series: number[] | number[][], config: Partial<WindowConfig>): Windows {
  const { window, horizon, stride, targetColumns } = resolveWindowConfig(config);
  if (!Array.isArray(series) || series.length === 0) {
    throw new InputError('Cannot make windows: the series is empty.');
  }
  const is2d = Array.isArray(series[0]);
  const rows: number[][] = is2d ? (series as number[][]) : (series as number[]).map((v) => [v]);
  const features = rows[0].length;
  rows.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== features) {
      throw new InputError(`Cannot make windows: step ${i} has a different number of features than step 0.`);
    }
  });
  const targets = is2d && targetColumns ? targetColumns : rows[0].map((_, j) => j);
  targets.forEach((c, k) => {
    if (!Number.isInteger(c) || c < 0 || c >= features) {
      throw new ConfigError(`targetColumns[${k}]`, c, `an integer from 0 to ${features - 1}`);
    }
  });
  const need = window + horizon;
  if (rows.length < need) {
    throw new InputError(
      `The series has ${rows.length} steps but a window of ${window} plus a horizon of ${horizon} needs at least ${need}.`,
    );
  }
  const x: number[][][] = [];
  const y: number[][] = [];
  for (let s = 0; s + need <= rows.length; s += stride) {
    x.push(rows.slice(s, s + window).map((r) => r.slice()));
    const target: number[] = [];
    for (let h = 0; h < horizon; h++) {
      const r = rows[s + window + h];
      for (const c of targets) target.push(r[c]);
    }
    y.push(target);
  }
  return { x, y };
}
