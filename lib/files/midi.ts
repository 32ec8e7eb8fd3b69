// MIDI files: one quick pass over the events (no objects made) counts the notes and finds the
// last tick, so a file over MAX_MIDI_NOTES or MAX_MIDI_QUARTERS is refused before it is parsed.
import { MAX_MIDI_BYTES, MAX_MIDI_NOTES, MAX_MIDI_QUARTERS } from './constants';
import { FileError, checkFileSize, formatCount } from './errors';

/** What {@link scanMidi} found. */
export interface MidiScan {
  /** Note-on events with a velocity above 0. */
  notes: number;
  /** The latest event, in quarter notes from the start. */
  quarters: number;
  /** Ticks per quarter note. */
  ppq: number;
}

/**
 * Checks a MIDI file's size, header, notes and length, stopping as soon as a limit is passed.
 * @throws FileError naming the file and what is wrong.
 */
export function scanMidi(bytes: Uint8Array, name: string): MidiScan {
  checkFileSize(name, bytes.byteLength, MAX_MIDI_BYTES, 'midi');
  const b = bytes;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const tag = (o: number) => String.fromCharCode(...b.subarray(o, o + 4));
  if (b.length < 14 || tag(0) !== 'MThd') throw new FileError('files.midi.notMidi', { name });
  const damaged = (detail: string) => new FileError('files.midi.damaged', { name, detail });
  const tracks = v.getUint16(10);
  const division = v.getUint16(12);
  // SMPTE timing (top bit set) has no quarter notes; it is rare and the studio does not read it.
  if (division === 0 || division & 0x8000) throw damaged(`timing ${division}`);
  const ppq = division;
  const maxTicks = MAX_MIDI_QUARTERS * ppq;
  let notes = 0;
  let lastTick = 0;
  let o = 8 + v.getUint32(4);
  for (let t = 0; t < tracks && o + 8 <= b.length; t++) {
    const len = v.getUint32(o + 4);
    if (tag(o) !== 'MTrk') {
      o += 8 + len;
      continue;
    }
    const end = Math.min(b.length, o + 8 + len);
    let p = o + 8;
    let tick = 0;
    let status = 0;
    const varLen = () => {
      let value = 0;
      for (let i = 0; i < 4; i++) {
        if (p >= end) throw damaged('an event is cut short');
        const c = b[p++]!;
        value = value * 128 + (c & 0x7f);
        if (!(c & 0x80)) return value;
      }
      throw damaged('a length is too long');
    };
    while (p < end) {
      tick += varLen();
      if (tick > maxTicks)
        throw new FileError('files.midi.tooLong', {
          name,
          bars: formatCount(Math.ceil(tick / ppq / 4)),
          max: formatCount(MAX_MIDI_QUARTERS / 4),
        });
      if (tick > lastTick) lastTick = tick;
      if (p >= end) throw damaged('an event is cut short');
      let s = b[p]!;
      if (s & 0x80) p++;
      else if (status) s = status;
      else throw damaged('data without a status byte');
      if (s === 0xff) {
        p++; // meta type
        const skip = varLen(); // read first: `p += varLen()` would add to the old p
        p += skip;
      } else if (s === 0xf0 || s === 0xf7) {
        const skip = varLen();
        p += skip;
      } else {
        status = s;
        const kind = s & 0xf0;
        const size = kind === 0xc0 || kind === 0xd0 ? 1 : 2;
        if (kind === 0x90 && p + 1 < end && b[p + 1]! > 0 && ++notes > MAX_MIDI_NOTES) {
          throw new FileError('files.midi.tooManyNotes', {
            name,
            count: `${formatCount(MAX_MIDI_NOTES)}+`,
            max: formatCount(MAX_MIDI_NOTES),
          });
        }
        p += size;
      }
    }
    o += 8 + len;
  }
  return { notes, quarters: lastTick / ppq, ppq };
}
