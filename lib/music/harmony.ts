// Harmony: a melody's chord progression played as a second track (block or broken chords), and MIDI
// export with that track separate from the melody.
import { Midi } from '@tonejs/midi';

import { ConfigError, InputError } from '../errors';
import { STEPS_PER_BAR, STEPS_PER_QUARTER } from './music-constants';
import { clipToMidi } from './sequences';
import type { Clip, Note } from './types';

/** How the chords are played: held together, or one note after another in eighth notes. */
export const HARMONY_STYLES = ['block', 'broken'] as const;
export type HarmonyStyle = (typeof HARMONY_STYLES)[number];

/**
 * How long each chord lasts: `spread` shares the clip evenly between the chords (as Magenta's chord
 * model reads a progression), a number is bars per chord, the progression repeating to the end.
 */
export type ChordRhythm = 'spread' | 1 | 2 | 4;

/** Options of {@link harmonize}. */
export interface HarmonyOptions {
  style: HarmonyStyle;
  /** Defaults to `spread`. */
  rhythm?: ChordRhythm;
  /** Velocity of the chord notes (1–127). Defaults to 70, under the melody's 100. */
  velocity?: number;
}

const NOTE_PC: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
/** Chord qualities we read, as semitones above the root. */
const QUALITIES: Record<string, readonly number[]> = {
  '': [0, 4, 7],
  M: [0, 4, 7],
  maj: [0, 4, 7],
  m: [0, 3, 7],
  min: [0, 3, 7],
  '-': [0, 3, 7],
  '7': [0, 4, 7, 10],
  maj7: [0, 4, 7, 11],
  M7: [0, 4, 7, 11],
  m7: [0, 3, 7, 10],
  min7: [0, 3, 7, 10],
  dim: [0, 3, 6],
  '°': [0, 3, 6],
  dim7: [0, 3, 6, 9],
  m7b5: [0, 3, 6, 10],
  ø: [0, 3, 6, 10],
  aug: [0, 4, 8],
  '+': [0, 4, 8],
  sus2: [0, 2, 7],
  sus4: [0, 5, 7],
  sus: [0, 5, 7],
  '6': [0, 4, 7, 9],
  m6: [0, 3, 7, 9],
};

/** A chord symbol read into its root, tones and bass (pitch classes 0–11), or null for N.C. */
export interface ParsedChord {
  root: number;
  intervals: readonly number[];
  bass: number;
}

