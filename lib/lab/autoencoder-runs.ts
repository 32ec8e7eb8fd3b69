// What the Autoencoder lab does when a learner presses Train, with no UI in it: train a digit or
// table autoencoder, then collect what the page shows (reconstructions, the 2-D code map, the
// anomaly report), plus the small geometry of the map and its marker.
import type { EpochLogs } from '../training';
import {
  DIGIT_PIXELS,
  DigitAutoencoder,
  anomalyReport,
  projectTo2d,
  selectDigits,
  type AnomalyReport,
  type AutoencoderLabConfig,
} from './autoencoder';
import { TableAutoencoder, tableAnomalyReport, type TableData } from './tabular-autoencoder';

/** Training digits used in "all digits" mode: enough to learn, small enough for a laptop. */
export const AUTOENCODER_ALL_TRAIN = 2000;
/** Training digits used in anomaly mode (all of the normal digit). */
export const AUTOENCODER_NORMAL_TRAIN = 800;
/** Test digits drawn on the code map. */
export const AUTOENCODER_MAP_DIGITS = 600;
/** Test digits of each group (normal, other) in the anomaly report. */
export const AUTOENCODER_ANOMALY_EACH = 300;
/** Digits shown as original above reconstruction. */
export const AUTOENCODER_SHOW = 12;
/** Held-out table rows shown as original vs reconstruction: this many normal and this many anomalous. */
export const TABLE_SAMPLE_EACH = 3;

/** Progress callbacks and cancel signal shared by both runs. */
export interface AutoencoderRunOptions {
  signal?: AbortSignal;
  onEpochEnd?: (epoch: number, logs: EpochLogs) => void;
}

/** The digits a digit autoencoder trains and is shown on (the shape of `MnistData`). */
export interface AutoencoderDigits {
  trainImages: Float32Array;
  trainLabels: ArrayLike<number>;
  testImages: Float32Array;
  testLabels: ArrayLike<number>;
}

/** A 2-D map of codes and the way back from a map position to a code. */
export interface CodeMap {
  points: [number, number][];
  toCode: (p: [number, number]) => number[];
}

/** A trained digit autoencoder and what the lab shows of it. The caller owns and disposes `model`. */
export interface DigitAutoencoderRun {
  model: DigitAutoencoder;
  /** The first AUTOENCODER_SHOW test digits and their reconstructions (N×784 each). */
  originals: Float32Array;
  reconstructions: Float32Array;
  /** Codes of test digits projected to 2-D, with each digit's label. */
  map: CodeMap & { labels: number[] };
  /** Anomaly mode only: the normal digit against all others, and the digits scored (same order). */
  report: AnomalyReport | null;
  scoredImages: Float32Array | null;
}

/**
 * Trains a digit autoencoder on all digits (`normalDigit` null) or on one digit only, for anomaly
 * detection on the held-out test digits.
 */
