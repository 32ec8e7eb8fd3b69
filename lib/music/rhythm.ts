// Rhythm measures of note lists on the 16th-note grid (4 steps per beat): how many onsets sit on a beat,
// where kicks and snares fall, and how dense each bar is. Used by the unit tests and bench/music-rhythm.
import type { Note } from './types';

/** Drum pitches counted as kicks (General MIDI 35, 36) and snares (37, 38, 40: side stick, snare, rim). */
export const KICK_PITCHES: readonly number[] = [35, 36];
export const SNARE_PITCHES: readonly number[] = [37, 38, 40];

/** Share of the given notes (all notes when no filter) whose onset is on a beat (step % 4 = 0). */
export function onBeatShare(notes: readonly Note[], stepsPerBeat = 4): number {
  if (!notes.length) return 0;
  return notes.filter((n) => n.quantizedStartStep % stepsPerBeat === 0).length / notes.length;
}

/** Distinct onset steps of the notes (a chord or a kick + hat at one step counts once). */
export function onsetSteps(notes: readonly Note[]): number[] {
  return [...new Set(notes.map((n) => n.quantizedStartStep))].sort((a, b) => a - b);
}

/** Share of kick hits on a beat, or NaN without kicks. */
export function kickOnBeatShare(notes: readonly Note[]): number {
  const kicks = notes.filter((n) => KICK_PITCHES.includes(n.pitch));
  return kicks.length ? onBeatShare(kicks) : NaN;
}

/** Share of snare hits on beats 2 and 4 of a 4/4 bar (steps 4 and 12 of 16), or NaN without snares. */
export function snareBackbeatShare(notes: readonly Note[], stepsPerBar = 16): number {
  const snares = notes.filter((n) => SNARE_PITCHES.includes(n.pitch));
  if (!snares.length) return NaN;
  const half = stepsPerBar / 4;
  return snares.filter((n) => n.quantizedStartStep % (2 * half) === half).length / snares.length;
}

/** Notes (or drum hits) per bar in each of `parts` equal parts of a clip of `totalSteps` steps. */
export function notesPerBarByPart(
  notes: readonly Note[],
  totalSteps: number,
  parts: number,
  stepsPerBar = 16,
): number[] {
  const len = totalSteps / parts;
  const barsPerPart = len / stepsPerBar;
  const counts = new Array<number>(parts).fill(0);
  for (const n of notes) {
    const p = Math.floor(n.quantizedStartStep / len);
    if (p >= 0 && p < parts) counts[p]++;
  }
  return counts.map((c) => c / barsPerPart);
}

/** Longest note in steps (0 without notes). */
export function longestNote(notes: readonly Note[]): number {
  return notes.reduce((m, n) => Math.max(m, n.quantizedEndStep - n.quantizedStartStep), 0);
}
