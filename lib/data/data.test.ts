// Tests for lib/data: RNG, scaling round trips, windows, CSV errors and splits.
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '@/lib/errors';
import {
  chronologicalSplit,
  createRng,
  fitMinMax,
  fitZScore,
  getNumericColumn,
  makeWindows,
  parseCsv,
  randomNormal,
  shuffleInPlace,
  splitIndices,
} from './index';

describe('rng', () => {
  it('is deterministic per seed and in [0, 1)', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
  });
  it('shuffles in place, keeping the elements', () => {
    const arr = Array.from({ length: 20 }, (_, i) => i);
    const out = shuffleInPlace(arr, createRng(1));
    expect(out).toBe(arr);
    expect(arr.slice().sort((p, q) => p - q)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(arr).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
  it('randomNormal has roughly mean 0 and std 1', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 4000 }, () => randomNormal(rng));
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.08);
    expect(Math.abs(std - 1)).toBeLessThan(0.08);
  });
  it('rejects a non-finite seed', () => {
    expect(() => createRng(NaN)).toThrow(ConfigError);
  });
});

describe('normalisation', () => {
  const table = [
    [1, 10, 5],
    [2, 30, 5],
    [3, 20, 5],
  ];
  it('min–max maps each column onto [0, 1] and back', () => {
    const n = fitMinMax(table);
    const t = n.transform(table);
    expect(t.map((r) => r[0])).toEqual([0, 0.5, 1]);
    expect(t.map((r) => r[1])).toEqual([0, 1, 0.5]);
    expect(t.map((r) => r[2])).toEqual([0, 0, 0]);
    const back = n.inverse(t);
    back.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(table[i][j], 10)));
    expect(n.inverseColumn([0, 1], 1)).toEqual([10, 30]);
  });
  it('min–max honours a custom range on 1-D data', () => {
    const n = fitMinMax([0, 5, 10], { range: [-1, 1] });
    expect(n.transform([0, 5, 10])).toEqual([-1, 0, 1]);
    expect(n.inverse([-1, 0, 1])).toEqual([0, 5, 10]);
  });
  it('z-score gives mean 0, std 1 and round-trips', () => {
    const series = [2, 4, 4, 4, 5, 5, 7, 9];
    const n = fitZScore(series);
    const t = n.transform(series);
    expect(t.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
    expect(n.scale[0]).toBeCloseTo(2, 10);
    n.inverse(t).forEach((v, i) => expect(v).toBeCloseTo(series[i], 10));
    const z2 = fitZScore(table);
    z2.inverse(z2.transform(table)).forEach((r, i) =>
      r.forEach((v, j) => expect(v).toBeCloseTo(table[i][j], 10)),
    );
  });
  it('rejects empty, ragged, non-finite and mismatched data', () => {
    expect(() => fitMinMax([])).toThrow(InputError);
    expect(() => fitZScore([[1, 2], [3]])).toThrow(InputError);
    expect(() => fitZScore([1, NaN])).toThrow(InputError);
    expect(() => fitMinMax(table).transform([1, 2, 3])).toThrow(InputError);
    expect(() => fitMinMax([1, 2], { range: [1, 0] })).toThrow(ConfigError);
  });
});

describe('makeWindows', () => {
  it('cuts a 1-D series into [samples, timesteps, 1] windows', () => {
    const { x, y } = makeWindows([0, 1, 2, 3, 4, 5], { window: 3 });
    expect(x.length).toBe(3);
    expect(x[0]).toEqual([[0], [1], [2]]);
    expect(y).toEqual([[3], [4], [5]]);
  });
  it('handles horizon, stride and 2-D series with target columns', () => {
    const series = Array.from({ length: 10 }, (_, i) => [i, 100 + i]);
    const { x, y } = makeWindows(series, { window: 4, horizon: 2, stride: 3, targetColumns: [1] });
    expect(x.length).toBe(2); // starts 0 and 3; start 6 would need 12 steps
    expect(x[1][0]).toEqual([3, 103]);
    expect(x[0].length).toBe(4);
    expect(x[0][0].length).toBe(2);
    expect(y).toEqual([
      [104, 105],
      [107, 108],
    ]);
    const all = makeWindows(series, { window: 2, horizon: 1 });
    expect(all.y[0]).toEqual([2, 102]);
  });
  it.each([
    [{ window: 0 }, 'window'],
    [{ window: 2, horizon: 1.5 }, 'horizon'],
    [{ window: 2, stride: -1 }, 'stride'],
  ])('rejects %j naming %s', (cfg, field) => {
    expect(() => makeWindows([1, 2, 3, 4], cfg)).toThrow(expect.objectContaining({ field }));
  });
  it('says when the series is too short', () => {
    expect(() => makeWindows([1, 2], { window: 2 })).toThrow(InputError);
  });
});

describe('parseCsv', () => {
  it('parses columns, rows and numeric columns', () => {
    const csv = parseCsv('name, height ,weight\nann,1.5,40\nbo,1.6,\n\n');
    expect(csv.columns).toEqual(['name', 'height', 'weight']);
    expect(csv.rows).toHaveLength(2);
    expect(csv.numericColumns).toEqual(['height', 'weight']);
    expect(getNumericColumn(csv, 'height')).toEqual([1.5, 1.6]);
    expect(getNumericColumn(csv, 'weight')[1]).toBeNaN();
    expect(() => getNumericColumn(csv, 'name')).toThrow(InputError);
  });
  it('accepts a single-column file', () => {
    expect(parseCsv('value\n1\n2\n3').numericColumns).toEqual(['value']);
  });
  it.each([
    ['empty', '', /empty/],
    ['whitespace', '  \n ', /empty/],
    ['binary', 'PK\u0003\u0004\u0000\u0000garbage', /does not look like a CSV/],
    ['header only', 'a,b,c\n', /no data rows/],
    ['no numbers', 'a,b\nx,y\nz,w', /no numeric column/],
    ['ragged', 'a,b\n1,2\n3\n4,5', /different lengths: line 3/],
    ['broken quotes', 'a,b\n"1,2\n3,4', /could not be read|different lengths/],
  ])('%s → InputError', (_name, text, message) => {
    expect(() => parseCsv(text, 'data.csv')).toThrow(InputError);
    expect(() => parseCsv(text, 'data.csv')).toThrow(message);
  });
});

describe('splits', () => {
  it('splitIndices is seeded, disjoint and complete', () => {
    const s = splitIndices(20, { train: 0.6, validation: 0.2, test: 0.2, seed: 5 });
    expect(s.train).toHaveLength(12);
    expect(s.validation).toHaveLength(4);
    expect(s.test).toHaveLength(4);
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(splitIndices(20, { train: 0.6, validation: 0.2, test: 0.2, seed: 5 })).toEqual(s);
    expect(s.train).not.toEqual(Array.from({ length: 12 }, (_, i) => i));
  });
  it('chronologicalSplit keeps time order: train before validation before test', () => {
    const s = chronologicalSplit(10, { train: 0.6, validation: 0.2, test: 0.2 });
    expect(s).toEqual({ train: [0, 1, 2, 3, 4, 5], validation: [6, 7], test: [8, 9] });
  });
  it.each([
    [{ train: 0.5, validation: 0.2, test: 0.2 }, 'train + validation + test'],
    [{ train: 1.2, validation: 0, test: -0.2 }, 'train'],
    [{ train: 0.5, validation: -0.1, test: 0.6 }, 'validation'],
    [{ seed: Infinity }, 'seed'],
  ])('rejects %j naming %s', (cfg, field) => {
    expect(() => splitIndices(10, cfg)).toThrow(expect.objectContaining({ field }));
  });
});
