// Autoencoder lab tests on real MNIST digits: reconstruction, codes, decoding, PCA, and anomaly AUC.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { DIGIT_PIXELS, DigitAutoencoder, anomalyReport, flagAt, projectTo2d, selectDigits } from './index';
import { parseMnist } from '../pretrained/digits';

const DIR = path.join(__dirname, '..', '..', 'public', 'data', 'mnist');
const digits = parseMnist(
  readFileSync(path.join(DIR, 'meta.json'), 'utf8'),
  new Uint8Array(readFileSync(path.join(DIR, 'images.bin'))),
  new Uint8Array(readFileSync(path.join(DIR, 'labels.bin'))),
);

describe('digits data', () => {
  it('splits 8,000 / 2,000 with pixels in 0–1', () => {
    expect(digits.trainImages.length).toBe(8000 * DIGIT_PIXELS);
    expect(digits.testLabels.length).toBe(2000);
    expect(Math.max(...digits.testImages.subarray(0, 5000))).toBeLessThanOrEqual(1);
    expect(() => parseMnist('{}', new Uint8Array(3), new Uint8Array(1))).toThrow(/meta\.json/);
  });
});

describe('PCA projection', () => {
  it('keeps 2-D codes as they are and finds the main direction of spread', () => {
    expect(
      projectTo2d([
        [1, 2],
        [3, 4],
      ]).points,
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
    // Points along the line (t, 2t, 0): the first component carries all the spread.
    const rows = Array.from({ length: 20 }, (_, i) => [i, 2 * i, 0]);
    const { points, toCode } = projectTo2d(rows);
    const spread0 = Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0]));
    expect(spread0).toBeCloseTo(Math.hypot(19, 38), 3);
    for (const p of points) expect(Math.abs(p[1])).toBeLessThan(1e-6);
    const back = toCode(points[5]);
    expect(back[0]).toBeCloseTo(5, 4);
    expect(back[1]).toBeCloseTo(10, 4);
  });
});

describe('DigitAutoencoder', () => {
  it('trained on one digit, flags other digits by reconstruction error (held-out AUC > 0.9), without leaks', async () => {
    const before = tf.memory().numTensors;
    // Normal = the digit 1; anomalies = every other digit. Test digits are never trained on.
    const normalTrain = selectDigits(digits.trainImages, digits.trainLabels, (l) => l === 1, 400);
    const normalTest = selectDigits(digits.testImages, digits.testLabels, (l) => l === 1, 150);
    const anomalies = selectDigits(digits.testImages, digits.testLabels, (l) => l !== 1, 150);
    const ae = DigitAutoencoder.create({ kind: 'dense', bottleneck: 4, epochs: 6, batchSize: 32 });
    const result = await ae.fit(normalTrain.images);
    expect(result.history.loss[result.history.loss.length - 1]).toBeLessThan(result.history.loss[0]);
    const report = anomalyReport(ae, normalTest.images, anomalies.images);
    expect(report.auc).toBeGreaterThan(0.9);
    const median = [...report.scores].sort((a, b) => a - b)[Math.floor(report.scores.length / 2)];
    const pr = flagAt(report, median);
    expect(pr.precision).toBeGreaterThan(0.8);

    const codes = ae.encode(normalTest.images.subarray(0, 3 * DIGIT_PIXELS));
    expect(codes.map((c) => c.length)).toEqual([4, 4, 4]);
    const decoded = ae.decode(codes);
    expect(decoded.length).toBe(3 * DIGIT_PIXELS);
    expect(ae.reconstruct(normalTest.images.subarray(0, DIGIT_PIXELS)).length).toBe(DIGIT_PIXELS);
    ae.dispose();
    ae.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Generous: this machine's CPU is shared; the work itself takes a few seconds of CPU time.
  }, 400_000);

  it('builds a convolutional autoencoder whose reconstructions have the input shape', () => {
    const before = tf.memory().numTensors;
    const ae = DigitAutoencoder.create({ kind: 'conv', bottleneck: 2 });
    const two = digits.testImages.subarray(0, 2 * DIGIT_PIXELS);
    expect(ae.reconstruct(two).length).toBe(2 * DIGIT_PIXELS);
    expect(ae.reconstructionErrors(two)).toHaveLength(2);
    expect(ae.encode(two)[0]).toHaveLength(2);
    ae.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => DigitAutoencoder.create({ bottleneck: 0 })).toThrow(/bottleneck/);
  });
});
