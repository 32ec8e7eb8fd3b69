// Autoencoder lab: train a dense or convolutional autoencoder on 28×28 digits, reconstruct, map the
// code space in 2-D, decode points of it, and use reconstruction error to flag anomalies (the anomaly
// report here is shared with the table autoencoder).
import * as tf from '@tensorflow/tfjs';

import { ConfigError, InputError } from '../errors';
import { buildAutoencoder, compileModel, type Autoencoder } from '../models';
import {
  auc,
  precisionRecallAt,
  rocCurve,
  train,
  type EpochLogs,
  type PrecisionRecall,
  type RocCurve,
  type TrainResult,
} from '../training';

/** Pixels per digit image. */
export const DIGIT_PIXELS = 784;

/** Settings for the digits autoencoder. */
export interface AutoencoderLabConfig {
  kind: 'dense' | 'conv';
  /** Size of the code (the bottleneck). 2 gives a latent map without projection. */
  bottleneck: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** Defaults: a dense 784-128-32-code autoencoder with a 2-number code, Adam 0.003. */
export const DEFAULT_AUTOENCODER_CONFIG: Readonly<AutoencoderLabConfig> = Object.freeze({
  kind: 'dense',
  bottleneck: 2,
  epochs: 10,
  batchSize: 64,
  learningRate: 0.003,
  seed: 1,
} satisfies AutoencoderLabConfig) as Readonly<AutoencoderLabConfig>;

/** Hidden sizes per kind: dense layer widths, or conv filters per block (each halves 28 → 14 → 7). */
const HIDDEN = { dense: [128, 32], conv: [8, 16] } as const;

function checkConfig(c: AutoencoderLabConfig): void {
  if (c.kind !== 'dense' && c.kind !== 'conv') throw new ConfigError('kind', c.kind, "'dense' or 'conv'");
  if (!Number.isInteger(c.bottleneck) || c.bottleneck < 1 || c.bottleneck > 64)
    throw new ConfigError('bottleneck', c.bottleneck, 'an integer from 1 to 64');
  if (!Number.isInteger(c.epochs) || c.epochs < 1 || c.epochs > 200)
    throw new ConfigError('epochs', c.epochs, 'an integer from 1 to 200');
}

function toTensor(images: Float32Array, kind: 'dense' | 'conv'): tf.Tensor {
  if (images.length % DIGIT_PIXELS !== 0) {
    throw new InputError(`Got ${images.length} pixel values, which is not a whole number of 28×28 images.`);
  }
  const n = images.length / DIGIT_PIXELS;
  return kind === 'dense' ? tf.tensor2d(images, [n, DIGIT_PIXELS]) : tf.tensor4d(images, [n, 28, 28, 1]);
}

/** A trained autoencoder with the helpers the lab needs. Call `dispose()` when done. */
export class DigitAutoencoder {
  private constructor(
    readonly config: AutoencoderLabConfig,
    private readonly parts: Autoencoder,
  ) {}

  /** Builds and compiles an untrained autoencoder (MSE loss, Adam). */
  static create(config: Partial<AutoencoderLabConfig> = {}): DigitAutoencoder {
    const c = { ...DEFAULT_AUTOENCODER_CONFIG, ...config };
    checkConfig(c);
    const parts = buildAutoencoder({
      kind: c.kind,
      inputShape: c.kind === 'dense' ? [DIGIT_PIXELS] : [28, 28, 1],
      hidden: [...HIDDEN[c.kind]],
      bottleneck: c.bottleneck,
      outputActivation: 'sigmoid',
      seed: c.seed,
    });
    compileModel(parts.autoencoder, {
      optimizer: { name: 'adam', learningRate: c.learningRate },
      loss: 'meanSquaredError',
    });
    return new DigitAutoencoder(c, parts);
  }

  /** Trains the autoencoder to reproduce `images` (pixels 0–1, N×784). */
  async fit(
    images: Float32Array,
    options: {
      signal?: AbortSignal;
      onEpochEnd?: (epoch: number, logs: EpochLogs) => void | Promise<void>;
      validation?: Float32Array;
    } = {},
  ): Promise<TrainResult> {
    const x = toTensor(images, this.config.kind);
    const v = options.validation ? toTensor(options.validation, this.config.kind) : null;
    try {
      return await train(
        this.parts.autoencoder,
        { x, y: x, ...(v ? { validation: { x: v, y: v } } : {}) },
        {
          epochs: this.config.epochs,
          batchSize: this.config.batchSize,
          seed: this.config.seed,
          signal: options.signal,
          onEpochEnd: options.onEpochEnd,
          accuracy: 'none',
        },
      );
    } finally {
      x.dispose();
      v?.dispose();
    }
  }

  /** Reconstructions of `images`, N×784 in 0–1. */
  reconstruct(images: Float32Array): Float32Array {
    const out = tf.tidy(() =>
      (this.parts.autoencoder.predict(toTensor(images, this.config.kind)) as tf.Tensor).reshape([-1]),
    );
    const data = out.dataSync() as Float32Array;
    out.dispose();
    return data;
  }

