// Autoencoder lab runs on real data: what Train leaves for the page, cancelling, tensor leaks, and
// the map geometry.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { parseCsv } from '../data';
import { fsFetch } from '../pretrained/digits/node-files.test-util';
import { loadMnist } from '../pretrained/digits';
import {
  AUTOENCODER_SHOW,
  BUILTIN_TABLES,
  DIGIT_PIXELS,
  flaggedAt,
  mapBounds,
  prepareTable,
  trainDigitAutoencoder,
  trainTableAutoencoder,
  walkToPoint,
} from './index';

const MNIST_DIR = path.join(__dirname, '..', '..', 'public', 'data', 'mnist');
const SEATTLE = parseCsv(
  readFileSync(
    path.join(__dirname, '..', '..', 'node_modules', 'vega-datasets', 'data', 'seattle-weather.csv'),
    'utf8',
  ),
  'seattle-weather.csv',
);

describe('autoencoder lab runs', () => {
  it('a digit run on one digit returns reconstructions, a labelled map and an anomaly report, leak-free', async () => {
    const data = await loadMnist(fsFetch(MNIST_DIR));
    const before = tf.memory().numTensors;
    const epochs: number[] = [];
    const run = await trainDigitAutoencoder(data, { kind: 'dense', bottleneck: 2, epochs: 2 }, 1, {
      onEpochEnd: (e) => epochs.push(e),
    });
    expect(epochs).toEqual([0, 1]);
    expect(run.originals.length).toBe(AUTOENCODER_SHOW * DIGIT_PIXELS);
    expect(run.reconstructions.length).toBe(run.originals.length);
    expect(run.map.points.length).toBe(run.map.labels.length);
    expect(run.map.toCode([0, 0])).toHaveLength(2);
    expect(run.report).not.toBeNull();
    expect(run.scoredImages?.length).toBe(run.report!.scores.length * DIGIT_PIXELS);
    // Ones are easy to rebuild for a network that only saw ones: normal digits score lower.
    expect(run.report!.auc).toBeGreaterThan(0.7);
    run.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a cancelled digit run on all digits still returns a usable model and no report', async () => {
    const data = await loadMnist(fsFetch(MNIST_DIR));
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    ctrl.abort();
    const run = await trainDigitAutoencoder(data, { bottleneck: 4, epochs: 3 }, null, {
      signal: ctrl.signal,
    });
    expect(run.report).toBeNull();
    expect(run.scoredImages).toBeNull();
    expect(run.map.toCode(run.map.points[0])).toHaveLength(4);
    run.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a table run samples normal and anomalous rows and reports its epochs, leak-free', async () => {
    const data = prepareTable(SEATTLE, BUILTIN_TABLES[0].choice);
    const before = tf.memory().numTensors;
    const run = await trainTableAutoencoder(data, { bottleneck: 2, epochs: 5 });
    expect(run.epochsRun).toBe(5);
    expect(run.cancelled).toBe(false);
    expect(run.sample).toHaveLength(6);
    expect(run.sample.filter((s) => data.test.isAnomaly[s.index])).toHaveLength(3);
    expect(run.sample[0].recon).toHaveLength(data.features.length);
    expect(run.map.points).toHaveLength(data.test.values.length);
    expect(run.report.scores).toHaveLength(data.test.values.length);
    run.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('bounds, marker positions and flagged rows', () => {
    const points: [number, number][] = Array.from({ length: 101 }, (_, i) => [i, -i]);
    points.push([1e6, 0]);
    expect(mapBounds(points)).toEqual({ x0: 0, x1: 1e6, y0: -100, y1: 0 });
    const robust = mapBounds(points, true);
    expect(robust.x1).toBeLessThan(200);
    expect(robust.x0).toBeLessThan(1);
    expect(walkToPoint([-1, 1], { x0: 0, x1: 10, y0: -4, y1: 4 })).toEqual([0, 4]);
    expect(walkToPoint([0, 0], { x0: 0, x1: 10, y0: -4, y1: 4 })).toEqual([5, 0]);
    expect(flaggedAt([0.1, 0.9, 0.5, 0.7], 0.5, 2)).toEqual([
      { i: 1, s: 0.9 },
      { i: 3, s: 0.7 },
    ]);
  });
});
