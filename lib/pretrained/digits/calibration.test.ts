// Temperature scaling and the "I'm not sure" threshold: the maths on synthetic data with a known answer,
// and the shipped MLP's calibration on real held-out digits (better likelihood than uncalibrated).
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { createRng, randomNormal } from '@/lib/data';
import {
  calibrateProbabilities,
  chooseUnsureThreshold,
  DEFAULT_DIGIT_CALIBRATION,
  DIGIT_CALIBRATION,
  digitCalibration,
  expectedCalibrationError,
  fitTemperature,
  loadDigitModel,
  loadMnist,
  negativeLogLikelihood,
  unsureRates,
} from './index';
import { REPO_ROOT, fsFetch, fsModelHandler, modelDir } from './node-files.test-util';

const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

/** Rows of softmax(z) whose labels were drawn from softmax(z / trueT): the right temperature is trueT. */
function synthetic(n: number, trueT: number, seed = 7): { rows: number[][]; labels: number[] } {
  const rng = createRng(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = Array.from({ length: 10 }, () => 2 * randomNormal(rng));
    z[i % 10] += 3;
    const truth = softmax(z.map((v) => v / trueT));
    let u = rng();
    let label = 9;
    for (let k = 0; k < 10; k++) {
      u -= truth[k];
      if (u <= 0) {
        label = k;
        break;
      }
    }
    rows.push(softmax(z));
    labels.push(label);
  }
  return { rows, labels };
}

describe('temperature scaling', () => {
  it('keeps the answer and sums to 1; T = 1 changes nothing; T < 1 sharpens', () => {
    const p = [0.05, 0.6, 0.1, 0.25];
    expect(calibrateProbabilities(p, 1)).toEqual(p);
    const sharp = calibrateProbabilities(p, 0.5);
    expect(sharp.indexOf(Math.max(...sharp))).toBe(1);
    expect(sharp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(sharp[1]).toBeGreaterThan(0.6);
    // softmax(log p / T) = p^(1/T) normalised.
    const sq = p.map((v) => v * v);
    const sum = sq.reduce((a, b) => a + b, 0);
    sharp.forEach((v, i) => expect(v).toBeCloseTo(sq[i] / sum, 10));
  });

  it('recovers the temperature that generated the labels, and lowers NLL and ECE with it', () => {
    for (const trueT of [0.5, 2]) {
      const { rows, labels } = synthetic(3000, trueT);
      const T = fitTemperature(rows, labels);
      expect(Math.abs(Math.log(T / trueT))).toBeLessThan(0.15);
      const cal = rows.map((p) => calibrateProbabilities(p, T));
      expect(negativeLogLikelihood(cal, labels)).toBeLessThan(negativeLogLikelihood(rows, labels));
      expect(expectedCalibrationError(cal, labels)).toBeLessThan(expectedCalibrationError(rows, labels));
    }
  });

  it('picks the highest threshold that flags at most the allowed share of right answers', () => {
    const { rows, labels } = synthetic(2000, 1, 11);
    const chosen = chooseUnsureThreshold(rows, labels, 0.05);
    expect(chosen.rightFlagged).toBeLessThanOrEqual(0.05);
    const next = unsureRates(rows, labels, Math.round((chosen.threshold + 0.01) * 100) / 100);
    expect(next.rightFlagged).toBeGreaterThan(0.05);
    expect(chosen.wrongFlagged).toBeGreaterThan(chosen.rightFlagged);
  });
});

describe('shipped calibration', () => {
  it('has measured values for both models and the old behaviour for a network trained in the browser', () => {
    expect(digitCalibration('mine')).toEqual(DEFAULT_DIGIT_CALIBRATION);
    expect(DEFAULT_DIGIT_CALIBRATION).toEqual({ temperature: 1, unsureBelow: 0.6 });
    for (const name of ['digits-mlp', 'digits-cnn']) {
      const c = digitCalibration(name);
      expect(c).toBe(DIGIT_CALIBRATION[name]);
      expect(c.temperature).toBeGreaterThan(0.3);
      expect(c.temperature).toBeLessThan(1);
    }
  });

  it('makes the shipped MLP better calibrated on held-out digits (odd rows, not used for fitting)', async () => {
    const mnist = await loadMnist(fsFetch(path.join(REPO_ROOT, 'public', 'data', 'mnist')));
    const digits = await loadDigitModel(fsModelHandler(modelDir('digits-mlp')));
    const before = tf.memory().numTensors;
    const rows = digits.predictBatch(mnist.testImages).filter((_, i) => i % 2 === 1);
    expect(tf.memory().numTensors).toBe(before);
    digits.dispose();
    const labels = Array.from(mnist.testLabels).filter((_, i) => i % 2 === 1);
    const { temperature } = digitCalibration('digits-mlp');
    const cal = rows.map((p) => calibrateProbabilities(p, temperature));
    expect(negativeLogLikelihood(cal, labels)).toBeLessThan(negativeLogLikelihood(rows, labels));
    expect(expectedCalibrationError(cal, labels)).toBeLessThan(expectedCalibrationError(rows, labels));
  });
});
