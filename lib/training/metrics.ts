// Evaluation metrics on plain arrays (no tensors): classification, regression and ROC.
import { InputError } from '../errors';
import type { PrecisionRecall, RocCurve } from './types';

type Values = number[] | number[][];

function flat(v: Values): number[] {
  return Array.isArray(v[0]) ? (v as number[][]).flat() : (v as number[]);
}

function pair(a: Values, b: Values, what: string): [number[], number[]] {
  const x = flat(a);
  const y = flat(b);
  if (x.length !== y.length) {
    throw new InputError(`${what}: got ${x.length} true values but ${y.length} predictions.`);
  }
  if (x.length === 0) throw new InputError(`${what}: there are no values.`);
  return [x, y];
}

/** Fraction of predicted labels equal to the true labels, from 0 to 1. */
export function accuracy(trueLabels: number[], predLabels: number[]): number {
  const [t, p] = pair(trueLabels, predLabels, 'accuracy');
  let hit = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) hit++;
  return hit / t.length;
}

/**
 * Counts per (true, predicted) pair: `matrix[trueClass][predictedClass]`.
 * Labels must be integers from 0 to numClasses − 1.
 */
export function confusionMatrix(trueLabels: number[], predLabels: number[], numClasses: number): number[][] {
  const [t, p] = pair(trueLabels, predLabels, 'confusionMatrix');
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new InputError(`confusionMatrix: numClasses must be an integer ≥ 1, got ${numClasses}.`);
  }
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < t.length; i++) {
    const a = t[i];
    const b = p[i];
    if (
      !Number.isInteger(a) ||
      !Number.isInteger(b) ||
      a < 0 ||
      b < 0 ||
      a >= numClasses ||
      b >= numClasses
    ) {
      throw new InputError(
        `confusionMatrix: label pair (${a}, ${b}) at ${i} is outside 0…${numClasses - 1}.`,
      );
    }
    m[a][b]++;
  }
  return m;
}

/** Accuracy within each true class (recall per class); null for a class with no examples. */
export function perClassAccuracy(
  trueLabels: number[],
  predLabels: number[],
  numClasses: number,
): (number | null)[] {
  return confusionMatrix(trueLabels, predLabels, numClasses).map((row, c) => {
    const total = row.reduce((s, v) => s + v, 0);
    return total === 0 ? null : row[c] / total;
  });
}

/** Mean squared error. */
export function mse(yTrue: Values, yPred: Values): number {
  const [t, p] = pair(yTrue, yPred, 'mse');
  return t.reduce((s, v, i) => s + (v - p[i]) ** 2, 0) / t.length;
}

/** Mean absolute error. */
export function mae(yTrue: Values, yPred: Values): number {
  const [t, p] = pair(yTrue, yPred, 'mae');
  return t.reduce((s, v, i) => s + Math.abs(v - p[i]), 0) / t.length;
}

/** Root mean squared error, in the units of the target. */
export function rmse(yTrue: Values, yPred: Values): number {
  return Math.sqrt(mse(yTrue, yPred));
}

/**
 * Mean absolute percentage error, in percent. Targets equal to 0 are skipped (their
 * percentage is undefined); NaN when every target is 0.
 */
export function mape(yTrue: Values, yPred: Values): number {
  const [t, p] = pair(yTrue, yPred, 'mape');
  let sum = 0;
  let count = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 0) continue;
    sum += Math.abs((t[i] - p[i]) / t[i]);
    count++;
  }
  return count === 0 ? NaN : (100 * sum) / count;
}

/**
 * Coefficient of determination: 1 is perfect, 0 is no better than predicting the mean.
 * NaN when the targets are all equal (no variance to explain).
 */
export function r2(yTrue: Values, yPred: Values): number {
  const [t, p] = pair(yTrue, yPred, 'r2');
  const mean = t.reduce((s, v) => s + v, 0) / t.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < t.length; i++) {
    ssRes += (t[i] - p[i]) ** 2;
    ssTot += (t[i] - mean) ** 2;
  }
  return ssTot === 0 ? NaN : 1 - ssRes / ssTot;
}

function binaryLabels(labels: (number | boolean)[]): boolean[] {
  return labels.map((l) => l === true || l === 1);
}

/**
 * ROC curve of `scores` (higher = more likely positive) against 0/1 labels. Tied scores form
 * one point. Thresholds descend; the first point is (0, 0) at threshold +Infinity.
 */
export function rocCurve(scores: number[], labels: (number | boolean)[]): RocCurve {
  if (scores.length !== labels.length || scores.length === 0) {
    throw new InputError(
      `rocCurve: need as many labels as scores (got ${labels.length} and ${scores.length}).`,
    );
  }
  const pos = binaryLabels(labels);
  const P = pos.filter(Boolean).length;
  const N = pos.length - P;
  if (P === 0 || N === 0) {
    throw new InputError('rocCurve: labels need both positive and negative examples.');
  }
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const fpr = [0];
  const tpr = [0];
  const thresholds = [Infinity];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (pos[i]) tp++;
    else fp++;
    if (k === order.length - 1 || scores[order[k + 1]] !== scores[i]) {
      fpr.push(fp / N);
      tpr.push(tp / P);
      thresholds.push(scores[i]);
    }
  }
  return { fpr, tpr, thresholds };
}

/** Area under the ROC curve (trapezoids): 1 is perfect ranking, 0.5 is chance. */
export function auc(scores: number[], labels: (number | boolean)[]): number {
  const { fpr, tpr } = rocCurve(scores, labels);
  let area = 0;
  for (let i = 1; i < fpr.length; i++) area += ((fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1])) / 2;
  return area;
}

/**
 * Precision, recall and F1 when an example counts as positive at score ≥ `threshold`.
 * Precision is 0 when nothing is predicted positive; recall is 0 when there are no positives.
 */
export function precisionRecallAt(
  scores: number[],
  labels: (number | boolean)[],
  threshold: number,
): PrecisionRecall {
  if (scores.length !== labels.length) {
    throw new InputError(`precisionRecallAt: got ${scores.length} scores but ${labels.length} labels.`);
  }
  const pos = binaryLabels(labels);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    if (predicted && pos[i]) tp++;
    else if (predicted) fp++;
    else if (pos[i]) fn++;
    else tn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, tn, fn };
}