  /** Mean squared reconstruction error of each image. */
  reconstructionErrors(images: Float32Array): number[] {
    const out = tf.tidy(() => {
      const x = toTensor(images, this.config.kind);
      const r = this.parts.autoencoder.predict(x) as tf.Tensor;
      return tf.sub(x, r).square().reshape([-1, DIGIT_PIXELS]).mean(1);
    });
    const errs = Array.from(out.dataSync());
    out.dispose();
    return errs;
  }

  /** Codes of `images`, one row of `bottleneck` numbers each. */
  encode(images: Float32Array): number[][] {
    const out = tf.tidy(() => this.parts.encoder.predict(toTensor(images, this.config.kind)) as tf.Tensor2D);
    const rows = out.arraySync();
    out.dispose();
    return rows;
  }

  /** Decodes codes into images, N×784 in 0–1. */
  decode(codes: number[][]): Float32Array {
    if (codes.some((c) => c.length !== this.config.bottleneck))
      throw new ConfigError('codes', codes.length, `rows of ${this.config.bottleneck} numbers`);
    const out = tf.tidy(() => (this.parts.decoder.predict(tf.tensor2d(codes)) as tf.Tensor).reshape([-1]));
    const data = out.dataSync() as Float32Array;
    out.dispose();
    return data;
  }

  /** Frees every weight. Safe to call twice. */
  dispose(): void {
    this.parts.dispose();
  }
}

/**
 * Projects rows to 2-D with PCA (the two directions of greatest variance), so a code of any size can be
 * drawn on a map. Rows of 2 numbers are returned as they are, so the map then shows the real code space.
 * Returns the points and the projection so a map position can be turned back into a code.
 */
export function projectTo2d(rows: number[][]): {
  points: [number, number][];
  toCode: (p: [number, number]) => number[];
} {
  const d = rows[0]?.length ?? 0;
  if (d === 2) return { points: rows.map((r) => [r[0], r[1]]), toCode: (p) => [p[0], p[1]] };
  const n = rows.length;
  const mean = new Array(d).fill(0);
  for (const r of rows) r.forEach((v, j) => (mean[j] += v / n));
  const centred = rows.map((r) => r.map((v, j) => v - mean[j]));
  const cov = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => centred.reduce((s, r) => s + r[i] * r[j], 0) / Math.max(1, n - 1)),
  );
  const comps: number[][] = [];
  for (let k = 0; k < Math.min(2, d); k++) {
    // Power iteration with deflation: fine for the small code sizes here (≤ 64).
    // Gram–Schmidt against the components already found, so each new one is orthogonal to them.
    const orth = (w: number[]) => {
      let out = w;
      for (const c of comps) {
        const dot = out.reduce((s, x, j) => s + x * c[j], 0);
        out = out.map((x, j) => x - dot * c[j]);
      }
      return out;
    };
    const unit = (w: number[]) => {
      const norm = Math.hypot(...w);
      return norm > 1e-12 ? w.map((x) => x / norm) : null;
    };
    let v =
      unit(orth(Array.from({ length: d }, (_, i) => (i === k ? 1 : 0.5 / (i + 1))))) ?? new Array(d).fill(0);
    for (let it = 0; it < 200; it++) {
      // No variance left in any new direction: keep v (already orthogonal) as the component.
      const w = unit(orth(cov.map((row) => row.reduce((s, c, j) => s + c * v[j], 0))));
      if (!w) break;
      v = w;
    }
    comps.push(v);
  }
  while (comps.length < 2) comps.push(new Array(d).fill(0));
  const points = centred.map(
    (r) =>
      [comps[0].reduce((s, c, j) => s + c * r[j], 0), comps[1].reduce((s, c, j) => s + c * r[j], 0)] as [
        number,
        number,
      ],
  );
  return { points, toCode: (p) => mean.map((m, j) => m + p[0] * comps[0][j] + p[1] * comps[1][j]) };
}

/**
 * Error histogram of an anomaly report, counted per group. Bins are equal on a linear axis, or on a
 * logarithmic one when the errors span more than LOG_HISTOGRAM_RATIO (a few huge errors would
 * otherwise squash every other example into the first bin).
 */
export interface ErrorHistogram {
  scale: 'linear' | 'log';
  /** Bin edges, ascending, one more than bins: bin k covers [edges[k], edges[k + 1]). */
  edges: number[];
  /** Smallest and largest score. */
  min: number;
  max: number;
  /** Counts of normal examples per bin. */
  normal: number[];
  /** Counts of anomalous examples per bin. */
  anomalous: number[];
}

/** Largest max/min error ratio still binned on a linear axis. */
export const LOG_HISTOGRAM_RATIO = 100;

