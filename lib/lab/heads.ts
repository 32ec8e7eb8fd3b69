// Which output layer + loss fits which problem, and how labels become training targets.
import type { ActivationName, LossName } from '../models';
import type { OutputHead, Point2D, ProblemKind } from './types';

/** The heads that make sense for a problem. Binary: all three; more classes: softmax or one-hot MSE; regression: linear MSE. */
export function allowedHeads(problem: ProblemKind, numClasses: number): OutputHead[] {
  if (problem === 'regression') return ['linear-mse'];
  return numClasses === 2 ? ['sigmoid-bce', 'softmax-ce', 'linear-mse'] : ['softmax-ce', 'linear-mse'];
}

/** The usual head: sigmoid + binary cross-entropy for two classes, softmax + cross-entropy for more, linear + MSE for numbers. */
export function defaultHead(problem: ProblemKind, numClasses: number): OutputHead {
  if (problem === 'regression') return 'linear-mse';
  return numClasses === 2 ? 'sigmoid-bce' : 'softmax-ce';
}

/** Keeps `wanted` if it fits the problem, else the default head. */
export function matchHead(wanted: OutputHead, problem: ProblemKind, numClasses: number): OutputHead {
  return allowedHeads(problem, numClasses).includes(wanted) ? wanted : defaultHead(problem, numClasses);
}

/** Output layer size, activation and loss for a head. */
export function headSpec(
  head: OutputHead,
  problem: ProblemKind,
  numClasses: number,
): { units: number; activation: ActivationName; loss: LossName } {
  if (head === 'sigmoid-bce') return { units: 1, activation: 'sigmoid', loss: 'binaryCrossentropy' };
  if (head === 'softmax-ce')
    return { units: numClasses, activation: 'softmax', loss: 'categoricalCrossentropy' };
  // MSE: one output for a number or a two-class 0/1 label; one-hot outputs for three or more classes.
  const units = problem === 'classification' && numClasses > 2 ? numClasses : 1;
  return { units, activation: 'linear', loss: 'meanSquaredError' };
}

/** Flat row-major targets [points × units] for a head. */
export function encodeTargets(
  points: readonly Point2D[],
  head: OutputHead,
  problem: ProblemKind,
  numClasses: number,
): Float32Array {
  const { units } = headSpec(head, problem, numClasses);
  const out = new Float32Array(points.length * units);
  points.forEach((p, i) => {
    if (units === 1) out[i] = p.label;
    else out[i * units + p.label] = 1;
  });
  return out;
}
