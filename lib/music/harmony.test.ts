// Chord tracks under a melody, and the two-track MIDI export read back with @tonejs/midi.
import { Midi } from '@tonejs/midi';
import { describe, expect, it } from 'vitest';

import { ConfigError, InputError } from '../errors';
import { chordSpans, clipToMidiWithHarmony, harmonize, HARMONY_TRACK_NAME, parseChord } from './harmony';
import { midiToClip } from './sequences';
import type { Note } from './types';

const pcs = (notes: Note[]) => [...new Set(notes.map((n) => n.pitch % 12))].sort((a, b) => a - b);

describe('harmony', () => {
  it('reads chord symbols', () => {
    expect(parseChord('C')).toEqual({ root: 0, intervals: [0, 4, 7], bass: 0 });
    expect(parseChord('Am')?.root).toBe(9);
    expect(parseChord('F#dim')).toEqual({ root: 6, intervals: [0, 3, 6], bass: 6 });
    expect(parseChord('Bbmaj7')?.intervals).toEqual([0, 4, 7, 11]);
    expect(parseChord('C/E')?.bass).toBe(4);
    expect(parseChord('N.C.')).toBeNull();
    expect(() => parseChord('Xyz7')).toThrow(InputError);
    expect(() => parseChord('Cfoo')).toThrow(/Cfoo/);
  });

  it('spreads chords over the clip or gives each a number of bars', () => {
    expect(chordSpans(4, 32)).toEqual([
      { index: 0, start: 0, end: 8 },
      { index: 1, start: 8, end: 16 },
      { index: 2, start: 16, end: 24 },
      { index: 3, start: 24, end: 32 },
    ]);
    expect(chordSpans(2, 64, 1).map((s) => s.index)).toEqual([0, 1, 0, 1]);
    expect(chordSpans(3, 40, 2).at(-1)).toEqual({ index: 1, start: 32, end: 40 });
  });

  it('plays block chords held and broken chords in eighth notes, under the melody range', () => {
    const block = harmonize(['C', 'G', 'Am', 'F'], 64, { style: 'block' });
    const first = block.filter((n) => n.quantizedStartStep === 0);
    expect(first.map((n) => n.pitch)).toEqual([36, 48, 52, 55]);
    expect(first.every((n) => n.quantizedEndStep === 16)).toBe(true);
    expect(pcs(block.filter((n) => n.quantizedStartStep === 32))).toEqual([0, 4, 9]);
    const broken = harmonize(['C', 'G7'], 32, { style: 'broken' });
    const c = broken.filter((n) => n.quantizedStartStep < 16);
    expect(c.map((n) => n.pitch)).toEqual([36, 52, 55, 52, 48, 52, 55, 52]);
    expect(c.every((n) => n.quantizedEndStep - n.quantizedStartStep === 2)).toBe(true);
    expect(pcs(broken.filter((n) => n.quantizedStartStep >= 16))).toEqual([2, 5, 7, 11]);
    expect(() => harmonize([], 16, { style: 'block' })).toThrow(InputError);
    expect(() => harmonize(['C'], 16, { style: 'strum' as 'block' })).toThrow(ConfigError);
  });

  it('exports the chords as a second MIDI track that reads back note for note', () => {
    const melody: Note[] = [
      { pitch: 72, quantizedStartStep: 0, quantizedEndStep: 4, velocity: 100 },
      { pitch: 74, quantizedStartStep: 4, quantizedEndStep: 16, velocity: 100 },
    ];
    const harmony = harmonize(['C', 'F'], 32, { style: 'broken' });
    const bytes = clipToMidiWithHarmony({ name: 'tune', kind: 'melody', qpm: 100, notes: melody, harmony });
    const midi = new Midi(bytes);
    expect(midi.tracks.length).toBe(2);
    expect(midi.tracks[1].name).toBe(HARMONY_TRACK_NAME);
    expect(midi.tracks[1].channel).toBe(1);
    const step = midi.header.ppq / 4;
    const read = (i: number) =>
      midi.tracks[i].notes.map((n) => [n.midi, n.ticks / step, (n.ticks + n.durationTicks) / step]);
    expect(read(0)).toEqual(melody.map((n) => [n.pitch, n.quantizedStartStep, n.quantizedEndStep]));
    expect(read(1)).toEqual(harmony.map((n) => [n.pitch, n.quantizedStartStep, n.quantizedEndStep]));
    // Without a harmony it is the plain one-track export; the studio's import reads both tracks.
    expect(
      new Midi(clipToMidiWithHarmony({ name: 't', kind: 'melody', qpm: 100, notes: melody })).tracks.length,
    ).toBe(1);
    expect(midiToClip(bytes).notes.length).toBe(melody.length + harmony.length);
  });
});