function errorHistogram(scores: number[], labels: number[], bins: number): ErrorHistogram {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const scale = min > 0 && max / min > LOG_HISTOGRAM_RATIO ? 'log' : 'linear';
  // Position of a score along the axis, 0 at min and 1 at max; all-equal scores sit at 0.
  const pos =
    scale === 'log'
      ? (s: number) => Math.log(s / min) / Math.log(max / min)
      : (s: number) => (max > min ? (s - min) / (max - min) : 0);
  const edges = Array.from({ length: bins + 1 }, (_, k) =>
    scale === 'log' ? min * (max / min) ** (k / bins) : min + ((max > min ? max - min : 1) * k) / bins,
  );
  const counts = [new Array<number>(bins).fill(0), new Array<number>(bins).fill(0)];
  // + 1e-9: a score on an edge lands in the bin that starts there, despite rounding in the logarithms.
  scores.forEach((s, i) => counts[labels[i]][Math.min(bins - 1, Math.floor(pos(s) * bins + 1e-9))]++);
  return { scale, edges, min, max, normal: counts[0], anomalous: counts[1] };
}

/** Anomaly scores and how well they separate normal from anomalous examples. */
export interface AnomalyReport {
  /** Reconstruction error per example (higher = more unusual). */
  scores: number[];
  /** 1 for anomalous, 0 for normal. */
  labels: number[];
  histogram: ErrorHistogram;
  /** ROC curve, or null when the examples are all of one kind (nothing to rank against). */
  roc: RocCurve | null;
  /** Area under the ROC curve (0.5 = chance, 1 = perfect), or null like `roc`. */
  auc: number | null;
  /** Starting threshold: the median score. */
  threshold: number;
  /** Precision, recall and confusion counts at `threshold`. */
  pr: PrecisionRecall;
}

/** Number of histogram bins in an anomaly report. */
export const ANOMALY_HISTOGRAM_BINS = 30;

/**
 * Builds the anomaly report shared by the digits and the table autoencoders from plain scores:
 * the error histogram of normal vs anomalous examples, the ROC curve and its AUC, and precision and
 * recall at the median score. `isAnomaly[i]` says whether example i really is anomalous.
 */
export function anomalyReportFromScores(
  scores: number[],
  isAnomaly: readonly (boolean | number)[],
  bins = ANOMALY_HISTOGRAM_BINS,
): AnomalyReport {
  if (scores.length === 0 || scores.length !== isAnomaly.length) {
    throw new InputError(
      `An anomaly report needs one label per score and at least one score (got ${scores.length} scores and ${isAnomaly.length} labels).`,
    );
  }
  if (scores.some((s) => !Number.isFinite(s))) {
    throw new InputError('Some reconstruction errors are not finite numbers: the model has diverged.');
  }
  const labels = isAnomaly.map((a) => (a === true || a === 1 ? 1 : 0));
  const both = labels.includes(0) && labels.includes(1);
  const sorted = [...scores].sort((a, b) => a - b);
  const threshold = sorted[Math.floor(sorted.length / 2)];
  return {
    scores,
    labels,
    histogram: errorHistogram(scores, labels, bins),
    roc: both ? rocCurve(scores, labels) : null,
    auc: both ? auc(scores, labels) : null,
    threshold,
    pr: precisionRecallAt(scores, labels, threshold),
  };
}

/** Scores normal and anomalous digit images by reconstruction error (higher = more unusual). */
export function anomalyReport(
  model: DigitAutoencoder,
  normal: Float32Array,
  anomalous: Float32Array,
): AnomalyReport {
  const scores = [...model.reconstructionErrors(normal), ...model.reconstructionErrors(anomalous)];
  const isAnomaly = [
    ...new Array<number>(normal.length / DIGIT_PIXELS).fill(0),
    ...new Array<number>(anomalous.length / DIGIT_PIXELS).fill(1),
  ];
  return anomalyReportFromScores(scores, isAnomaly);
}

/** Precision and recall when every score ≥ threshold is flagged as anomalous. */
export function flagAt(report: AnomalyReport, threshold: number): PrecisionRecall {
  return precisionRecallAt(report.scores, report.labels, threshold);
}

/** Picks the rows of `images` (N×784) whose label passes `keep`, up to `max`. */
export function selectDigits(
  images: Float32Array,
  labels: ArrayLike<number>,
  keep: (label: number) => boolean,
  max = Infinity,
): { images: Float32Array; labels: number[] } {
  const idx: number[] = [];
  for (let i = 0; i < labels.length && idx.length < max; i++) if (keep(labels[i])) idx.push(i);
  const out = new Float32Array(idx.length * DIGIT_PIXELS);
  idx.forEach((src, k) =>
    out.set(images.subarray(src * DIGIT_PIXELS, (src + 1) * DIGIT_PIXELS), k * DIGIT_PIXELS),
  );
  return { images: out, labels: idx.map((i) => labels[i]) };
}
