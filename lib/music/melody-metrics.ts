// Measures of melodic form and pitch choice (motif repetition, in-key share, stepwise share), used by
// bench/music-form.eval.ts to compare generated melodies with real Nottingham tunes and random notes.
import { SCALES } from './music-constants';
import { makeMonophonic } from './sequences';
import type { Note } from './types';

/** Length of the figures {@link motifRepetition} looks for, in intervals (5 notes). */
export const MOTIF_INTERVALS = 4;

/** The melody line (highest note of each onset, drums ignored), in time order. */
export function melodyLine(notes: readonly Note[]): Note[] {
  return makeMonophonic(notes.filter((n) => !n.isDrum));
}

/** Semitone steps between consecutive notes of the melody line. */
export function melodyIntervals(notes: readonly Note[]): number[] {
  const line = melodyLine(notes);
  return line.slice(1).map((n, i) => n.pitch - line[i].pitch);
}

/**
 * Share of notes that belong to the best-fitting major key (a natural-minor key has the same seven
 * pitch classes as its relative major, so this is "one major or minor key"). 0 for no notes.
 */
export function inKeyShare(notes: readonly Note[]): number {
  const line = melodyLine(notes);
  if (!line.length) return 0;
  const counts = new Array<number>(12).fill(0);
  for (const n of line) counts[((n.pitch % 12) + 12) % 12]++;
  let best = 0;
  for (let tonic = 0; tonic < 12; tonic++) {
    const inKey = SCALES.major.reduce<number>((s, i) => s + counts[(tonic + i) % 12], 0);
    best = Math.max(best, inKey);
  }
  return best / line.length;
}

/** Share of intervals of at most `maxStep` semitones (2 by default: repeats, half and whole steps). */
export function stepwiseShare(notes: readonly Note[], maxStep = 2): number {
  const iv = melodyIntervals(notes);
  return iv.length ? iv.filter((d) => Math.abs(d) <= maxStep).length / iv.length : 0;
}

/**
 * Motif repetition: of all figures of `length` consecutive intervals (transposition-free, so a
 * figure played a step higher still counts), the share whose interval pattern occurs again
 * somewhere else in the same melody. A tune that states a phrase and returns to it scores high;
 * a line that never comes back scores near 0. 0 when the melody has fewer than `length` intervals.
 * `withRhythm` also requires the same onset gaps (a stricter measure).
 */
export function motifRepetition(
  notes: readonly Note[],
  length = MOTIF_INTERVALS,
  withRhythm = false,
): number {
  const line = melodyLine(notes);
  const iv = line.slice(1).map((n, i) => n.pitch - line[i].pitch);
  // With rhythm, a figure is also its onset gaps (in steps): the same intervals in another rhythm differ.
  const gaps = line.slice(1).map((n, i) => n.quantizedStartStep - line[i].quantizedStartStep);
  const figures: string[] = [];
  for (let i = 0; i + length <= iv.length; i++)
    figures.push(
      iv.slice(i, i + length).join(',') + (withRhythm ? `|${gaps.slice(i, i + length).join(',')}` : ''),
    );
  if (!figures.length) return 0;
  const counts = new Map<string, number>();
  for (const f of figures) counts.set(f, (counts.get(f) ?? 0) + 1);
  return figures.filter((f) => (counts.get(f) ?? 0) > 1).length / figures.length;
}

/** All three measures of one melody. */
export interface MelodyMetrics {
  motifRepetition: number;
  /** Motif repetition counting a figure as the same only with the same rhythm too. */
  rhythmicMotifRepetition: number;
  inKey: number;
  stepwise: number;
  notes: number;
}

/** Measures one melody. */
export function measureMelody(notes: readonly Note[]): MelodyMetrics {
  return {
    motifRepetition: motifRepetition(notes),
    rhythmicMotifRepetition: motifRepetition(notes, MOTIF_INTERVALS, true),
    inKey: inKeyShare(notes),
    stepwise: stepwiseShare(notes),
    notes: melodyLine(notes).length,
  };
}
