// Tests for the Sequence lab's forecaster: splits without leakage, and an LSTM that beats the naive baseline.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { ConfigError } from '../errors';
import { noisySine, prepareSeries, resolveForecastConfig, runForecast } from './forecast';

describe('prepareSeries', () => {
  const series = Array.from({ length: 100 }, (_, i) => i);

  it('splits chronologically: every target of a part lies inside that part', () => {
    const p = prepareSeries(series, { window: 5, horizon: 3, normalise: false });
    expect(p.boundaries).toEqual({ validation: 70, test: 85 });
    for (const y of p.train.y) expect(Math.max(...y)).toBeLessThan(70);
    for (const y of p.validation.y) expect(Math.min(...y) >= 70 && Math.max(...y) < 85).toBe(true);
    for (const y of p.test.y) expect(Math.min(...y)).toBeGreaterThanOrEqual(85);
    expect(p.shape).toEqual([p.train.x.length, 5, 1]);
    // Window i's input is the 5 values before its first target.
    expect(p.test.x[0].map((r) => r[0])).toEqual([80, 81, 82, 83, 84]);
    expect(p.test.t[0]).toBe(85);
  });

  it('fits the scaler on the training part only', () => {
    const p = prepareSeries(series, { window: 5, horizon: 1, normalise: true });
    // Training values 0..69 map to [0, 1]; test values lie above 1 because the scaler never saw them.
    expect(p.normalizer?.offset[0]).toBe(0);
    expect(p.normalizer?.scale[0]).toBe(69);
    expect(Math.max(...p.test.y.flat())).toBeGreaterThan(1);
  });

  it('rejects bad configs and too-short series', () => {
    expect(() => resolveForecastConfig({ cell: 'transformer' as never })).toThrow(ConfigError);
    expect(() => resolveForecastConfig({ units: [] })).toThrow(/units/);
    expect(() => resolveForecastConfig({ split: { train: 0.5, validation: 0.1, test: 0.1 } })).toThrow(
      /split/,
    );
    expect(() => prepareSeries(series.slice(0, 20), { window: 24 })).toThrow(/series/);
    expect(() => prepareSeries([1, 2, NaN, ...series], { window: 5 })).toThrow(/finite/);
  });
});

describe('runForecast', () => {
  it('an LSTM beats the naive "repeat the last value" baseline on a noisy sine, without leaking tensors', async () => {
    const series = noisySine(400, { period: 25, noise: 0.1, seed: 3 });
    const before = tf.memory().numTensors;
    const r = await runForecast(series, {
      cell: 'lstm',
      units: [12],
      window: 20,
      horizon: 1,
      epochs: 15,
      batchSize: 32,
      learningRate: 0.01,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.training.epochsRun).toBe(15);
    expect(r.training.history.valLoss?.length).toBe(15);
    expect(r.model.rmse).toBeLessThan(r.naive.rmse * 0.75);
    expect(r.model.mae).toBeLessThan(r.naive.mae);
    expect(r.testPlot.t.length).toBe(r.testPlot.predicted.length);
    expect(r.future.length).toBe(12);
    expect(r.future.every((v) => Number.isFinite(v) && Math.abs(v) < 2)).toBe(true);
  });

  it('stops when cancelled and still cleans up', async () => {
    const before = tf.memory().numTensors;
    const ac = new AbortController();
    const r = await runForecast(
      noisySine(200),
      { cell: 'gru', units: [4], window: 10, horizon: 2, epochs: 50 },
      {
        signal: ac.signal,
        onEpochEnd: (epoch) => {
          if (epoch === 1) ac.abort();
        },
      },
    );
    expect(r.training.cancelled).toBe(true);
    expect(r.training.epochsRun).toBeLessThan(50);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('seriesFromCsv', () => {
  it('reads a filtered series in file order and rejects short or text columns', async () => {
    const { parseCsv } = await import('../data');
    const { seriesFromCsv } = await import('./series');
    const rows = Array.from({ length: 50 }, (_, i) => `d${i},${i % 2 ? 'A' : 'B'},${i === 7 ? '' : i}`);
    const csv = parseCsv(['date,sym,v', ...rows].join('\n'));
    const all = seriesFromCsv(csv, 'date', 'v');
    expect(all.values.length).toBe(49);
    expect(all.dropped).toBe(1);
    expect(all.dates[0]).toBe('d0');
    expect(() => seriesFromCsv(csv, 'date', 'v', { column: 'sym', equals: 'A' })).toThrow(/at least 40/);
    expect(() => seriesFromCsv(csv, 'date', 'sym')).toThrow(/text/);
    expect(() => seriesFromCsv(csv, 'when', 'v')).toThrow(/no column "when"/);
  });
});
