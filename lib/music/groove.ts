// GrooVAE: humanise a quantised drum clip (Groove) and turn any rhythm into a full beat (Drumify), two bars
// at a time, with a Magenta MusicVAE that uses a GrooveConverter (passed in, so browser and Node both work).
import type { Tensor2D, Tensor3D } from '@tensorflow/tfjs';

import { ConfigError, InputError } from '../errors';
import { DRUM_PITCH_CLASSES, LIMITS, STEPS_PER_BAR, STEPS_PER_QUARTER } from './music-constants';
import { secondsPerStep } from './sequences';
import type { Note } from './types';

/** A GrooVAE reads and writes exactly two bars of sixteenth notes. */
export const GROOVE_STEPS = 2 * STEPS_PER_BAR;

/** Micro-timing offsets stay inside [-0.5, 0.5) of a step; this is the largest value we write. */
const MAX_OFFSET = 0.4999;

/** One note of Magenta's groove NoteSequence: its grid step and when it is really played. */
export interface GrooveNote {
  pitch: number;
  quantizedStartStep: number;
  quantizedEndStep: number;
  /** Played time in seconds; Magenta reads the offset as (grid time − startTime). */
  startTime: number;
  endTime: number;
  velocity: number;
  isDrum: true;
}

/** The quantized-and-timed NoteSequence a GrooveConverter reads (two bars). */
export interface GrooveSequence {
  notes: GrooveNote[];
  totalQuantizedSteps: number;
  totalTime: number;
  quantizationInfo: { stepsPerQuarter: number };
  tempos: { time: number; qpm: number }[];
}

/** What we need of Magenta's MusicVAE (loaded from a folder whose config uses a GrooveConverter). */
export interface GrooveModel {
  encode(inputs: GrooveSequence[]): Promise<Tensor2D>;
  decode(
    z: Tensor2D,
    temperature?: number,
    controlArgs?: undefined,
    stepsPerQuarter?: number,
    qpm?: number,
  ): Promise<{ notes?: unknown[] | null }[]>;
  /**
   * The decoder's raw output, [1, steps, 3 × drum classes]: hits, velocities (0–1) and offsets (in half
   * steps, positive = early) of every class at every step. Groove reads velocity and timing from it.
   */
  decodeTensors(z: Tensor2D, temperature?: number): Promise<Tensor3D>;
}

/** Options of {@link grooveClip} and {@link drumifyClip}. */
export interface GrooveOptions {
  /**
   * 0 (the default) decodes the model's likeliest output; higher values (up to 2) sample the hits as it
   * decodes, so each run differs. Groove still plays exactly the input hits; Drumify plays the sampled
   * ones. Velocities and timing are always the model's own values.
   */
  temperature?: number;
  /** Stops between two-bar chunks; the promise then rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Called after each two-bar chunk with (chunks done, chunks in all). */
  onProgress?: (done: number, total: number) => void;
}

/** A clip's music as the groove functions need it. */
export interface GrooveInput {
  notes: readonly Note[];
  totalQuantizedSteps: number;
  /** Tempo in quarter notes per minute (the played times depend on it). */
  qpm: number;
}

