// Note-sequence helpers: bars and steps, MIDI in and out, pitch range fitting, scales, monophony.
import { Midi } from '@tonejs/midi';

import { InputError } from '../errors';
import {
  DEFAULT_QPM,
  DRUM_CHANNEL,
  DRUM_PITCH_CLASSES,
  MAX_MIDI_BYTES,
  SCALES,
  STEPS_PER_BAR,
  STEPS_PER_QUARTER,
  type ScaleName,
} from './music-constants';
import type { Clip, KeySignature, Note, QuantizedSequence, RangeFit, TimeSignature } from './types';

/** Sixteenth-note steps in `bars` bars of 4/4. */
export function barsToSteps(bars: number): number {
  return Math.round(bars * STEPS_PER_BAR);
}

/** Sixteenth-note steps in one bar of a time signature (16 in 4/4, 12 in 3/4 and 6/8). */
export function stepsPerBar(ts?: TimeSignature | null): number {
  if (!ts) return STEPS_PER_BAR;
  return (ts.numerator * 4 * STEPS_PER_QUARTER) / ts.denominator;
}

/** Bars (possibly fractional) covered by `steps` sixteenth-note steps, in 4/4 or the given meter. */
export function stepsToBars(steps: number, ts?: TimeSignature | null): number {
  return steps / stepsPerBar(ts);
}

const PITCH_CLASS: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** Pitch class of a note name such as "F#" or "Bb". */
function pitchClassOf(name: string): number {
  const base = PITCH_CLASS[name[0]] ?? 0;
  const acc = name.slice(1) === '#' ? 1 : name.slice(1) === 'b' ? -1 : 0;
  return (base + acc + 12) % 12;
}

/** Sharps (positive) or flats (negative) of a key, choosing the spelling with fewer accidentals. */
export function keyFifths(key: KeySignature): number {
  const major = (key.tonic + (key.mode === 'minor' ? 3 : 0)) % 12;
  // Fifths from C: each sharp moves the tonic up a fifth (7 semitones).
  const sharps = (major * 7) % 12; // 0..11
  return sharps > 6 ? sharps - 12 : sharps;
}

/** The key a MIDI key-signature event names (@tonejs/midi gives the major key of the signature). */
function keyFromMidi(key: string | undefined, scale: string): KeySignature | undefined {
  // An out-of-range sharps/flats byte (some writers put 7 + index there) names no key.
  if (!key) return undefined;
  const major = pitchClassOf(key);
  const mode = scale === 'minor' ? 'minor' : 'major';
  return { tonic: mode === 'minor' ? (major + 9) % 12 : major, mode };
}

/** Krumhansl–Kessler key profiles (major, minor), tonic first. */
const KK_MAJOR = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
const KK_MINOR = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

/**
 * The likeliest key of a melody (Krumhansl–Schmuckler: correlate its duration-weighted pitch-class
 * histogram with the 24 rotated key profiles). Null without pitched notes.
 */
export function estimateKey(notes: readonly Note[]): KeySignature | null {
  const hist = new Array<number>(12).fill(0);
  for (const n of notes)
    if (!n.isDrum) hist[n.pitch % 12] += Math.max(1, n.quantizedEndStep - n.quantizedStartStep);
  if (!hist.some((h) => h > 0)) return null;
  const corr = (a: number[], b: number[]) => {
    const ma = a.reduce((x, y) => x + y, 0) / 12;
    const mb = b.reduce((x, y) => x + y, 0) / 12;
    let num = 0;
    let da = 0;
    let db = 0;
    for (let i = 0; i < 12; i++) {
      num += (a[i] - ma) * (b[i] - mb);
      da += (a[i] - ma) ** 2;
      db += (b[i] - mb) ** 2;
    }
    return num / Math.sqrt(da * db || 1);
  };
  let best: KeySignature = { tonic: 0, mode: 'major' };
  let bestR = -Infinity;
  for (const mode of ['major', 'minor'] as const) {
    const profile = mode === 'major' ? KK_MAJOR : KK_MINOR;
    for (let tonic = 0; tonic < 12; tonic++) {
      const rotated = hist.map((_, pc) => profile[(pc - tonic + 12) % 12]);
      const r = corr(hist, rotated);
      if (r > bestR) {
        bestR = r;
        best = { tonic, mode };
      }
    }
  }
  return best;
}

/** The end of the last note, in steps (0 for no notes). */
export function lastStep(notes: readonly Note[]): number {
  return notes.reduce((m, n) => Math.max(m, n.quantizedEndStep), 0);
}

