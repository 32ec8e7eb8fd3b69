// The form and pitch measures on hand-made melodies whose answers are known.
import { describe, expect, it } from 'vitest';

import { inKeyShare, melodyIntervals, motifRepetition, stepwiseShare } from './melody-metrics';
import type { Note } from './types';

const line = (pitches: number[], len = 2): Note[] =>
  pitches.map((pitch, i) => ({ pitch, quantizedStartStep: i * len, quantizedEndStep: (i + 1) * len }));

describe('melody metrics', () => {
  it('reads intervals of the top line, ignoring drums and lower notes of a chord', () => {
    const notes = [
      ...line([60, 62, 64]),
      { pitch: 48, quantizedStartStep: 0, quantizedEndStep: 2 },
      { pitch: 36, quantizedStartStep: 2, quantizedEndStep: 3, isDrum: true },
    ];
    expect(melodyIntervals(notes)).toEqual([2, 2]);
  });

  it('scores a repeated phrase high and a line that never returns at 0', () => {
    const phrase = [60, 62, 64, 65, 67, 65, 64, 62];
    // 15 intervals, 12 figures: the 4 that span the seam are new, the other 8 come twice.
    expect(motifRepetition(line([...phrase, ...phrase]))).toBeCloseTo(8 / 12);
    // A chromatic climb with ever-growing leaps: no 4-interval figure comes twice.
    const wander = [60];
    for (let i = 1; i < 12; i++) wander.push(wander[i - 1] + (i % 2 ? i : -i + 1));
    expect(motifRepetition(line(wander))).toBe(0);
    // The same figure a step higher counts as a repeat (intervals, not pitches).
    expect(motifRepetition(line([60, 62, 64, 62, 60, 62, 64, 66, 64, 62]))).toBeGreaterThan(0);
    expect(motifRepetition(line([60, 62, 64]))).toBe(0);
    // With rhythm: the same intervals in a different rhythm are not a repeat.
    const twice = [
      ...line(phrase, 2),
      ...line(phrase, 3).map((n) => ({
        ...n,
        quantizedStartStep: n.quantizedStartStep + 16,
        quantizedEndStep: n.quantizedEndStep + 16,
      })),
    ];
    expect(motifRepetition(twice)).toBeCloseTo(8 / 12);
    expect(motifRepetition(twice, 4, true)).toBe(0);
  });

  it('finds the key and the stepwise share', () => {
    expect(inKeyShare(line([60, 62, 64, 65, 67, 69, 71, 72]))).toBe(1);
    expect(inKeyShare(line([60, 61, 62, 63]))).toBe(0.75);
    expect(inKeyShare([])).toBe(0);
    expect(stepwiseShare(line([60, 62, 62, 67, 66]))).toBe(0.75);
  });
});
