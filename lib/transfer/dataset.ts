// Turning per-class feature vectors into a stratified, seeded train / held-out split.
import { createRng, shuffleInPlace } from '../data';
import { InputError } from '../errors';
import { MAX_CLASSES, MIN_CLASSES } from './constants';
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
 * Splits each class separately (stratified) so every class with 4 or more examples has some
 * held out: `round(n × fraction)` of them, at least 1, and at least 1 always stays for training.
 * The same seed gives the same split.
 */
export function stratifiedSplit(features: FeaturesByClass, fraction: number, seed: number): TransferSplit {
  const rng = createRng(seed);
  const out: TransferSplit = { trainX: [], trainY: [], valX: [], valY: [] };
  features.forEach((list, cls) => {
    const order = shuffleInPlace(
      list.map((_, i) => i),
      rng,
    );
    const n = list.length;
    const nVal = fraction > 0 && n >= 4 ? Math.min(n - 1, Math.max(1, Math.round(n * fraction))) : 0;
    order.forEach((idx, k) => {
      if (k < nVal) {
        out.valX.push(list[idx] as Float32Array);
        out.valY.push(cls);
      } else {
        out.trainX.push(list[idx] as Float32Array);
        out.trainY.push(cls);
      }
    });
  });
  return out;
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
