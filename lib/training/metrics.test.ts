// Tests for plain-array metrics: classification, regression, ROC/AUC and precision–recall.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InputError } from '@/lib/errors';
import {
  accuracy,
  auc,
  confusionMatrix,
  mae,
  mape,
  mse,
  perClassAccuracy,
  precisionRecallAt,
  r2,
  rmse,
  rocCurve,
} from './index';

describe('classification metrics', () => {
  const t = [0, 0, 1, 1, 2, 2];
  const p = [0, 1, 1, 1, 2, 0];
  it('accuracy, confusion matrix and per-class accuracy', () => {
    expect(accuracy(t, p)).toBeCloseTo(4 / 6);
    expect(confusionMatrix(t, p, 3)).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    expect(perClassAccuracy(t, p, 4)).toEqual([0.5, 1, 0.5, null]);
  });
  it('rejects mismatched lengths and out-of-range labels', () => {
    expect(() => accuracy([0, 1], [0])).toThrow(InputError);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(InputError);
  });
});

describe('regression metrics', () => {
  it('mse, mae, rmse, mape (skipping zero targets) and r2', () => {
    const y = [0, 2, 4];
    const p = [1, 2, 2];
    expect(mse(y, p)).toBeCloseTo(5 / 3);
    expect(mae(y, p)).toBeCloseTo(1);
    expect(rmse(y, p)).toBeCloseTo(Math.sqrt(5 / 3));
    expect(mape(y, p)).toBeCloseTo(25); // (0% + 50%) / 2; the zero target is skipped
    expect(mape([0, 0], [1, 1])).toBeNaN();
    expect(r2([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(r2([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(mse([[1, 2]], [[1, 4]])).toBe(2);
  });
});

describe('ROC and precision–recall', () => {
  it('perfect and inverted rankings give AUC 1 and 0; ties count half', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
    expect(auc([0.5, 0.5], [1, 0])).toBe(0.5);
  });
  it('rocCurve starts at (0,0), ends at (1,1) with descending thresholds', () => {
    const r = rocCurve([0.9, 0.4, 0.6, 0.1], [true, false, true, false]);
    expect([r.fpr[0], r.tpr[0]]).toEqual([0, 0]);
    expect([r.fpr.at(-1), r.tpr.at(-1)]).toEqual([1, 1]);
    expect(r.thresholds).toEqual([Infinity, 0.9, 0.6, 0.4, 0.1]);
    expect(() => rocCurve([0.1, 0.2], [1, 1])).toThrow(InputError);
  });
  it('precisionRecallAt counts at a threshold', () => {
    const pr = precisionRecallAt([0.9, 0.6, 0.4, 0.2], [1, 0, 1, 0], 0.5);
    expect(pr).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, tp: 1, fp: 1, tn: 1, fn: 1 });
    expect(precisionRecallAt([0.1], [1], 0.5).precision).toBe(0);
  });
  it('metrics touch no tensors', () => {
    const before = tf.memory().numTensors;
    accuracy([1], [1]);
    confusionMatrix([0, 1], [1, 0], 2);
    auc([0.2, 0.8], [0, 1]);
    r2([1, 2], [1, 3]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
