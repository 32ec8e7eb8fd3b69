// Input feature transforms: the Playground feeds the network any of x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.
import { ConfigError } from '../errors';
import { FEATURE_NAMES } from './constants';
import type { FeatureName, Point2D } from './types';

/** Computes one feature of (x₁, x₂). */
export function featureValue(name: FeatureName, x1: number, x2: number): number {
  switch (name) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1sq':
      return x1 * x1;
    case 'x2sq':
      return x2 * x2;
    case 'x1x2':
      return x1 * x2;
    case 'sinx1':
      return Math.sin(x1);
    case 'sinx2':
      return Math.sin(x2);
  }
}

/** Checks a feature list: non-empty, known names, no repeats. Returns it in display order. */
export function resolveFeatures(features: readonly string[]): FeatureName[] {
  if (!Array.isArray(features) || features.length === 0) {
    throw new ConfigError('features', features, `at least one of ${FEATURE_NAMES.join(', ')}`);
  }
  for (const f of features) {
    if (!(FEATURE_NAMES as readonly string[]).includes(f))
      throw new ConfigError('features', f, FEATURE_NAMES.join(', '));
  }
  return FEATURE_NAMES.filter((f) => features.includes(f));
}

/**
 * Turns points into a flat row-major feature matrix [points.length × features.length], ready for
 * `tf.tensor2d(values, [n, features.length])`.
 */
export function featurize(
  points: readonly Pick<Point2D, 'x1' | 'x2'>[],
  features: readonly FeatureName[],
): Float32Array {
  const f = resolveFeatures(features);
  const out = new Float32Array(points.length * f.length);
  points.forEach((p, i) => {
    for (let j = 0; j < f.length; j++) out[i * f.length + j] = featureValue(f[j], p.x1, p.x2);
  });
  return out;
}

/**
 * The centres of a size×size grid covering [-domain, domain]², row by row from the top (x₂ = +domain)
 * so that row r of the grid is pixel row r of a canvas.
 */
export function gridPoints(size: number, domain: number): { x1: number; x2: number }[] {
  if (!Number.isInteger(size) || size < 2 || size > 400)
    throw new ConfigError('size', size, 'an integer from 2 to 400');
  const pts: { x1: number; x2: number }[] = [];
  const step = (2 * domain) / size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++)
      pts.push({ x1: -domain + (c + 0.5) * step, x2: domain - (r + 0.5) * step });
  }
  return pts;
}
