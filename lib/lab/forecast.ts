// Time-series forecasting for the Sequence lab: chronological windows, an RNN/LSTM/GRU from lib/models,
// training with lib/training, and honest metrics next to a naive "repeat the last value" baseline.
import * as tf from '@tensorflow/tfjs';

import { createRng, fitMinMax, makeWindows, randomNormal, type Normalizer } from '../data';
import { ConfigError } from '../errors';
import { buildRnn, compileModel } from '../models';
import { mae, mape, mse, rmse, train } from '../training';
import type { EpochLogs, TrainResult } from '../training';

/** Recurrent cells offered. */
export type CellName = 'simpleRnn' | 'lstm' | 'gru';

/** Everything that defines a forecasting experiment. */
export interface ForecastConfig {
  cell: CellName;
  /** Units per stacked recurrent layer, e.g. [16] or [16, 8]. 1–3 layers of 1–128 units. */
  units: number[];
  /** Past steps the model sees. Defaults to 24. */
  window: number;
  /** Future steps it predicts at once. Defaults to 1. */
  horizon: number;
  /** Scale the series to [0, 1] using the training part only. Defaults to true. */
  normalise: boolean;
  /** Fractions for the chronological split (sum 1). Defaults to 0.7 / 0.15 / 0.15. */
  split: { train: number; validation: number; test: number };
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** Default forecasting settings. */
export const DEFAULT_FORECAST_CONFIG: Readonly<ForecastConfig> = Object.freeze({
  cell: 'lstm',
  units: [16],
  window: 24,
  horizon: 1,
  normalise: true,
  split: { train: 0.7, validation: 0.15, test: 0.15 },
  epochs: 20,
  batchSize: 32,
  learningRate: 0.01,
  seed: 1,
} satisfies ForecastConfig) as Readonly<ForecastConfig>;

/** Checks and completes a forecast config; throws ConfigError naming the field. */
export function resolveForecastConfig(partial: Partial<ForecastConfig>): ForecastConfig {
  const c: ForecastConfig = {
    ...DEFAULT_FORECAST_CONFIG,
    ...partial,
    split: { ...(partial.split ?? DEFAULT_FORECAST_CONFIG.split) },
  };
  if (!['simpleRnn', 'lstm', 'gru'].includes(c.cell))
    throw new ConfigError('cell', c.cell, 'simpleRnn, lstm or gru');
  if (
    !Array.isArray(c.units) ||
    c.units.length < 1 ||
    c.units.length > 3 ||
    !c.units.every((u) => Number.isInteger(u) && u >= 1 && u <= 128)
  ) {
    throw new ConfigError('units', c.units, '1–3 layers of 1–128 units');
  }
  const int = (field: keyof ForecastConfig, lo: number, hi: number) => {
    const v = c[field] as number;
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new ConfigError(field, v, `an integer from ${lo} to ${hi}`);
  };
  int('window', 2, 365);
  int('horizon', 1, 60);
  int('epochs', 1, 500);
  int('batchSize', 1, 1024);
  if (!(c.learningRate > 0 && c.learningRate <= 1))
    throw new ConfigError('learningRate', c.learningRate, 'a number in (0, 1]');
  const { train: a, validation: b, test: d } = c.split;
  if (![a, b, d].every((v) => v >= 0 && v < 1) || Math.abs(a + b + d - 1) > 1e-6 || a <= 0 || d <= 0) {
    throw new ConfigError(
      'split',
      c.split,
      'train, validation and test fractions in [0, 1) that sum to 1, with train and test > 0',
    );
  }
  return c;
}

/** A noisy sine wave: `amplitude·sin(2πt/period) + noise·N(0, 1)`. */
export function noisySine(
  length: number,
  options: { period?: number; noise?: number; amplitude?: number; seed?: number } = {},
): number[] {
  const { period = 25, noise = 0.1, amplitude = 1, seed = 1 } = options;
  if (!Number.isInteger(length) || length < 2) throw new ConfigError('length', length, 'an integer ≥ 2');
  const rng = createRng(seed);
  return Array.from(
    { length },
    (_, t) => amplitude * Math.sin((2 * Math.PI * t) / period) + noise * randomNormal(rng),
  );
}

/** Windows of one part of the series, in real units and model units, with the time index of each first target. */
export interface WindowSet {
  /** Model inputs [samples][window][1] (scaled when normalising). */
  x: number[][][];
  /** Model targets [samples][horizon] (scaled when normalising). */
  y: number[][];
  /** Time index of each window's first target. */
  t: number[];
}

/** A series cut into chronological train / validation / test windows. */
export interface PreparedSeries {
  train: WindowSet;
  validation: WindowSet;
  test: WindowSet;
  /** First time index of the validation and test parts. */
  boundaries: { validation: number; test: number };
  /** Fitted on the training part only (so no test information leaks into scaling); null if not normalising. */
  normalizer: Normalizer | null;
  /** [batch, timesteps, features] of the training tensor. */
  shape: [number, number, number];
}

/**
 * Cuts a series into windows and splits them by time. A window belongs to a part only if all of its
 * targets fall inside that part; windows whose targets straddle a boundary are dropped, so no target
 * is ever seen in two parts. Inputs may reach back across a boundary: they are the past, which a
 * real forecaster would know.
 */
export function prepareSeries(series: number[], config: Partial<ForecastConfig>): PreparedSeries {
  const c = resolveForecastConfig(config);
  if (!series.every(Number.isFinite))
    throw new ConfigError('series', 'a value that is not a finite number', 'finite numbers only');
  const n = series.length;
  const valStart = Math.round(n * c.split.train);
  const testStart = Math.round(n * (c.split.train + c.split.validation));
  if (valStart < c.window + c.horizon || n - testStart < c.horizon) {
    throw new ConfigError(
      'series',
      `${n} values`,
      `enough values for window ${c.window} + horizon ${c.horizon} in the training and test parts`,
    );
  }
  const normalizer = c.normalise ? fitMinMax(series.slice(0, valStart)) : null;
  const scaled = normalizer ? normalizer.transform(series) : series.slice();
  const w = makeWindows(scaled, { window: c.window, horizon: c.horizon, stride: 1 });
  const parts: Record<'train' | 'validation' | 'test', WindowSet> = {
    train: { x: [], y: [], t: [] },
    validation: { x: [], y: [], t: [] },
    test: { x: [], y: [], t: [] },
  };
  w.x.forEach((x, i) => {
    const first = i + c.window;
    const last = first + c.horizon - 1;
    const part =
      last < valStart
        ? 'train'
        : first >= valStart && last < testStart
          ? 'validation'
          : first >= testStart
            ? 'test'
            : null;
    if (!part) return;
    parts[part].x.push(x);
    parts[part].y.push(w.y[i]);
    parts[part].t.push(first);
  });
  if (parts.train.x.length === 0 || parts.test.x.length === 0) {
    throw new ConfigError('series', `${n} values`, 'a series long enough for training and test windows');
  }
  return {
    ...parts,
    boundaries: { validation: valStart, test: testStart },
    normalizer,
    shape: [parts.train.x.length, c.window, 1],
  };
}

/** Error measures in the series' own units. MAPE is in percent (null when the actual values include 0). */
export interface ForecastMetrics {
  mse: number;
  mae: number;
  rmse: number;
  mape: number | null;
}

function metricsOf(actual: number[], predicted: number[]): ForecastMetrics {
  let m: number | null;
  try {
    m = actual.some((v) => v === 0) ? null : mape(actual, predicted);
  } catch {
    m = null;
  }
  return { mse: mse(actual, predicted), mae: mae(actual, predicted), rmse: rmse(actual, predicted), mape: m };
}

/** What a finished forecast experiment shows. */
export interface ForecastResult {
  training: TrainResult;
  /** Test metrics over every predicted step, model and naive baseline. */
  model: ForecastMetrics;
  naive: ForecastMetrics;
  /** One-step-ahead predictions on the test range, in real units, with their time indices. */
  testPlot: { t: number[]; actual: number[]; predicted: number[]; naive: number[] };
  /** Recursive forecast of `futureSteps` values beyond the end of the data, in real units. */
  future: number[];
}

/** Options for `runForecast`. */
export interface RunForecastOptions {
  /** Steps to forecast beyond the data. Defaults to 2 × horizon, at least 12. */
  futureSteps?: number;
  signal?: AbortSignal;
  onEpochEnd?: (epoch: number, logs: EpochLogs) => void | Promise<void>;
}

/**
 * Trains a recurrent forecaster on the series and evaluates it on the held-out test range next to the
 * naive baseline (every future step = the last value seen). Everything it creates is disposed.
 */
export async function runForecast(
  series: number[],
  config: Partial<ForecastConfig>,
  options: RunForecastOptions = {},
): Promise<ForecastResult> {
  const c = resolveForecastConfig(config);
  const data = prepareSeries(series, c);
  const model = buildRnn({
    cell: c.cell,
    units: c.units,
    timesteps: c.window,
    features: 1,
    outputSize: c.horizon,
    seed: c.seed,
  });
  const toReal = (v: number[]) => (data.normalizer ? data.normalizer.inverse(v) : v);
  try {
    compileModel(model, {
      optimizer: { name: 'adam', learningRate: c.learningRate },
      loss: 'meanSquaredError',
    });
    const xs = tf.tensor3d(data.train.x);
    const ys = tf.tensor2d(data.train.y);
    const hasVal = data.validation.x.length > 0;
    const vx = hasVal ? tf.tensor3d(data.validation.x) : null;
    const vy = hasVal ? tf.tensor2d(data.validation.y) : null;
    let training: TrainResult;
    try {
      training = await train(
        model,
        { x: xs, y: ys, ...(vx && vy ? { validation: { x: vx, y: vy } } : {}) },
        {
          epochs: c.epochs,
          batchSize: c.batchSize,
          seed: c.seed,
          signal: options.signal,
          onEpochEnd: options.onEpochEnd,
        },
      );
    } finally {
      tf.dispose([xs, ys, ...(vx && vy ? [vx, vy] : [])]);
    }

    const pred = tf.tidy(() => model.predict(tf.tensor3d(data.test.x)) as tf.Tensor2D);
    const predRows = (await pred.array()) as number[][];
    pred.dispose();
    const actualAll: number[] = [];
    const modelAll: number[] = [];
    const naiveAll: number[] = [];
    const plot = {
      t: [] as number[],
      actual: [] as number[],
      predicted: [] as number[],
      naive: [] as number[],
    };
    data.test.x.forEach((x, i) => {
      const actual = toReal(data.test.y[i]);
      const predicted = toReal(predRows[i]);
      const last = toReal([x[x.length - 1][0]])[0];
      actualAll.push(...actual);
      modelAll.push(...predicted);
      naiveAll.push(...actual.map(() => last));
      plot.t.push(data.test.t[i]);
      plot.actual.push(actual[0]);
      plot.predicted.push(predicted[0]);
      plot.naive.push(last);
    });

    const futureSteps = options.futureSteps ?? Math.max(12, 2 * c.horizon);
    const scaled = data.normalizer ? data.normalizer.transform(series) : series.slice();
    const context = scaled.slice(-c.window);
    const future: number[] = [];
    while (future.length < futureSteps) {
      const out = tf.tidy(
        () => model.predict(tf.tensor3d([context.slice(-c.window).map((v) => [v])])) as tf.Tensor2D,
      );
      const step = Array.from(await out.data());
      out.dispose();
      // Feed predictions back in: beyond the data the model can only build on its own guesses.
      context.push(...step);
      future.push(...step);
    }
    return {
      training,
      model: metricsOf(actualAll, modelAll),
      naive: metricsOf(actualAll, naiveAll),
      testPlot: plot,
      future: toReal(future.slice(0, futureSteps)),
    };
  } finally {
    model.dispose();
  }
}
