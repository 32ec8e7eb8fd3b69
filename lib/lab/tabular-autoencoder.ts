// Autoencoder lab on a table (CSV): learn what "normal" rows look like, then flag rows the network
// rebuilds badly. Standardisation and training use only normal training rows, so nothing leaks.
import * as tf from '@tensorflow/tfjs';

import { fitZScore, splitIndices, type Normalizer, type ParsedCsv } from '../data';
import { ConfigError, InputError } from '../errors';
import { buildAutoencoder, compileModel, type Autoencoder } from '../models';
import { train, type EpochLogs, type TrainResult } from '../training';
import { anomalyReportFromScores, type AnomalyReport } from './autoencoder';

/** Which columns of the table the autoencoder uses, and which label values count as normal. */
export interface TableChoice {
  /** Numeric columns the network squeezes and rebuilds (at least one). */
  features: string[];
  /** Optional column that says what each row is (e.g. "weather"); null or absent = no label. */
  label?: string | null;
  /** Values of `label` that count as normal; every other value is an anomaly. Required with a label. */
  normal?: string[];
}

/** A built-in table: a file under /data/vega/ (see its LICENSE.md) and a ready column choice. */
export interface BuiltinTable {
  id: 'seattle';
  file: string;
  choice: Required<TableChoice>;
}

/** Seattle daily weather 2012–2015: sunny days are "normal", rain, fog, drizzle and snow are not. */
export const BUILTIN_TABLES: readonly BuiltinTable[] = Object.freeze([
  {
    id: 'seattle',
    file: 'seattle-weather.csv',
    choice: {
      features: ['precipitation', 'temp_max', 'temp_min', 'wind'],
      label: 'weather',
      normal: ['sun'],
    },
  },
] as const satisfies readonly BuiltinTable[]);

/** The fewest normal training rows the autoencoder will learn from. */
export const MIN_NORMAL_TRAIN_ROWS = 20;
/** A label column may have at most this many different values (more is an ID or a number column). */
export const MAX_LABEL_VALUES = 30;

/** Rows of the table, as numbers in original units, with what each row is. */
export interface TableRows {
  /** Feature values, one row per table row, in `features` order (original units). */
  values: number[][];
  /** The row's label value ('' without a label column). */
  labels: string[];
  /** True when the row's label is not one of the normal values. */
  isAnomaly: boolean[];
  /** Line of the row in the file (the header is line 1). */
  lines: number[];
}

/** A table made ready for the autoencoder: split, with the scaler fitted on normal training rows. */
export interface TableData {
  features: string[];
  label: string | null;
  /** Label values counted as normal (empty without a label). */
  normal: string[];
  /** Every label value with its number of complete rows, most common first. */
  labelCounts: { value: string; count: number }[];
  /** Normal rows of the training split: the only rows trained on and used for scaling. */
  train: TableRows;
  /** Held-out rows of the test split, normal and anomalous, in file order. */
  test: TableRows;
  /** Anomalous rows that fell in the training split; never shown to the network. */
  unusedAnomalies: number;
  /** Rows skipped because a chosen cell was empty. */
  skipped: number;
  /** Z-score scaler (mean and standard deviation per feature) of the normal training rows. */
  scaler: Normalizer;
}

/** Options for {@link prepareTable}. */
export interface PrepareTableOptions {
  /** Fraction of the rows held out for testing. Defaults to 0.3. */
  testRatio?: number;
  /** Seed of the split: the same seed gives the same split. Defaults to 1. */
  seed?: number;
}

function checkColumn(csv: ParsedCsv, column: string, role: string): void {
  if (!csv.columns.includes(column)) {
    throw new InputError(
      `There is no column "${column}" for the ${role}. Columns: ${csv.columns.join(', ')}.`,
    );
  }
}

function firstNonNumeric(csv: ParsedCsv, column: string): { line: number; value: string } | null {
  for (let i = 0; i < csv.rows.length; i++) {
    const v = csv.rows[i][column] ?? '';
    if (v !== '' && !Number.isFinite(Number(v))) return { line: i + 2, value: v };
  }
  return null;
}

