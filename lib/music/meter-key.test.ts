// Time and key signatures: read from uploaded MIDI (bars counted in the file's meter) and written into
// exported .mid files, checked by round trips through @tonejs/midi and the raw key-signature bytes.
import { Midi } from '@tonejs/midi';
import { describe, expect, it } from 'vitest';

import { clipToMidi, estimateKey, keyFifths, midiToClip, stepsPerBar, stepsToBars } from './sequences';
import type { KeySignature, Note } from './types';

/** A file made by another program: `bars` bars of quarter notes in the given meter and key. */
function fileIn(
  num: number,
  den: number,
  bars: number,
  key?: { fifths: number; minor: boolean },
): Uint8Array {
  const midi = new Midi();
  midi.header.timeSignatures.push({ ticks: 0, timeSignature: [num, den] });
  if (key) midi.header.keySignatures.push({ ticks: 0, key: 'C', scale: key.minor ? 'minor' : 'major' });
  midi.header.update();
  const track = midi.addTrack();
  const ppq = midi.header.ppq;
  const barTicks = (num * 4 * ppq) / den;
  for (let t = 0; t < bars * barTicks; t += ppq / 2)
    track.addNote({ midi: 60 + ((t / (ppq / 2)) % 8), ticks: t, durationTicks: ppq / 2 });
  const bytes = midi.toArray();
  // Written by hand: @tonejs/midi 2.0.28 writes index + 7 into the sharps/flats byte.
  if (key) bytes[keyAt(bytes) + 3] = key.fifths & 0xff;
  return bytes;
}

/** Index of the first key-signature event (FF 59 02), or -1. */
function keyAt(bytes: Uint8Array): number {
  for (let i = 0; i + 4 < bytes.length; i++)
    if (bytes[i] === 0xff && bytes[i + 1] === 0x59 && bytes[i + 2] === 0x02) return i;
  return -1;
}

/** The sharps/flats byte and mode byte of the first FF 59 02 event, or null. */
function rawKey(bytes: Uint8Array): [number, number] | null {
  const i = keyAt(bytes);
  return i < 0 ? null : [(bytes[i + 3] << 24) >> 24, bytes[i + 4]];
}

const melody: Note[] = [60, 62, 64, 65, 67, 69, 71, 72].map((p, i) => ({
  pitch: p,
  quantizedStartStep: i * 4,
  quantizedEndStep: i * 4 + 4,
}));

describe('time signatures', () => {
  it('counts bars of 3/4 and 6/8 as 12 steps, 4/4 as 16, 2/2 as 16', () => {
    expect(stepsPerBar({ numerator: 3, denominator: 4 })).toBe(12);
    expect(stepsPerBar({ numerator: 6, denominator: 8 })).toBe(12);
    expect(stepsPerBar({ numerator: 2, denominator: 2 })).toBe(16);
    expect(stepsPerBar(undefined)).toBe(16);
    expect(stepsToBars(96, { numerator: 3, denominator: 4 })).toBe(8);
  });

  it('reads a 3/4 waltz and a 6/8 jig with the right number of bars', () => {
    const waltz = midiToClip(fileIn(3, 4, 97), 'waltz.mid');
    expect(waltz.timeSignature).toEqual({ numerator: 3, denominator: 4 });
    expect(stepsToBars(waltz.totalQuantizedSteps, waltz.timeSignature)).toBe(97);
    const jig = midiToClip(fileIn(6, 8, 5), 'jig.mid');
    expect(jig.timeSignature).toEqual({ numerator: 6, denominator: 8 });
    expect(stepsToBars(jig.totalQuantizedSteps, jig.timeSignature)).toBe(5);
    // A 4/4 file has no time signature to remember.
    expect(midiToClip(fileIn(4, 4, 2)).timeSignature).toBeUndefined();
  });

  it('writes the meter into the .mid and reads it back (round trip), 4/4 when the clip has none', () => {
    for (const ts of [
      { numerator: 3, denominator: 4 },
      { numerator: 6, denominator: 8 },
      { numerator: 5, denominator: 4 },
    ]) {
      const bytes = clipToMidi({ name: 'x', kind: 'melody', qpm: 100, notes: melody, timeSignature: ts });
      expect(new Midi(bytes).header.timeSignatures[0].timeSignature).toEqual([ts.numerator, ts.denominator]);
      const back = midiToClip(bytes);
      expect(back.timeSignature).toEqual(ts);
      expect(back.totalQuantizedSteps % stepsPerBar(ts)).toBe(0);
    }
    const plain = clipToMidi({ name: 'x', kind: 'drums', qpm: 100, notes: melody });
    expect(new Midi(plain).header.timeSignatures[0].timeSignature).toEqual([4, 4]);
  });
});