function pitchClass(name: string): number | null {
  const m = /^([A-G])([#♯b♭]?)$/.exec(name);
  if (!m) return null;
  const acc = m[2] === '#' || m[2] === '♯' ? 1 : m[2] === 'b' || m[2] === '♭' ? -1 : 0;
  return (NOTE_PC[m[1]] + acc + 12) % 12;
}

/**
 * Reads a chord symbol such as `C`, `Am`, `G7`, `F#dim`, `Bbmaj7`, `Dsus4` or `C/E`. `N.C.` (no chord)
 * gives null. Anything else throws an InputError naming the symbol.
 */
export function parseChord(symbol: string): ParsedChord | null {
  const s = symbol.trim();
  if (/^n\.?c\.?$/i.test(s)) return null;
  const m = /^([A-G][#♯b♭]?)([^/]*)(?:\/([A-G][#♯b♭]?))?$/.exec(s);
  const root = m ? pitchClass(m[1]) : null;
  const intervals = m ? QUALITIES[m[2]] : undefined;
  if (!m || root === null || !intervals)
    throw new InputError(
      `"${symbol}" is not a chord we can play. Try C, Am, G7, Fmaj7, Bdim, Caug, Dsus4 or C/E.`,
      symbol,
    );
  const bass = m[3] ? (pitchClass(m[3]) ?? root) : root;
  return { root, intervals, bass };
}

/** Where each chord starts and ends (steps), for a progression over `totalSteps`. */
export function chordSpans(
  count: number,
  totalSteps: number,
  rhythm: ChordRhythm = 'spread',
): { index: number; start: number; end: number }[] {
  if (count < 1) return [];
  const spans: { index: number; start: number; end: number }[] = [];
  if (rhythm === 'spread') {
    for (let i = 0; i < count; i++) {
      const start = Math.ceil((i * totalSteps) / count);
      const end = Math.ceil(((i + 1) * totalSteps) / count);
      if (end > start) spans.push({ index: i, start, end });
    }
    return spans;
  }
  const len = rhythm * STEPS_PER_BAR;
  for (let start = 0, i = 0; start < totalSteps; start += len, i++)
    spans.push({ index: i % count, start, end: Math.min(totalSteps, start + len) });
  return spans;
}

/** Chord tones voiced under a melody: the root between C3 and B3 (48–59), tones stacked above it. */
function voice(chord: ParsedChord): number[] {
  const root = 48 + chord.root;
  return chord.intervals.map((i) => root + i);
}

/**
 * The chord track for a progression over a clip of `totalSteps` steps. Block chords: the bass an octave
 * under the root, then the chord tones, held for the chord's span. Broken chords: bass on each chord's
 * first step, then the chord tones up and down in eighth notes (1-3-5-3 for a triad).
 */
export function harmonize(
  progression: readonly string[],
  totalSteps: number,
  options: HarmonyOptions,
): Note[] {
  const { style, rhythm = 'spread', velocity = 70 } = options;
  if (!HARMONY_STYLES.includes(style)) throw new ConfigError('style', style, HARMONY_STYLES.join(', '));
  if (!(rhythm === 'spread' || rhythm === 1 || rhythm === 2 || rhythm === 4))
    throw new ConfigError('rhythm', rhythm, '"spread", 1, 2 or 4');
  if (!Number.isInteger(totalSteps) || totalSteps < 1)
    throw new ConfigError('totalSteps', totalSteps, 'a whole number of steps ≥ 1');
  if (!progression.length) throw new InputError('Type at least one chord, for example "C G Am F".', 'chords');
  const chords = progression.map(parseChord);
  const notes: Note[] = [];
  const eighth = STEPS_PER_QUARTER / 2;
  for (const { index, start, end } of chordSpans(chords.length, totalSteps, rhythm)) {
    const chord = chords[index];
    if (!chord) continue;
    const tones = voice(chord);
    const bass = 36 + chord.bass;
    const note = (pitch: number, s: number, e: number): Note => ({
      pitch,
      quantizedStartStep: s,
      quantizedEndStep: e,
      velocity,
    });
    if (style === 'block') {
      notes.push(note(bass, start, end), ...tones.map((p) => note(p, start, end)));
      continue;
    }
    // Up and back down without repeating the top: 1-3-5-3 for a triad, 1-3-5-7-5-3 for a seventh.
    const pattern = [...tones, ...tones.slice(1, -1).reverse()];
    notes.push(note(bass, start, Math.min(end, start + eighth)));
    for (let s = start + eighth, k = 1; s < end; s += eighth, k++)
      notes.push(note(pattern[k % pattern.length], s, Math.min(end, s + eighth)));
  }
  return notes;
}

/** Name of the chord track in exported MIDI files. */
export const HARMONY_TRACK_NAME = 'Chords';

/**
 * A clip as a MIDI file; when it has a harmony, the chords are a second track (channel 2) after the
 * melody's, so a DAW shows and plays them as a separate instrument.
 */
export function clipToMidiWithHarmony(
  clip: Parameters<typeof clipToMidi>[0] & Pick<Clip, 'harmony'>,
): Uint8Array {
  const melody = clipToMidi(clip);
  if (!clip.harmony?.length) return melody;
  // The chords are written by @tonejs/midi as a file of their own and only their track chunk is
  // appended: the melody's bytes (tempo, meter, key, notes) stay exactly as clipToMidi wrote them.
  const chords = new Midi();
  const track = chords.addTrack();
  track.name = HARMONY_TRACK_NAME;
  track.channel = 1;
  const ticksPerStep = chords.header.ppq / STEPS_PER_QUARTER;
  for (const n of clip.harmony)
    track.addNote({
      midi: n.pitch,
      ticks: n.quantizedStartStep * ticksPerStep,
      durationTicks: (n.quantizedEndStep - n.quantizedStartStep) * ticksPerStep,
      velocity: Math.min(127, Math.max(1, n.velocity || 70)) / 127,
    });
  const chunk = lastTrackChunk(chords.toArray());
  const out = new Uint8Array(melody.length + chunk.length);
  out.set(melody);
  out.set(chunk, melody.length);
  // MThd: "MThd", length 6, format, number of tracks (bytes 10–11), division. Both files use 480 ppq.
  const view = new DataView(out.buffer);
  if (view.getUint16(12) !== chords.header.ppq) throw new Error('MIDI division mismatch');
  view.setUint16(8, 1);
  view.setUint16(10, view.getUint16(10) + 1);
  return out;
}

/** The bytes of the last "MTrk" chunk of a standard MIDI file. */
function lastTrackChunk(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8 + view.getUint32(4);
  let last: Uint8Array | null = null;
  while (pos + 8 <= bytes.length) {
    const len = view.getUint32(pos + 4);
    last = bytes.subarray(pos, pos + 8 + len);
    pos += 8 + len;
  }
  if (!last) throw new Error('No track chunk in the MIDI bytes');
  return last;
}

/** Melody and harmony together, for playing and drawing. */
export function withHarmony(clip: Pick<Clip, 'notes' | 'harmony'>): Note[] {
  return clip.harmony?.length ? [...clip.notes, ...clip.harmony] : [...clip.notes];
}
