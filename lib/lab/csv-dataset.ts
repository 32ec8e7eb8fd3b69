// Turns a user's CSV into a Playground dataset: two numeric input columns and a label/target column.
import { InputError } from '../errors';
import type { ParsedCsv } from '../data';
import { MAX_CSV_CLASSES, MIN_CSV_ROWS } from './constants';
import { splitPoints } from './datasets';
import type { LabDataset, Point2D, ProblemKind } from './types';

/** Which columns of the CSV the Playground uses. */
export interface CsvColumnChoice {
  /** Numeric column plotted horizontally. */
  x1: string;
  /** Numeric column plotted vertically. */
  x2: string;
  /** Class label (any text or small integers) or numeric regression target. */
  label: string;
  /** 'auto' (default) guesses: text or ≤ 8 distinct whole numbers → classification, else regression. */
  problem?: ProblemKind | 'auto';
}

/** A dataset made from a CSV, with what was done to it so the UI can explain. */
export interface CsvDataset extends LabDataset {
  /** Rows skipped because a chosen cell was empty. */
  dropped: number;
  /** Original [min, max] of each input, which were rescaled to [-5, 5]. */
  ranges: { x1: [number, number]; x2: [number, number]; target?: [number, number] };
}

/** Inputs are scaled to [-INPUT_SPAN, INPUT_SPAN], a little inside the plotted [-6, 6] square. */
const INPUT_SPAN = 5;

function scaler(values: number[]): { range: [number, number]; to: (v: number) => number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const mid = (lo + hi) / 2;
  // A constant column maps to 0 rather than dividing by zero.
  const half = hi > lo ? (hi - lo) / 2 : 1;
  return { range: [lo, hi], to: (v) => (v - mid) / half };
}

/** Guesses the problem kind from a label column's values. */
export function guessProblem(csv: ParsedCsv, label: string): ProblemKind {
  if (!csv.numericColumns.includes(label)) return 'classification';
  const distinct = new Set<string>();
  for (const row of csv.rows) {
    const v = row[label] ?? '';
    if (v === '') continue;
    if (!Number.isInteger(Number(v))) return 'regression';
    distinct.add(v);
    if (distinct.size > MAX_CSV_CLASSES) return 'regression';
  }
  return 'classification';
}

/**
 * Builds a Playground dataset from parsed CSV. Inputs are rescaled to [-5, 5] (min–max), regression
 * targets to [-1, 1]; rows with an empty chosen cell are dropped and counted. Throws InputError with a
 * message a learner can act on: unknown or text columns, the same column twice, too few rows, one class
 * only or too many classes.
 */
export function csvToDataset(
  csv: ParsedCsv,
  choice: CsvColumnChoice,
  options: { trainRatio?: number; seed?: number } = {},
): CsvDataset {
  const { x1, x2, label } = choice;
  for (const [role, col] of [
    ['x₁', x1],
    ['x₂', x2],
    ['label', label],
  ] as const) {
    if (!csv.columns.includes(col))
      throw new InputError(`There is no column "${col}" for ${role}. Columns: ${csv.columns.join(', ')}.`);
  }
  for (const [role, col] of [
    ['x₁', x1],
    ['x₂', x2],
  ] as const) {
    if (!csv.numericColumns.includes(col))
      throw new InputError(`Column "${col}" (${role}) must hold only numbers.`);
  }
  if (new Set([x1, x2, label]).size < 3) {
    throw new InputError('Choose three different columns: two inputs (x₁, x₂) and one label or target.');
  }
  const problem = !choice.problem || choice.problem === 'auto' ? guessProblem(csv, label) : choice.problem;
  if (problem === 'regression' && !csv.numericColumns.includes(label)) {
    throw new InputError(
      `Column "${label}" holds text, so it can only be a class label, not a number to predict.`,
    );
  }
  const rows = csv.rows.filter((r) => r[x1] !== '' && r[x2] !== '' && (r[label] ?? '') !== '');
  const dropped = csv.rows.length - rows.length;
  if (rows.length < MIN_CSV_ROWS) {
    throw new InputError(`Only ${rows.length} complete rows: the Playground needs at least ${MIN_CSV_ROWS}.`);
  }
  const a = rows.map((r) => Number(r[x1]));
  const b = rows.map((r) => Number(r[x2]));
  const sa = scaler(a);
  const sb = scaler(b);
  let labels: number[];
  let classNames: string[] = [];
  let target: [number, number] | undefined;
  if (problem === 'classification') {
    const raw = rows.map((r) => r[label]);
    const names = [...new Set(raw)];
    const numeric = names.every((n) => Number.isFinite(Number(n)));
    names.sort(numeric ? (p, q) => Number(p) - Number(q) : (p, q) => p.localeCompare(q));
    if (names.length < 2)
      throw new InputError(
        `Column "${label}" has only one class ("${names[0]}"): a classifier needs at least two.`,
      );
    if (names.length > MAX_CSV_CLASSES) {
      throw new InputError(
        `Column "${label}" has ${names.length} different values; the Playground can show at most ${MAX_CSV_CLASSES} classes. Pick a column with fewer classes, or treat it as a number to predict.`,
      );
    }
    classNames = names;
    labels = raw.map((v) => names.indexOf(v));
  } else {
    const t = scaler(rows.map((r) => Number(r[label])));
    target = t.range;
    labels = rows.map((r) => t.to(Number(r[label])));
  }
  const points: Point2D[] = rows.map((_, i) => ({
    x1: sa.to(a[i]) * INPUT_SPAN,
    x2: sb.to(b[i]) * INPUT_SPAN,
    label: labels[i],
  }));
  const { train, test } = splitPoints(points, options.trainRatio ?? 0.5, options.seed ?? 1);
  return {
    problem,
    numClasses: problem === 'classification' ? classNames.length : 1,
    classNames,
    train,
    test,
    dropped,
    ranges: { x1: sa.range, x2: sb.range, ...(target ? { target } : {}) },
  };
}
