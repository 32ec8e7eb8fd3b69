// Turning per-class feature vectors into a stratified, seeded train / held-out split.
import { createRng, shuffleInPlace } from '../data';
import { InputError } from '../errors';
import { MAX_CLASSES, MIN_CLASSES, MIN_EXAMPLES_TO_HOLD_OUT } from './constants';
import type { FeaturesByClass, TransferSplit } from './types';

/**
 * Checks that there are enough classes and examples to train, naming the problem. `labels` are
 * the class names in order (used in messages).
 * @throws InputError when fewer than 2 classes, more than 20, or a class has no examples.
 */
export function checkTrainable(labels: readonly string[], features: FeaturesByClass): void {
  if (labels.length < MIN_CLASSES) {
    throw new InputError(`At least ${MIN_CLASSES} classes are needed to train; there is ${labels.length}.`);
  }
  if (labels.length > MAX_CLASSES) {
    throw new InputError(`At most ${MAX_CLASSES} classes can be trained; there are ${labels.length}.`);
  }
  features.forEach((f, i) => {
    if (f.length === 0) throw new InputError(`Class "${labels[i]}" has no examples yet.`, labels[i]);
  });
}

/**
 * The one stratified split of every teachable studio. Each class is shuffled separately (one
 * seeded generator, classes in order of first appearance) and `round(n × fraction)` of each class
 * are held out: at least 1, and at least 1 always stays for training. When any class has fewer
 * than {@link MIN_EXAMPLES_TO_HOLD_OUT} examples nothing is held out (an accuracy measured on one
 * picture per class is luck, not a measurement): everything trains. `classes[i]` is the class of
 * example i. Indices come back in shuffled order; the same seed gives the same split.
 */
export function stratifiedSplitIndices(
  classes: readonly number[],
  fraction: number,
  seed: number,
): { train: number[]; validation: number[] } {
  const rng = createRng(seed);
  const byClass = new Map<number, number[]>();
  classes.forEach((c, i) => {
    const list = byClass.get(c);
    if (list) list.push(i);
    else byClass.set(c, [i]);
  });
  const train: number[] = [];
  const validation: number[] = [];
  const enough = [...byClass.values()].every((idx) => idx.length >= MIN_EXAMPLES_TO_HOLD_OUT);
  for (const idx of byClass.values()) {
    shuffleInPlace(idx, rng);
    const n = idx.length;
    const nVal = fraction > 0 && enough ? Math.min(n - 1, Math.max(1, Math.round(n * fraction))) : 0;
    validation.push(...idx.slice(0, nVal));
    train.push(...idx.slice(nVal));
  }
  return { train, validation };
}

/** {@link stratifiedSplitIndices} for feature vectors grouped by class. */
export function stratifiedSplit(features: FeaturesByClass, fraction: number, seed: number): TransferSplit {
  const rows = features.flat() as Float32Array[];
  const classes = features.flatMap((list, cls) => list.map(() => cls));
  const { train, validation } = stratifiedSplitIndices(classes, fraction, seed);
  return {
    trainX: train.map((i) => rows[i]),
    trainY: train.map((i) => classes[i]),
    valX: validation.map((i) => rows[i]),
    valY: validation.map((i) => classes[i]),
  };
}

/** Packs feature vectors into one row-major Float32Array [n × size]. */
export function packFeatures(rows: readonly Float32Array[], size: number): Float32Array {
  const out = new Float32Array(rows.length * size);
  rows.forEach((r, i) => {
    if (r.length !== size)
      throw new InputError(`Feature vector ${i} has ${r.length} numbers, expected ${size}.`);
    out.set(r, i * size);
  });
  return out;
}
