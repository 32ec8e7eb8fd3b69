import { describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import {
  barsToSteps,
  clipToMidi,
  constrainToScale,
  fitToRange,
  makeMonophonic,
  midiToClip,
  stepsToBars,
  toTimedSequence,
} from './sequences';
import type { Note } from './types';

const tune: Note[] = [
  { pitch: 60, quantizedStartStep: 0, quantizedEndStep: 4, velocity: 100 },
  { pitch: 64, quantizedStartStep: 4, quantizedEndStep: 6, velocity: 90 },
  { pitch: 67, quantizedStartStep: 6, quantizedEndStep: 8, velocity: 80 },
  { pitch: 72, quantizedStartStep: 8, quantizedEndStep: 17, velocity: 127 },
];

describe('bars and steps', () => {
  it('counts 16 sixteenth steps per 4/4 bar', () => {
    expect(barsToSteps(1)).toBe(16);
    expect(barsToSteps(32)).toBe(512);
    expect(stepsToBars(48)).toBe(3);
  });
});

describe('toTimedSequence', () => {
  it('plays notes at their real times, micro-timing included, and keeps the tempo and length', () => {
    // 120 qpm: a step lasts 0.125 s.
    const seq = toTimedSequence(
      [
        { pitch: 36, quantizedStartStep: 4, quantizedEndStep: 5, offset: 0.2, isDrum: true },
        { pitch: 38, quantizedStartStep: 8, quantizedEndStep: 9, offset: -0.4, isDrum: true },
        { pitch: 42, quantizedStartStep: 12, quantizedEndStep: 13 },
      ],
      16,
      120,
    );
    [0.525, 0.95, 1.5].forEach((t, i) => expect(seq.notes[i].startTime).toBeCloseTo(t, 12));
    expect(seq.notes[2].endTime).toBe(1.625);
    expect(seq.notes[0].quantizedStartStep).toBe(4);
    expect(seq.totalTime).toBe(2);
    expect(seq.tempos).toEqual([{ time: 0, qpm: 120 }]);
    expect('quantizationInfo' in seq).toBe(false);
  });
});

describe('MIDI round trip', () => {
  it('export then import gives the same notes, tempo and a whole-bar length', () => {
    const bytes = clipToMidi({ name: 'tune', kind: 'melody', qpm: 96, notes: tune });
    const back = midiToClip(bytes, 'tune.mid');
    expect(
      back.notes.map(({ pitch, quantizedStartStep, quantizedEndStep, velocity }) => ({
        pitch,
        quantizedStartStep,
        quantizedEndStep,
        velocity,
      })),
    ).toEqual(tune);
    expect(back.qpm).toBe(96);
    expect(back.kind).toBe('melody');
    expect(back.totalQuantizedSteps).toBe(32);
  });

  it('keeps notes whose velocity is 0 (Magenta output) instead of writing them as note-offs', () => {
    const silent = tune.map((n) => ({ ...n, velocity: 0 }));
    const back = midiToClip(clipToMidi({ name: 'm', kind: 'melody', qpm: 120, notes: silent }), 'm.mid');
    expect(back.notes.map((n) => n.pitch)).toEqual(tune.map((n) => n.pitch));
  });

  it('keeps drums on channel 10 and reads them back as drums', () => {
    const drums: Note[] = [36, 42, 38, 42].map((p, i) => ({
      pitch: p,
      quantizedStartStep: i * 2,
      quantizedEndStep: i * 2 + 1,
      velocity: 100,
      isDrum: true,
    }));
    const back = midiToClip(clipToMidi({ name: 'beat', kind: 'drums', qpm: 120, notes: drums }), 'beat.mid');
    expect(back.kind).toBe('drums');
    expect(back.notes).toEqual(drums);
  });
});

describe('bad MIDI is rejected with a clear InputError', () => {
  it('rejects a file that is not MIDI', () => {
    const text = new TextEncoder().encode('hello, I am a text file pretending to be music');
    expect(() => midiToClip(text, 'song.mid')).toThrow(InputError);
    expect(() => midiToClip(text, 'song.mid')).toThrow(/not a MIDI file/);
  });
  it('rejects a truncated MIDI file', () => {
    const bytes = clipToMidi({ name: 't', kind: 'melody', qpm: 120, notes: tune });
    expect(() => midiToClip(bytes.slice(0, 30), 'cut.mid')).toThrow(InputError);
  });
  it('rejects a MIDI file without notes', () => {
    const bytes = clipToMidi({ name: 'empty', kind: 'melody', qpm: 120, notes: [] });
    expect(() => midiToClip(bytes, 'empty.mid')).toThrow(/no notes/);
  });
});

describe('fitToRange', () => {
  it('transposes by whole octaves when that brings every note into range', () => {
    const low = tune.map((n) => ({ ...n, pitch: n.pitch - 24 }));
    const fit = fitToRange(low, 48, 83);
    expect(fit.transposedBy).toBe(12);
    expect(fit.clipped).toBe(0);
    expect(fit.notes.map((n) => n.pitch)).toEqual([48, 52, 55, 60]);
  });
  it('leaves an in-range melody alone', () => {
    const fit = fitToRange(tune, 48, 83);
    expect(fit.transposedBy).toBe(0);
    expect(fit.notes).toEqual(tune);
  });
  it('folds notes that still stick out and counts them', () => {
    const wide: Note[] = [30, 60, 62, 100].map((p, i) => ({
      pitch: p,
      quantizedStartStep: i,
      quantizedEndStep: i + 1,
    }));
    const fit = fitToRange(wide, 48, 83);
    expect(fit.clipped).toBe(2);
    for (const n of fit.notes) {
      expect(n.pitch).toBeGreaterThanOrEqual(48);
      expect(n.pitch).toBeLessThanOrEqual(83);
    }
    // Folding keeps the pitch class.
    expect(fit.notes.map((n) => n.pitch % 12)).toEqual([30 % 12, 0, 2, 100 % 12]);
  });
});

describe('scale and monophony', () => {
  it('moves off-scale notes to the nearest C major note', () => {
    const notes: Note[] = [61, 62, 66, 70].map((p, i) => ({
      pitch: p,
      quantizedStartStep: i,
      quantizedEndStep: i + 1,
    }));
    const { notes: out, moved } = constrainToScale(notes, 0, 'major');
    expect(out.map((n) => n.pitch)).toEqual([60, 62, 65, 69]);
    expect(moved).toBe(3);
  });
  it('keeps the top note of a chord and cuts overlaps', () => {
    const chord: Note[] = [
      { pitch: 60, quantizedStartStep: 0, quantizedEndStep: 8 },
      { pitch: 67, quantizedStartStep: 0, quantizedEndStep: 8 },
      { pitch: 62, quantizedStartStep: 4, quantizedEndStep: 6 },
    ];
    expect(makeMonophonic(chord)).toEqual([
      { pitch: 67, quantizedStartStep: 0, quantizedEndStep: 4 },
      { pitch: 62, quantizedStartStep: 4, quantizedEndStep: 6 },
    ]);
  });
});