/** The quantized INoteSequence Magenta expects, copied so Magenta cannot change our clip. */
export function toQuantizedSequence(
  notes: readonly Note[],
  totalQuantizedSteps: number,
  qpm = DEFAULT_QPM,
): QuantizedSequence {
  return {
    notes: notes.map((n) => ({ ...n })),
    totalQuantizedSteps,
    quantizationInfo: { stepsPerQuarter: STEPS_PER_QUARTER },
    tempos: [{ time: 0, qpm }],
  };
}

/** Reads Magenta's output notes (protobuf objects with optional fields) into plain notes. */
export function fromMagentaNotes(notes: readonly unknown[] | null | undefined, isDrum = false): Note[] {
  const out: Note[] = [];
  for (const raw of notes ?? []) {
    const n = raw as {
      pitch?: number;
      quantizedStartStep?: number;
      quantizedEndStep?: number;
      velocity?: number;
    };
    const start = Number(n.quantizedStartStep ?? 0);
    const end = Number(n.quantizedEndStep ?? start + 1);
    if (typeof n.pitch !== 'number' || end <= start) continue;
    // Magenta's protobuf notes default velocity to 0, which MIDI reads as note-off: use 100 instead.
    out.push({
      pitch: n.pitch,
      quantizedStartStep: start,
      quantizedEndStep: end,
      velocity: n.velocity || 100,
      ...(isDrum ? { isDrum: true } : {}),
    });
  }
  return out.sort((a, b) => a.quantizedStartStep - b.quantizedStartStep || a.pitch - b.pitch);
}

/**
 * Moves drum notes onto the pitches the drum models know (each class's first pitch, e.g. 40 → 38 snare)
 * and drops notes no class holds (a melody's notes, or rare percussion). Returns how many were dropped.
 */
export function toDrumClasses(notes: readonly Note[]): { notes: Note[]; dropped: number } {
  const canonical = new Map<number, number>();
  for (const cls of DRUM_PITCH_CLASSES) for (const p of cls) canonical.set(p, cls[0]);
  const out: Note[] = [];
  for (const n of notes) {
    const pitch = canonical.get(n.pitch);
    if (pitch !== undefined) out.push({ ...n, pitch, isDrum: true });
  }
  return { notes: out, dropped: notes.length - out.length };
}

/** Seconds per sixteenth-note step at a tempo (quarter notes per minute). */
export function secondsPerStep(qpm: number): number {
  return 60 / qpm / STEPS_PER_QUARTER;
}

/** When a note sounds, in seconds from the clip start, including its micro-timing offset. */
export function noteTimes(note: Note, qpm: number): { start: number; end: number } {
  const sps = secondsPerStep(qpm);
  const shift = note.offset ?? 0;
  const start = Math.max(0, (note.quantizedStartStep + shift) * sps);
  const end = Math.max(start + sps / 4, (note.quantizedEndStep + shift) * sps);
  return { start, end };
}

/** An unquantized NoteSequence for Magenta's Player: notes at their played times (see {@link TimedSequence}). */
export interface TimedSequence {
  notes: (Note & { startTime: number; endTime: number })[];
  totalTime: number;
  tempos: { time: number; qpm: number }[];
}

/**
 * The clip as Magenta's Player should hear it: each note at its real time including its micro-timing
 * offset (a quantized sequence would put every note back on the grid and lose the groove). Notes keep
 * their `quantizedStartStep` so a playhead can still follow the steps. Pass it to `player.start(seq)`
 * without a qpm (the tempo is in the sequence).
 */
export function toTimedSequence(
  notes: readonly Note[],
  totalQuantizedSteps: number,
  qpm: number,
): TimedSequence {
  return {
    notes: notes.map((n) => {
      const { start, end } = noteTimes(n, qpm);
      return { ...n, startTime: start, endTime: end };
    }),
    totalTime: Math.max(
      totalQuantizedSteps * secondsPerStep(qpm),
      ...notes.map((n) => noteTimes(n, qpm).end),
    ),
    tempos: [{ time: 0, qpm }],
  };
}

/**
 * Writes a clip as a standard MIDI file (format 1, 480 ticks per quarter, one track). Steps map to
 * exact ticks, so reading the file back gives the same notes. Drums go on channel 10 (index 9).
 */