/** Every value of a column with its number of non-empty rows, most common first (ties by name). */
export function valueCounts(csv: ParsedCsv, column: string): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of csv.rows) {
    const v = row[column] ?? '';
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * A first column choice for a new CSV: the label is the first text column with 2 to MAX_LABEL_VALUES
 * different values (none if there is no such column), the features are the numeric columns, and the
 * most common label value is normal.
 */
export function guessTableChoice(csv: ParsedCsv): Required<TableChoice> {
  const label =
    csv.columns.find((c) => {
      if (csv.numericColumns.includes(c)) return false;
      const n = valueCounts(csv, c).length;
      return n >= 2 && n <= MAX_LABEL_VALUES;
    }) ?? null;
  return {
    features: [...csv.numericColumns],
    label,
    normal: label ? [valueCounts(csv, label)[0].value] : [],
  };
}

function emptyRows(): TableRows {
  return { values: [], labels: [], isAnomaly: [], lines: [] };
}

/**
 * Picks the chosen columns of a parsed CSV, drops rows with an empty chosen cell (counted in
 * `skipped`), splits normal and anomalous rows each into train and test with a seeded shuffle (so the
 * test set keeps the file's mix), and fits the z-score scaler on the normal training rows only.
 * Throws InputError with a message a learner can act on: no or unknown feature columns, text in a
 * feature column, a label with one value or too many, no normal or no anomalous value, too few rows.
 */
export function prepareTable(
  csv: ParsedCsv,
  choice: TableChoice,
  options: PrepareTableOptions = {},
): TableData {
  const testRatio = options.testRatio ?? 0.3;
  const seed = options.seed ?? 1;
  if (!(testRatio > 0 && testRatio < 1))
    throw new ConfigError('testRatio', testRatio, 'a fraction between 0 and 1');
  if (csv.numericColumns.length === 0) {
    throw new InputError(
      `The table has no numeric column to learn from (columns: ${csv.columns.join(', ')}). An autoencoder needs numbers.`,
    );
  }
  const features = [...new Set(choice.features)];
  if (features.length === 0) {
    throw new InputError(
      `Choose at least one numeric feature column (numeric columns: ${csv.numericColumns.join(', ')}).`,
    );
  }
  for (const f of features) {
    checkColumn(csv, f, 'features');
    if (!csv.numericColumns.includes(f)) {
      const bad = firstNonNumeric(csv, f);
      throw new InputError(
        bad
          ? `Column "${f}" has a value that is not a number: "${bad.value}" on line ${bad.line}. Feature columns must hold only numbers (empty cells are fine: those rows are skipped).`
          : `Column "${f}" has no numbers in it.`,
      );
    }
  }
  const label = choice.label ?? null;
  if (label !== null) {
    checkColumn(csv, label, 'label');
    if (features.includes(label)) {
      throw new InputError(
        `Column "${label}" cannot be both a feature and the label. Untick it as a feature.`,
      );
    }
  }
  const complete: number[] = [];
  csv.rows.forEach((row, i) => {
    if (features.every((f) => (row[f] ?? '') !== '') && (label === null || (row[label] ?? '') !== ''))
      complete.push(i);
  });
  const skipped = csv.rows.length - complete.length;
  let labelCounts: { value: string; count: number }[] = [];
  let normal: string[] = [];
  if (label !== null) {
    labelCounts = valueCounts({ ...csv, rows: complete.map((i) => csv.rows[i]) }, label);
    if (labelCounts.length < 2) {
      throw new InputError(
        `Column "${label}" has only one value ("${labelCounts[0]?.value ?? ''}"), so there is nothing to call unusual. Choose a label column with at least two values, or no label.`,
      );
    }
    if (labelCounts.length > MAX_LABEL_VALUES) {
      throw new InputError(
        `Column "${label}" has ${labelCounts.length} different values; a label column may have at most ${MAX_LABEL_VALUES}. Choose another label column, or no label.`,
      );
    }
    normal = [...new Set(choice.normal ?? [])];
    const known = new Set(labelCounts.map((c) => c.value));
    const unknown = normal.filter((v) => !known.has(v));
    if (unknown.length > 0) {
      throw new InputError(
        `"${unknown[0]}" is not a value of column "${label}". Its values: ${labelCounts.map((c) => c.value).join(', ')}.`,
      );
    }
    if (normal.length === 0) {
      throw new InputError(
        `Tick at least one value of "${label}" as normal: the autoencoder learns from those rows.`,
      );
    }
    if (normal.length === labelCounts.length) {
      throw new InputError(
        `Every value of "${label}" is ticked as normal. Leave at least one unticked: those rows are the anomalies the detector is tested on.`,
      );
    }
  }
  const normalSet = new Set(normal);
  const rowIsAnomaly = (i: number) => label !== null && !normalSet.has(csv.rows[i][label]);
  const groups = [complete.filter((i) => !rowIsAnomaly(i)), complete.filter(rowIsAnomaly)];
  const trainIdx: number[] = [];
  const testIdx: number[] = [];
  let unusedAnomalies = 0;
  groups.forEach((group, g) => {
    if (group.length === 0) return;
    const split = splitIndices(group.length, { train: 1 - testRatio, validation: 0, test: testRatio, seed });
    // A loop, not push(...spread): a spread of a huge array overflows the call stack.
    if (g === 0) for (const k of split.train) trainIdx.push(group[k]);
    else unusedAnomalies = split.train.length;
    for (const k of split.test) testIdx.push(group[k]);
  });
  if (trainIdx.length < MIN_NORMAL_TRAIN_ROWS) {
    throw new InputError(
      `Only ${trainIdx.length} normal rows to train on (of ${groups[0].length} normal rows, ${Math.round(
        (1 - testRatio) * 100,
      )}% go to training); the autoencoder needs at least ${MIN_NORMAL_TRAIN_ROWS}. Use a bigger table or tick more values as normal.`,
    );
  }
  const rowsOf = (idx: number[]): TableRows => {
    const out = emptyRows();
    for (const i of [...idx].sort((a, b) => a - b)) {
      out.values.push(features.map((f) => Number(csv.rows[i][f])));
      out.labels.push(label === null ? '' : csv.rows[i][label]);
      out.isAnomaly.push(rowIsAnomaly(i));
      out.lines.push(i + 2);
    }
    return out;
  };
  const trainRows = rowsOf(trainIdx);
  const test = rowsOf(testIdx);
  if (test.values.length === 0 || test.isAnomaly.every(Boolean)) {
    throw new InputError(
      'Too few normal rows are left to test on. Use a bigger table or tick more values as normal.',
    );
  }
  if (label !== null && !test.isAnomaly.some(Boolean)) {
    throw new InputError(
      `Only ${groups[1].length} anomalous rows, and none is left for testing. Untick more values of "${label}" or use a bigger table.`,
    );
  }
  return {
    features,
    label,
    normal,
    labelCounts,
    train: trainRows,
    test,
    unusedAnomalies,
    skipped,
    // Mean and standard deviation of the normal training rows only: the test rows and the anomalies
    // must not shape the scaling (that would leak). A constant column gets divisor 1, not 0.
    scaler: fitZScore(trainRows.values),
  };
}

/** Settings of the table autoencoder. */
export interface TableAutoencoderConfig {
  /** Size of the code (1–8). With 2 the latent map shows the code itself. Defaults to 2. */
  bottleneck: number;
  /** Widths of the hidden layers before the code (mirrored after it). Defaults to [16, 8]. */
  hidden: number[];
  /** Passes over the normal training rows (1–500). Defaults to 60. */
  epochs: number;
  /** Rows per gradient step. Defaults to 32. */
  batchSize: number;
  /** Adam learning rate. Defaults to 0.01. */
  learningRate: number;
  /** Seed of the initial weights and the shuffles. Defaults to 1. */
  seed: number;
}

/** Defaults: features → 16 → 8 → 2-number code → 8 → 16 → features, Adam 0.01, 60 epochs. */
export const DEFAULT_TABLE_AUTOENCODER_CONFIG: Readonly<TableAutoencoderConfig> = Object.freeze({
  bottleneck: 2,
  hidden: [16, 8],
  epochs: 60,
  batchSize: 32,
  learningRate: 0.01,
  seed: 1,
} satisfies TableAutoencoderConfig) as Readonly<TableAutoencoderConfig>;

/** Fills defaults and checks ranges; throws ConfigError naming the field. */
export function resolveTableAutoencoderConfig(
  partial: Partial<TableAutoencoderConfig> = {},
): TableAutoencoderConfig {
  const d = DEFAULT_TABLE_AUTOENCODER_CONFIG;
  const c: TableAutoencoderConfig = {
    bottleneck: partial.bottleneck ?? d.bottleneck,
    hidden: [...(partial.hidden ?? d.hidden)],
    epochs: partial.epochs ?? d.epochs,
    batchSize: partial.batchSize ?? d.batchSize,
    learningRate: partial.learningRate ?? d.learningRate,
    seed: partial.seed ?? d.seed,
  };
  const int = (field: keyof TableAutoencoderConfig, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new ConfigError(field, v, `an integer from ${lo} to ${hi}`);
  };
  int('bottleneck', c.bottleneck, 1, 8);
  int('epochs', c.epochs, 1, 500);
  int('batchSize', c.batchSize, 1, 1024);
  if (c.hidden.some((h) => !Number.isInteger(h) || h < 1 || h > 256))
    throw new ConfigError('hidden', c.hidden, 'integers from 1 to 256');
  if (!(c.learningRate > 0 && c.learningRate <= 1))
    throw new ConfigError('learningRate', c.learningRate, 'a number above 0 and at most 1');
  if (!Number.isFinite(c.seed)) throw new ConfigError('seed', c.seed, 'a finite number');
  return c;
}

/**
 * A dense autoencoder for table rows. It works in original units: rows go in as the table's numbers,
 * are standardised with the scaler of the normal training rows, and reconstructions and decoded codes
 * come back in the table's units. Call `dispose()` when done.
 */
export class TableAutoencoder {
  private constructor(
    readonly config: TableAutoencoderConfig,
    readonly features: readonly string[],
    private readonly scaler: Normalizer,
    private readonly parts: Autoencoder,
  ) {}

  /** Builds and compiles an untrained autoencoder for `data`'s features (MSE loss, Adam). */
  static create(data: Pick<TableData, 'features' | 'scaler'>, config: Partial<TableAutoencoderConfig> = {}) {
    const c = resolveTableAutoencoderConfig(config);
    const parts = buildAutoencoder({
      kind: 'dense',
      inputShape: [data.features.length],
      hidden: c.hidden,
      bottleneck: c.bottleneck,
      // Standardised features are unbounded on both sides, so the output is linear.
      outputActivation: 'linear',
      seed: c.seed,
    });
    compileModel(parts.autoencoder, {
      optimizer: { name: 'adam', learningRate: c.learningRate },
      loss: 'meanSquaredError',
    });
    return new TableAutoencoder(c, data.features, data.scaler, parts);
  }

  private standardised(rows: number[][]): tf.Tensor2D {
    if (rows.length === 0) throw new InputError('No rows given.');
    if (rows.some((r) => r.length !== this.features.length)) {
      throw new InputError(`Each row needs ${this.features.length} numbers (${this.features.join(', ')}).`);
    }
    return tf.tensor2d(this.scaler.transform(rows));
  }

  /** Trains the network to rebuild `rows` (normal rows in original units, e.g. `data.train.values`). */
  async fit(
    rows: number[][],
    options: {
      signal?: AbortSignal;
      onEpochEnd?: (epoch: number, logs: EpochLogs) => void | Promise<void>;
    } = {},
  ): Promise<TrainResult> {
    const x = this.standardised(rows);
    try {
      return await train(
        this.parts.autoencoder,
        { x, y: x },
        {
          epochs: this.config.epochs,
          batchSize: this.config.batchSize,
          seed: this.config.seed,
          signal: options.signal,
          onEpochEnd: options.onEpochEnd,
          accuracy: 'none',
          // Batches of a few features are tiny: yielding after each one would make the frame rate
          // the bottleneck, so the page gets a frame every few batches instead.
          yieldEvery: 4,
        },
      );
    } finally {
      x.dispose();
    }
  }

  /** Mean squared reconstruction error of each row over its standardised features. */
  reconstructionErrors(rows: number[][]): number[] {
    const out = tf.tidy(() => {
      const x = this.standardised(rows);
      return tf
        .sub(x, this.parts.autoencoder.predict(x) as tf.Tensor)
        .square()
        .mean(1);
    });
    const errs = Array.from(out.dataSync());
    out.dispose();
    return errs;
  }

  /** Reconstructions of `rows`, in original units. */
  reconstruct(rows: number[][]): number[][] {
    const out = tf.tidy(() => this.parts.autoencoder.predict(this.standardised(rows)) as tf.Tensor2D);
    const std = out.arraySync();
    out.dispose();
    return this.scaler.inverse(std);
  }

  /** Codes of `rows`, one row of `bottleneck` numbers each. */
  encode(rows: number[][]): number[][] {
    const out = tf.tidy(() => this.parts.encoder.predict(this.standardised(rows)) as tf.Tensor2D);
    const codes = out.arraySync();
    out.dispose();
    return codes;
  }

  /** Decodes codes into rows of feature values, in original units. */
  decode(codes: number[][]): number[][] {
    if (codes.length === 0 || codes.some((c) => c.length !== this.config.bottleneck))
      throw new ConfigError('codes', codes.length, `one or more rows of ${this.config.bottleneck} numbers`);
    const out = tf.tidy(() => this.parts.decoder.predict(tf.tensor2d(codes)) as tf.Tensor2D);
    const std = out.arraySync();
    out.dispose();
    return this.scaler.inverse(std);
  }

  /** Frees every weight. Safe to call twice. */
  dispose(): void {
    this.parts.dispose();
  }
}

/** Scores the held-out rows of `data` by reconstruction error and measures how well it finds anomalies. */
export function tableAnomalyReport(model: TableAutoencoder, data: TableData): AnomalyReport {
  return anomalyReportFromScores(model.reconstructionErrors(data.test.values), data.test.isAnomaly);
}