/** The result: a new clip's notes (with velocities and offsets) over the same length as the input. */
export interface GrooveResult {
  notes: Note[];
  totalQuantizedSteps: number;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/**
 * Our notes (two bars, steps 0–31) as Magenta's groove input: each note keeps its grid step, and its offset
 * (fraction of a step, positive = late) becomes the played `startTime`. Offsets are kept a hair inside ±0.5
 * so the note stays on its own step.
 */
export function toGrooveSequence(notes: readonly Note[], qpm: number): GrooveSequence {
  const sps = secondsPerStep(qpm);
  return {
    notes: notes
      .filter((n) => n.quantizedStartStep >= 0 && n.quantizedStartStep < GROOVE_STEPS)
      .map((n) => {
        const s = n.quantizedStartStep;
        const startTime = (s + clamp(n.offset ?? 0, -MAX_OFFSET, MAX_OFFSET)) * sps;
        return {
          pitch: n.pitch,
          quantizedStartStep: s,
          quantizedEndStep: s + 1,
          startTime,
          endTime: startTime + sps,
          velocity: clamp(Math.round(n.velocity ?? 100), 1, 127),
          isDrum: true,
        };
      }),
    totalQuantizedSteps: GROOVE_STEPS,
    totalTime: GROOVE_STEPS * sps,
    quantizationInfo: { stepsPerQuarter: STEPS_PER_QUARTER },
    tempos: [{ time: 0, qpm }],
  };
}

/**
 * Magenta's decoded groove notes (unquantized: startTime = (step − offset / 2) × step length) back into
 * our notes: the nearest grid step inside [0, steps) and the offset from it in [−0.5, 0.5). Notes played at
 * or after `steps` (when only part of the two bars is wanted) are dropped.
 */
export function fromGrooveNotes(
  raw: readonly unknown[] | null | undefined,
  qpm: number,
  steps = GROOVE_STEPS,
): Note[] {
  const sps = secondsPerStep(qpm);
  const out: Note[] = [];
  for (const r of raw ?? []) {
    const n = r as { pitch?: number; startTime?: number; velocity?: number };
    if (typeof n.pitch !== 'number' || typeof n.startTime !== 'number') continue;
    const at = n.startTime / sps;
    // Notes past the end are dropped; one played a little late on the last step stays on it.
    if (at >= steps) continue;
    const step = clamp(Math.floor(at + 0.5), 0, steps - 1);
    const offset = clamp(Math.round((at - step) * 1e4) / 1e4, -0.5, MAX_OFFSET);
    out.push({
      pitch: n.pitch,
      quantizedStartStep: step,
      quantizedEndStep: step + 1,
      // The model may write velocity 0 (a ghost note); MIDI reads 0 as note-off, so it becomes 1.
      velocity: clamp(Math.round(typeof n.velocity === 'number' ? n.velocity : 100), 1, 127),
      offset,
      isDrum: true,
    });
  }
  return out.sort((a, b) => a.quantizedStartStep - b.quantizedStartStep || a.pitch - b.pitch);
}

function abortError(): Error {
  const e = new Error('Cancelled.');
  e.name = 'AbortError';
  return e;
}

function checkInput(clip: GrooveInput, name: string, temperature: number): void {
  const [tMin, tMax] = LIMITS.temperature;
  if (!(temperature >= tMin && temperature <= tMax))
    throw new ConfigError('temperature', temperature, `${tMin}–${tMax}`);
  if (!(clip.qpm > 0)) throw new ConfigError('qpm', clip.qpm, 'a tempo above 0');
  if (!Number.isInteger(clip.totalQuantizedSteps) || clip.totalQuantizedSteps < 1)
    throw new ConfigError('totalQuantizedSteps', clip.totalQuantizedSteps, 'a whole number of steps ≥ 1');
  if (!clip.notes.some((n) => n.quantizedStartStep >= 0 && n.quantizedStartStep < clip.totalQuantizedSteps))
    throw new InputError(`${name} has no notes to play with.`, name);
}

/** Runs the model on each two-bar chunk that has notes; empty chunks stay silent. */
async function runChunks(
  vae: GrooveModel,
  notes: readonly Note[],
  clip: GrooveInput,
  o: GrooveOptions,
  keepHits: boolean,
): Promise<GrooveResult> {
  const total = clip.totalQuantizedSteps;
  const chunks = Math.ceil(total / GROOVE_STEPS);
  const temperature = o.temperature ?? 0;
  const out: Note[] = [];
  for (let k = 0; k < chunks; k++) {
    if (o.signal?.aborted) throw abortError();
    const from = k * GROOVE_STEPS;
    const steps = Math.min(GROOVE_STEPS, total - from);
    const local = notes
      .filter((n) => n.quantizedStartStep >= from && n.quantizedStartStep < from + steps)
      .map((n) => ({ ...n, quantizedStartStep: n.quantizedStartStep - from }));
    if (local.length) {
      const z = await vae.encode([toGrooveSequence(local, clip.qpm)]);
      let made: Note[];
      try {
        // Magenta decodes deterministically when the temperature is 0 or undefined.
        if (keepHits) made = playHits(local, await decodeOutputs(vae, z, temperature || undefined));
        else {
          const decoded = await vae.decode(
            z,
            temperature || undefined,
            undefined,
            STEPS_PER_QUARTER,
            clip.qpm,
          );
          made = fromGrooveNotes(decoded[0]?.notes, clip.qpm, steps);
        }
      } finally {
        z.dispose();
      }
      for (const n of made)
        out.push({
          ...n,
          quantizedStartStep: n.quantizedStartStep + from,
          quantizedEndStep: n.quantizedEndStep + from,
        });
    }
    o.onProgress?.(k + 1, chunks);
    // Let the page paint and a Cancel click land between chunks.
    await new Promise((r) => setTimeout(r, 0));
  }
  return { notes: out, totalQuantizedSteps: total };
}

/** Drum class (index into DRUM_PITCH_CLASSES) of each pitch the groove models read. */
const CLASS_OF_PITCH = new Map<number, number>(
  DRUM_PITCH_CLASSES.flatMap((ps, c) => ps.map((p) => [p, c] as const)),
);

/** The decoder output of one chunk as numbers, [step][3 × classes]. */
async function decodeOutputs(vae: GrooveModel, z: Tensor2D, temperature?: number): Promise<number[][]> {
  const t = await vae.decodeTensors(z, temperature);
  try {
    return ((await t.array()) as number[][][])[0];
  } finally {
    t.dispose();
  }
}

/** Median of a non-empty list. */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The input hits, each played with the velocity and timing the model gives its drum at its step; hits the
 * model would add are not played. Where the model would have left a hit out, its velocity output there is
 * not trained (it reads 5–10, inaudible), so the hit takes the median velocity the model gives that drum
 * in the chunk (else of all its hits, else the hit's own) and the model's timing there. Pitches outside
 * the model's drums keep their own velocity and timing.
 */
export function playHits(hits: readonly Note[], outputs: readonly (readonly number[])[]): Note[] {
  const classes = DRUM_PITCH_CLASSES.length;
  const velocity = (row: readonly number[], c: number) => clamp(Math.round(row[classes + c] * 127), 1, 127);
  const played: number[][] = DRUM_PITCH_CLASSES.map((_, c) =>
    outputs.filter((row) => row[c] > 0.5).map((row) => velocity(row, c)),
  );
  const all = played.flat();
  return hits
    .map((n) => {
      const c = CLASS_OF_PITCH.get(n.pitch);
      const row = outputs[n.quantizedStartStep];
      if (c === undefined || !row) return { ...n, quantizedEndStep: n.quantizedStartStep + 1 };
      const vel =
        row[c] > 0.5
          ? velocity(row, c)
          : played[c].length
            ? median(played[c])
            : all.length
              ? median(all)
              : clamp(Math.round(n.velocity ?? 100), 1, 127);
      return {
        ...n,
        quantizedEndStep: n.quantizedStartStep + 1,
        velocity: vel,
        // Magenta plays a note at (step − output / 2): our offset (positive = late) is −output / 2.
        offset: clamp(Math.round((-row[2 * classes + c] / 2) * 1e4) / 1e4, -0.5, MAX_OFFSET),
        isDrum: true as const,
      };
    })
    .sort((a, b) => a.quantizedStartStep - b.quantizedStartStep || a.pitch - b.pitch);
}

/**
 * Groove: plays a quantised drum clip like a drummer would, with the humanize GrooVAE. The model reads only
 * which drums hit on which step (velocities and timing are ignored); every hit of the clip is kept and
 * played with the velocity and micro-timing the model writes for it. Clips longer than two bars are done
 * two bars at a time.
 */
export async function grooveClip(
  vae: GrooveModel,
  clip: GrooveInput,
  options: GrooveOptions = {},
): Promise<GrooveResult> {
  checkInput(clip, 'The drum clip', options.temperature ?? 0);
  const drums = clip.notes.filter((n) => n.isDrum);
  if (!drums.length) throw new InputError('The clip has no drum notes: Groove works on a drum clip.', 'clip');
  return runChunks(vae, drums, clip, options, true);
}

/**
 * Drumify: turns a rhythm into a full beat with the tap GrooVAE. Every note of the clip (a melody, one drum
 * or taps) counts as one tap at its step, with its micro-timing; pitches do not matter.
 */
export async function drumifyClip(
  vae: GrooveModel,
  clip: GrooveInput,
  options: GrooveOptions = {},
): Promise<GrooveResult> {
  checkInput(clip, 'The rhythm', options.temperature ?? 0);
  return runChunks(vae, clip.notes, clip, options, false);
}

/**
 * Turns tap times (seconds since the first tap) into rhythm notes at `qpm`: each tap goes to its nearest
 * sixteenth-note step with the rest as its offset. Taps past `steps` are dropped; two taps on one step keep
 * the first.
 */
export function tapsToNotes(times: readonly number[], qpm: number, steps = GROOVE_STEPS): Note[] {
  const sps = secondsPerStep(qpm);
  const seen = new Set<number>();
  const out: Note[] = [];
  for (const t of times) {
    const at = t / sps;
    const step = Math.floor(at + 0.5);
    if (step < 0 || step >= steps || seen.has(step)) continue;
    seen.add(step);
    const offset = clamp(Math.round((at - step) * 1e4) / 1e4, -0.5, MAX_OFFSET);
    out.push({
      pitch: 37,
      quantizedStartStep: step,
      quantizedEndStep: step + 1,
      velocity: 100,
      offset,
      isDrum: true,
    });
  }
  return out.sort((a, b) => a.quantizedStartStep - b.quantizedStartStep);
}