export function clipToMidi(
  clip: Pick<Clip, 'notes' | 'qpm' | 'kind' | 'name' | 'timeSignature' | 'keySignature'>,
): Uint8Array {
  const midi = new Midi();
  midi.header.setTempo(clip.qpm);
  midi.header.name = clip.name;
  const ts = clip.timeSignature ?? { numerator: 4, denominator: 4 };
  midi.header.timeSignatures.push({ ticks: 0, timeSignature: [ts.numerator, ts.denominator] });
  // A melody's key: the one read from its file, else the likeliest key of its notes. Drums have none.
  const key = clip.kind === 'melody' ? (clip.keySignature ?? estimateKey(clip.notes)) : null;
  if (key) midi.header.keySignatures.push({ ticks: 0, key: 'C', scale: key.mode });
  midi.header.update();
  const track = midi.addTrack();
  track.name = clip.name;
  if (clip.kind === 'drums') track.channel = DRUM_CHANNEL;
  const ticksPerStep = midi.header.ppq / STEPS_PER_QUARTER;
  for (const n of clip.notes) {
    track.addNote({
      midi: n.pitch,
      // A micro-timing offset moves the note off the grid (rounded to whole ticks).
      ticks: Math.max(0, Math.round((n.quantizedStartStep + (n.offset ?? 0)) * ticksPerStep)),
      durationTicks: (n.quantizedEndStep - n.quantizedStartStep) * ticksPerStep,
      // Velocity 0 would be a note-off in MIDI, so quiet notes stay at least 1.
      velocity: Math.min(127, Math.max(1, n.velocity || 100)) / 127,
    });
  }
  const bytes = midi.toArray();
  if (key) writeKeyFifths(bytes, keyFifths(key));
  return bytes;
}

/**
 * Sets the sharps/flats byte of the file's key-signature event (FF 59 02 sf mi). @tonejs/midi 2.0.28
 * writes its index + 7 instead of index − 7 (so C major came out as 14 sharps); its reader is right.
 */
function writeKeyFifths(bytes: Uint8Array, fifths: number): void {
  for (let i = 0; i + 4 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0x59 && bytes[i + 2] === 0x02) {
      bytes[i + 3] = fifths & 0xff;
      return;
    }
  }
}

/** What {@link midiToClip} read from a file. */
export interface ImportedMidi {
  notes: Note[];
  totalQuantizedSteps: number;
  qpm: number;
  kind: 'melody' | 'drums';
  /** The file's first time signature, when it has one other than 4/4. */
  timeSignature?: TimeSignature;
  /** The file's first key signature, when it has one. */
  keySignature?: KeySignature;
}

/**
 * Reads a .mid file into quantized notes (sixteenth-note grid). Throws an InputError naming the file
 * when it is not a MIDI file, is damaged, or holds no notes.
 * @param onProgress Optional: called with the steps done of all (reading the file, then each track).
 */
export function midiToClip(
  bytes: Uint8Array,
  fileName = 'file',
  onProgress?: (done: number, total: number) => void,
): ImportedMidi {
  if (bytes.byteLength > MAX_MIDI_BYTES)
    throw new InputError(`${fileName} is too large for a MIDI clip (${bytes.byteLength} bytes).`, fileName);
  const isMThd =
    bytes.length >= 14 && bytes[0] === 0x4d && bytes[1] === 0x54 && bytes[2] === 0x68 && bytes[3] === 0x64;
  if (!isMThd)
    throw new InputError(`${fileName} is not a MIDI file (it does not start with "MThd").`, fileName);
  let midi: Midi;
  try {
    midi = new Midi(bytes);
  } catch (e) {
    throw new InputError(`${fileName} is a damaged MIDI file: ${(e as Error).message}`, fileName);
  }
  const ticksPerStep = midi.header.ppq / STEPS_PER_QUARTER;
  if (!(ticksPerStep > 0))
    throw new InputError(
      `${fileName} has no valid timing (ticks per quarter is ${midi.header.ppq}).`,
      fileName,
    );
  const notes: Note[] = [];
  let drumNotes = 0;
  const steps = midi.tracks.length + 1;
  onProgress?.(1, steps);
  for (const [i, track] of midi.tracks.entries()) {
    const isDrum = track.channel === DRUM_CHANNEL || track.instrument.percussion;
    for (const n of track.notes) {
      const start = Math.round(n.ticks / ticksPerStep);
      // Very short notes still last one step so they are not lost by quantizing.
      const end = Math.max(start + 1, Math.round((n.ticks + n.durationTicks) / ticksPerStep));
      notes.push({
        pitch: n.midi,
        quantizedStartStep: start,
        quantizedEndStep: end,
        velocity: Math.round(n.velocity * 127),
        ...(isDrum ? { isDrum: true } : {}),
      });
      if (isDrum) drumNotes++;
    }
    onProgress?.(i + 2, steps);
  }
  if (notes.length === 0) throw new InputError(`${fileName} has no notes in it.`, fileName);
  notes.sort((a, b) => a.quantizedStartStep - b.quantizedStartStep || a.pitch - b.pitch);
  const kind = drumNotes === notes.length ? 'drums' : 'melody';
  const qpm = Math.round(midi.header.tempos[0]?.bpm ?? DEFAULT_QPM);
  const [num, den] = midi.header.timeSignatures[0]?.timeSignature ?? [4, 4];
  const timeSignature =
    Number.isInteger(num) && num > 0 && [1, 2, 4, 8, 16, 32].includes(den) && !(num === 4 && den === 4)
      ? { numerator: num, denominator: den }
      : undefined;
  const keyEvent = midi.header.keySignatures[0];
  const keySignature = keyEvent ? keyFromMidi(keyEvent.key, keyEvent.scale) : undefined;
  // Round the length up to whole bars (of the file's meter) so loops and continuations start on a downbeat.
  const bar = stepsPerBar(timeSignature);
  const totalQuantizedSteps = Math.ceil(lastStep(notes) / bar) * bar;
  return {
    notes: kind === 'drums' ? notes : notes.filter((n) => !n.isDrum),
    totalQuantizedSteps,
    qpm,
    kind,
    ...(timeSignature ? { timeSignature } : {}),
    ...(keySignature ? { keySignature } : {}),
  };
}

