// 2-D dataset generators for the Playground, modelled on TensorFlow Playground's, plus 3-class variants.
import { ConfigError } from '../errors';
import { createRng, randomNormal, shuffleInPlace, type Rng } from '../data';
import { DATASETS, DATASET_NAMES, DEFAULT_NUM_POINTS, DOMAIN } from './constants';
import type { DatasetName, DatasetOptions, LabDataset, Point2D } from './types';

function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + rng() * (hi - lo);
}

/** Two classes: a disc (class 1) inside a ring (class 0). */
function circle(n: number, noise: number, rng: Rng): Point2D[] {
  const radius = 5;
  const pts: Point2D[] = [];
  const ring = (lo: number, hi: number, label: number) => {
    for (let i = 0; i < n / 2; i++) {
      const r = uniform(rng, lo, hi);
      const angle = uniform(rng, 0, 2 * Math.PI);
      const x1 = r * Math.sin(angle) + uniform(rng, -radius, radius) * noise;
      const x2 = r * Math.cos(angle) + uniform(rng, -radius, radius) * noise;
      pts.push({ x1, x2, label });
    }
  };
  ring(0, radius * 0.5, 1);
  ring(radius * 0.7, radius, 0);
  return pts;
}

/** Two classes: same-sign quadrants (class 1) vs opposite-sign quadrants (class 0). */
function xor(n: number, noise: number, rng: Rng): Point2D[] {
  const pad = 0.3;
  const pts: Point2D[] = [];
  for (let i = 0; i < n; i++) {
    let x1 = uniform(rng, -5, 5);
    x1 += x1 > 0 ? pad : -pad;
    let x2 = uniform(rng, -5, 5);
    x2 += x2 > 0 ? pad : -pad;
    // The label comes from the clean point; noise then moves it, so high noise blurs the quadrants.
    const label = x1 * x2 >= 0 ? 1 : 0;
    pts.push({ x1: x1 + uniform(rng, -5, 5) * noise, x2: x2 + uniform(rng, -5, 5) * noise, label });
  }
  return pts;
}

/** Gaussian blobs at the given centres; noise widens them. */
function blobs(n: number, noise: number, rng: Rng, centres: [number, number][]): Point2D[] {
  // Standard deviation grows from 0.7 (clean) to 2 (noise 0.5), as in TF Playground (variance 0.5 → 4).
  const sd = Math.sqrt(0.5 + (4 - 0.5) * (noise / 0.5));
  const pts: Point2D[] = [];
  const per = Math.floor(n / centres.length);
  centres.forEach(([cx, cy], label) => {
    for (let i = 0; i < per; i++)
      pts.push({ x1: cx + randomNormal(rng) * sd, x2: cy + randomNormal(rng) * sd, label });
  });
  return pts;
}

/** Interleaved spiral arms, one per class. */
function spiral(n: number, noise: number, rng: Rng, arms: number): Point2D[] {
  const radius = 5;
  const per = Math.floor(n / arms);
  const pts: Point2D[] = [];
  for (let arm = 0; arm < arms; arm++) {
    const delta = (2 * Math.PI * arm) / arms;
    for (let i = 0; i < per; i++) {
      const r = (i / per) * radius;
      const t = ((1.75 * i) / per) * 2 * Math.PI + delta;
      pts.push({
        x1: r * Math.sin(t) + uniform(rng, -1, 1) * noise * 2,
        x2: r * Math.cos(t) + uniform(rng, -1, 1) * noise * 2,
        label: arm,
      });
    }
  }
  return pts;
}

/** Regression: a tilted plane, target (x₁ + x₂) / 10 in [-1, 1], plus noise on the target. */
function plane(n: number, noise: number, rng: Rng): Point2D[] {
  const pts: Point2D[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = uniform(rng, -DOMAIN, DOMAIN);
    const x2 = uniform(rng, -DOMAIN, DOMAIN);
    const label = Math.max(-1, Math.min(1, (x1 + x2) / (2 * DOMAIN) + uniform(rng, -1, 1) * noise));
    pts.push({ x1, x2, label });
  }
  return pts;
}

/** Regression: bumps and dips (Gaussians of sign ±1) on a grid; target is the strongest one nearby. */
function multiGauss(n: number, noise: number, rng: Rng): Point2D[] {
  const bumps: [number, number, number][] = [
    [-4, 2.5, 1],
    [0, 2.5, -1],
    [4, 2.5, 1],
    [-4, -2.5, -1],
    [0, -2.5, 1],
    [4, -2.5, -1],
  ];
  const pts: Point2D[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = uniform(rng, -DOMAIN, DOMAIN);
    const x2 = uniform(rng, -DOMAIN, DOMAIN);
    let best = 0;
    for (const [cx, cy, sign] of bumps) {
      const v = sign * Math.exp(-((x1 - cx) ** 2 + (x2 - cy) ** 2) / 4);
      if (Math.abs(v) > Math.abs(best)) best = v;
    }
    const label = Math.max(-1, Math.min(1, best + uniform(rng, -1, 1) * noise));
    pts.push({ x1, x2, label });
  }
  return pts;
}