export async function trainDigitAutoencoder(
  data: AutoencoderDigits,
  config: Partial<AutoencoderLabConfig>,
  normalDigit: number | null,
  options: AutoencoderRunOptions = {},
): Promise<DigitAutoencoderRun> {
  const model = DigitAutoencoder.create(config);
  try {
    const trainSet =
      normalDigit === null
        ? selectDigits(data.trainImages, data.trainLabels, () => true, AUTOENCODER_ALL_TRAIN)
        : selectDigits(
            data.trainImages,
            data.trainLabels,
            (l) => l === normalDigit,
            AUTOENCODER_NORMAL_TRAIN,
          );
    await model.fit(trainSet.images, { signal: options.signal, onEpochEnd: options.onEpochEnd });
    const test = selectDigits(data.testImages, data.testLabels, () => true, AUTOENCODER_MAP_DIGITS);
    const originals = test.images.subarray(0, AUTOENCODER_SHOW * DIGIT_PIXELS);
    const proj = projectTo2d(model.encode(test.images));
    let report: AnomalyReport | null = null;
    let scoredImages: Float32Array | null = null;
    if (normalDigit !== null) {
      // Held-out test digits only: the normal digit vs all the others.
      const each = AUTOENCODER_ANOMALY_EACH;
      const normal = selectDigits(data.testImages, data.testLabels, (l) => l === normalDigit, each);
      const other = selectDigits(data.testImages, data.testLabels, (l) => l !== normalDigit, each);
      report = anomalyReport(model, normal.images, other.images);
      scoredImages = new Float32Array(normal.images.length + other.images.length);
      scoredImages.set(normal.images);
      scoredImages.set(other.images, normal.images.length);
    }
    return {
      model,
      originals,
      reconstructions: model.reconstruct(originals),
      map: { ...proj, labels: test.labels },
      report,
      scoredImages,
    };
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/** A trained table autoencoder and what the lab shows of it. The caller owns and disposes `model`. */
export interface TableAutoencoderRun {
  model: TableAutoencoder;
  report: AnomalyReport;
  /** Codes of the held-out rows projected to 2-D. */
  map: CodeMap;
  /** A few held-out rows (index into `data.test`) and their reconstructions. */
  sample: { index: number; recon: number[] }[];
  epochsRun: number;
  cancelled: boolean;
  /** Seconds spent training. */
  seconds: number;
}

/** Trains a table autoencoder on the normal rows of `data` and scores the held-out rows. */
export async function trainTableAutoencoder(
  data: TableData,
  config: { bottleneck: number; epochs: number },
  options: AutoencoderRunOptions = {},
): Promise<TableAutoencoderRun> {
  const model = TableAutoencoder.create(data, config);
  try {
    const t0 = performance.now();
    const result = await model.fit(data.train.values, {
      signal: options.signal,
      onEpochEnd: options.onEpochEnd,
    });
    const seconds = (performance.now() - t0) / 1000;
    const report = tableAnomalyReport(model, data);
    const map = projectTo2d(model.encode(data.test.values));
    const normalIdx = data.test.isAnomaly.flatMap((a, i) => (a ? [] : [i]));
    const anomalyIdx = data.test.isAnomaly.flatMap((a, i) => (a ? [i] : []));
    const picked = [...normalIdx.slice(0, TABLE_SAMPLE_EACH), ...anomalyIdx.slice(0, TABLE_SAMPLE_EACH)];
    const sampleIdx = picked.length > TABLE_SAMPLE_EACH ? picked : normalIdx.slice(0, 2 * TABLE_SAMPLE_EACH);
    const recon = model.reconstruct(sampleIdx.map((i) => data.test.values[i]));
    return {
      model,
      report,
      map,
      sample: sampleIdx.map((index, k) => ({ index, recon: recon[k] })),
      epochsRun: result.epochsRun,
      cancelled: result.cancelled,
      seconds,
    };
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/** The box a code map is drawn in. */
export interface MapBounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The box around the map's points. With `robust`, the 1st to 99th percentile, padded by 10%: a few
 * far-out anomalies would otherwise squeeze every other point into a corner.
 */
export function mapBounds(points: readonly [number, number][], robust = false): MapBounds {
  const span = (values: number[]): [number, number] => {
    if (!robust) return [Math.min(...values), Math.max(...values)];
    const v = [...values].sort((a, b) => a - b);
    const lo = v[Math.floor(0.01 * (v.length - 1))];
    const hi = v[Math.ceil(0.99 * (v.length - 1))];
    const pad = (hi - lo) * 0.1 || 1;
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = span(points.map((p) => p[0]));
  const [y0, y1] = span(points.map((p) => p[1]));
  return { x0, x1, y0, y1 };
}

/** The map position under a marker at `walk` (each axis -1 … 1 across the box). */
export function walkToPoint(walk: readonly [number, number], b: MapBounds): [number, number] {
  return [b.x0 + ((walk[0] + 1) / 2) * (b.x1 - b.x0), b.y0 + ((walk[1] + 1) / 2) * (b.y1 - b.y0)];
}

/** Indices of the scores at or above `threshold`, highest first, at most `max`. */
export function flaggedAt(
  scores: readonly number[],
  threshold: number,
  max: number,
): { i: number; s: number }[] {
  return scores
    .map((s, i) => ({ s, i }))
    .filter((e) => e.s >= threshold)
    .sort((a, b) => b.s - a.s)
    .slice(0, max);
}