/**
 * Keeps one note at a time (the highest where notes start together; a note is cut where the next
 * begins), because the melody model reads a single line.
 */
export function makeMonophonic(notes: readonly Note[]): Note[] {
  const byStart = new Map<number, Note>();
  for (const n of notes) {
    const cur = byStart.get(n.quantizedStartStep);
    if (!cur || n.pitch > cur.pitch) byStart.set(n.quantizedStartStep, n);
  }
  const sorted = [...byStart.values()].sort((a, b) => a.quantizedStartStep - b.quantizedStartStep);
  return sorted.map((n, i) => {
    const next = sorted[i + 1];
    const end = next ? Math.min(n.quantizedEndStep, next.quantizedStartStep) : n.quantizedEndStep;
    return { ...n, quantizedEndStep: end };
  });
}

/**
 * Moves a melody into [minPitch, maxPitch]: first by the whole octaves that keep the most notes in
 * range (the tune is unchanged), then folds any note still outside by octaves (counted as clipped).
 */
export function fitToRange(notes: readonly Note[], minPitch: number, maxPitch: number): RangeFit {
  if (maxPitch - minPitch < 11)
    throw new InputError(`A pitch range of ${minPitch}–${maxPitch} is smaller than an octave.`, 'range');
  let best = 0;
  let bestIn = -1;
  for (let shift = -60; shift <= 60; shift += 12) {
    const inRange = notes.filter((n) => n.pitch + shift >= minPitch && n.pitch + shift <= maxPitch).length;
    // Prefer the smallest move among equally good ones.
    if (inRange > bestIn || (inRange === bestIn && Math.abs(shift) < Math.abs(best))) {
      best = shift;
      bestIn = inRange;
    }
  }
  let clipped = 0;
  const out = notes.map((n) => {
    let p = n.pitch + best;
    if (p < minPitch || p > maxPitch) clipped++;
    while (p < minPitch) p += 12;
    while (p > maxPitch) p -= 12;
    return { ...n, pitch: p };
  });
  return { notes: out, transposedBy: best, clipped };
}

/** Pitch classes (0 = C) of a scale on `tonic` (0–11). */
export function scalePitchClasses(tonic: number, scale: ScaleName): number[] {
  return SCALES[scale].map((i) => (tonic + i) % 12);
}

/**
 * Moves every note outside the scale to the nearest scale note (down on a tie), staying within
 * [minPitch, maxPitch]. Returns the notes and how many were moved. Drums are left alone.
 */
export function constrainToScale(
  notes: readonly Note[],
  tonic: number,
  scale: ScaleName,
  minPitch = 0,
  maxPitch = 127,
): { notes: Note[]; moved: number } {
  const allowed = new Set(scalePitchClasses(tonic, scale));
  let moved = 0;
  const out = notes.map((n) => {
    if (n.isDrum || allowed.has(((n.pitch % 12) + 12) % 12)) return { ...n };
    for (let d = 1; d < 12; d++) {
      for (const p of [n.pitch - d, n.pitch + d]) {
        if (p >= minPitch && p <= maxPitch && allowed.has(((p % 12) + 12) % 12)) {
          moved++;
          return { ...n, pitch: p };
        }
      }
    }
    return { ...n };
  });
  return { notes: out, moved };
}

/** Notes shifted later by `steps` (to append a continuation after its primer). */
export function shiftNotes(notes: readonly Note[], steps: number): Note[] {
  return notes.map((n) => ({
    ...n,
    quantizedStartStep: n.quantizedStartStep + steps,
    quantizedEndStep: n.quantizedEndStep + steps,
  }));
}
