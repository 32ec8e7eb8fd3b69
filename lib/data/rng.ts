// Seeded random numbers (mulberry32) so shuffles and synthetic data are reproducible.
import { ConfigError } from '../errors';
import type { Rng } from './types';

/**
 * Creates a seeded generator of uniform numbers in [0, 1) using mulberry32.
 * The same seed always gives the same sequence.
 * @param seed Any finite number; it is truncated to an unsigned 32-bit integer.
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new ConfigError('seed', seed, 'a finite number');
  }
  let a = Math.trunc(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `arr` in place (Fisher–Yates) using `rng`, and returns it. */
export function shuffleInPlace<T>(arr: T[], rng: Rng): T[] {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}

/** Draws one standard-normal number (mean 0, standard deviation 1) with Box–Muller. */
export function randomNormal(rng: Rng): number {
  let u = 0;
  // Box–Muller takes log(u); u = 0 would give -Infinity.
  while (u === 0) u = rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Returns [0, 1, …, n − 1]. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