describe('key signatures', () => {
  it('names sharps and flats of major and minor keys', () => {
    const k = (tonic: number, mode: KeySignature['mode']) => keyFifths({ tonic, mode });
    expect(k(0, 'major')).toBe(0);
    expect(k(7, 'major')).toBe(1); // G
    expect(k(5, 'major')).toBe(-1); // F
    expect(k(2, 'major')).toBe(2); // D
    expect(k(10, 'major')).toBe(-2); // B♭
    expect(k(9, 'minor')).toBe(0); // A minor
    expect(k(4, 'minor')).toBe(1); // E minor
    expect(k(2, 'minor')).toBe(-1); // D minor
  });

  it('reads the key of an uploaded file, major and minor', () => {
    expect(midiToClip(fileIn(4, 4, 1, { fifths: 1, minor: false })).keySignature).toEqual({
      tonic: 7,
      mode: 'major',
    });
    // One sharp, minor: E minor.
    expect(midiToClip(fileIn(4, 4, 1, { fifths: 1, minor: true })).keySignature).toEqual({
      tonic: 4,
      mode: 'minor',
    });
    expect(midiToClip(fileIn(4, 4, 1, { fifths: -3, minor: false })).keySignature).toEqual({
      tonic: 3,
      mode: 'major',
    });
    // A damaged sharps/flats byte (out of −7..7) is ignored, not a crash.
    expect(midiToClip(fileIn(4, 4, 1, { fifths: 14, minor: false })).keySignature).toBeUndefined();
  });

  it('writes the key with the right sharps/flats byte and reads it back', () => {
    for (const [key, fifths, mode] of [
      [{ tonic: 7, mode: 'major' }, 1, 0],
      [{ tonic: 5, mode: 'major' }, -1, 0],
      [{ tonic: 3, mode: 'major' }, -3, 0],
      [{ tonic: 9, mode: 'minor' }, 0, 1],
      [{ tonic: 11, mode: 'minor' }, 2, 1],
    ] as const) {
      const bytes = clipToMidi({ name: 'k', kind: 'melody', qpm: 120, notes: melody, keySignature: key });
      expect(rawKey(bytes)).toEqual([fifths, mode]);
      expect(midiToClip(bytes).keySignature).toEqual(key);
    }
  });

  it('estimates the key of a melody without one, and writes none for drums', () => {
    expect(estimateKey(melody)).toEqual({ tonic: 0, mode: 'major' });
    // A natural minor scale from A with the tonic stressed.
    const aMinor = [57, 59, 60, 62, 64, 65, 67, 69, 69, 64, 57].map((p, i) => ({
      pitch: p,
      quantizedStartStep: i * 4,
      quantizedEndStep: i * 4 + (p % 12 === 9 ? 8 : 4),
    }));
    expect(estimateKey(aMinor)).toEqual({ tonic: 9, mode: 'minor' });
    expect(rawKey(clipToMidi({ name: 'm', kind: 'melody', qpm: 120, notes: melody }))).toEqual([0, 0]);
    expect(rawKey(clipToMidi({ name: 'd', kind: 'drums', qpm: 120, notes: melody }))).toBeNull();
    expect(estimateKey([])).toBeNull();
  });
});