/** Generates the raw points of a built-in dataset (not split). Deterministic for a given seed. */
export function generatePoints(name: DatasetName, numPoints: number, noise: number, seed: number): Point2D[] {
  if (!DATASET_NAMES.includes(name)) throw new ConfigError('dataset', name, DATASET_NAMES.join(', '));
  if (!Number.isInteger(numPoints) || numPoints < 4 || numPoints > 100_000) {
    throw new ConfigError('numPoints', numPoints, 'an integer from 4 to 100000');
  }
  if (!Number.isFinite(noise) || noise < 0 || noise > 0.5)
    throw new ConfigError('noise', noise, 'a number from 0 to 0.5');
  const rng = createRng(seed);
  switch (name) {
    case 'circle':
      return circle(numPoints, noise, rng);
    case 'xor':
      return xor(numPoints, noise, rng);
    case 'gauss':
      return blobs(numPoints, noise, rng, [
        [-2, -2],
        [2, 2],
      ]);
    case 'blobs3':
      return blobs(numPoints, noise, rng, [
        [-3, -2],
        [3, -2],
        [0, 3],
      ]);
    case 'spiral':
      return spiral(numPoints, noise, rng, 2);
    case 'spiral3':
      return spiral(numPoints, noise, rng, 3);
    case 'plane':
      return plane(numPoints, noise, rng);
    case 'multiGauss':
      return multiGauss(numPoints, noise, rng);
  }
}

/**
 * Shuffles points with `seed` and splits them: the first `trainRatio` go to training.
 * Throws ConfigError if the ratio would leave either part empty.
 */
export function splitPoints(
  points: Point2D[],
  trainRatio: number,
  seed: number,
): { train: Point2D[]; test: Point2D[] } {
  if (!Number.isFinite(trainRatio) || trainRatio < 0.1 || trainRatio > 0.9) {
    throw new ConfigError('trainRatio', trainRatio, 'a number from 0.1 to 0.9');
  }
  // A different stream from the generator's, so changing the ratio does not change the points.
  const shuffled = shuffleInPlace(points.slice(), createRng(seed + 7919));
  const nTrain = Math.round(shuffled.length * trainRatio);
  if (nTrain < 1 || nTrain >= shuffled.length)
    throw new ConfigError('trainRatio', trainRatio, 'a ratio leaving points on both sides');
  return { train: shuffled.slice(0, nTrain), test: shuffled.slice(nTrain) };
}

/** Generates and splits a built-in dataset. */
export function makeDataset(name: DatasetName, options: Partial<DatasetOptions> = {}): LabDataset {
  const numPoints = options.numPoints ?? DEFAULT_NUM_POINTS;
  const noise = options.noise ?? 0;
  const trainRatio = options.trainRatio ?? 0.5;
  const seed = options.seed ?? 1;
  const info = DATASETS[name];
  if (!info) throw new ConfigError('dataset', name, DATASET_NAMES.join(', '));
  const { train, test } = splitPoints(generatePoints(name, numPoints, noise, seed), trainRatio, seed);
  return {
    problem: info.problem,
    numClasses: info.numClasses,
    classNames:
      info.problem === 'classification' ? Array.from({ length: info.numClasses }, (_, i) => String(i)) : [],
    train,
    test,
  };
}

/**
 * At most this many points are drawn on the Playground's picture (train and test together): 50,000
 * dots on 288 px are a solid smear and took ~100 ms to draw; TensorFlow Playground draws ≤ 500.
 */
export const MAX_DRAWN_POINTS = 2000;

/**
 * The points to draw: 1 in every `step` of train and of test (the same step for both), with `step`
 * the smallest that keeps at most `max` in all. The points are shuffled by {@link splitPoints}, so
 * every n-th is a fair sample.
 */
export function pointsToDraw<T>(
  train: readonly T[],
  test: readonly T[],
  max: number = MAX_DRAWN_POINTS,
): { train: T[]; test: T[]; step: number; total: number } {
  const total = train.length + test.length;
  const step = Math.max(1, Math.ceil(total / Math.max(1, max)));
  const every = (pts: readonly T[]) => pts.filter((_, i) => i % step === 0);
  return { train: every(train), test: every(test), step, total };
}
