import { describe, expect, it } from 'vitest';

import { ConfigError, InputError } from '../errors';
import {
  ALL_NOTES_OFF,
  clipToMidiEvents,
  type MidiAccessLike,
  type MidiClock,
  MidiError,
  type MidiInputLike,
  type MidiMessageLike,
  type MidiOutputLike,
  MidiRecorder,
  midiSupport,
  parseMidiMessage,
  recordedNotesToClip,
  requestMidi,
  sendClip,
} from './midi-io';
import type { Clip } from './types';

// Hand-written fakes of the devices and the clock; the code under test is midi-io itself.

/** A clock whose time moves only when the test says, firing the interval as a browser would. */
class ManualClock implements MidiClock {
  t = 1000;
  private timers = new Map<number, { cb: () => void; ms: number; next: number }>();
  private ids = 0;
  now = () => this.t;
  setInterval = (cb: () => void, ms: number) => {
    const id = ++this.ids;
    this.timers.set(id, { cb, ms, next: this.t + ms });
    return id;
  };
  clearInterval = (h: unknown) => {
    this.timers.delete(h as number);
  };
  get active() {
    return this.timers.size;
  }
  advance(ms: number) {
    const until = this.t + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, tm]) => tm.next <= until);
      if (!due.length) break;
      const [id, tm] = due.sort((a, b) => a[1].next - b[1].next)[0];
      this.t = tm.next;
      tm.next += tm.ms;
      if (this.timers.has(id)) tm.cb();
    }
    this.t = until;
  }
}

interface Sent {
  bytes: number[];
  ts: number | undefined;
  /** Clock time when send() was called. */
  at: number;
}

/** A MIDI output that records what it is sent and keeps a queue that clear() empties, like a device. */
function fakeOutput(clock: ManualClock, withClear = true) {
  const sent: Sent[] = [];
  let clears = 0;
  const out: MidiOutputLike & { sent: Sent[]; clears: () => number; failAfter?: number } = {
    id: 'out-1',
    name: 'Fake synth',
    sent,
    clears: () => clears,
    send(bytes: number[], ts?: number) {
      if (out.failAfter !== undefined && sent.length >= out.failAfter) throw new Error('InvalidStateError');
      sent.push({ bytes: [...bytes], ts, at: clock.now() });
    },
  };
  if (withClear)
    out.clear = () => {
      clears++;
      // A real device drops what is queued for later; model that by removing those messages.
      const now = clock.now();
      for (let i = sent.length - 1; i >= 0; i--)
        if (sent[i].ts !== undefined && sent[i].ts! > now) sent.splice(i, 1);
    };
  return out;
}

/** Plays the messages a device received in time order; returns the notes still sounding at the end. */
function soundingAfter(sent: Sent[]): string[] {
  const timed = sent.map((s, i) => ({ ...s, time: s.ts ?? s.at, i }));
  timed.sort((a, b) => a.time - b.time || a.i - b.i);
  const on = new Set<string>();
  for (const { bytes } of timed) {
    const type = bytes[0] & 0xf0;
    const ch = bytes[0] & 0x0f;
    if (type === 0x90 && bytes[2] > 0) on.add(`${ch}:${bytes[1]}`);
    else if (type === 0x80 || type === 0x90) on.delete(`${ch}:${bytes[1]}`);
    else if (type === 0xb0 && bytes[1] === ALL_NOTES_OFF)
      for (const k of [...on]) if (k.startsWith(`${ch}:`)) on.delete(k);
  }
  return [...on];
}

/** A MIDI input the test plays by calling emit(). */
function fakeInput(): MidiInputLike & { emit(bytes: number[], ts: number): void; listeners: number } {
  const ls = new Set<(e: MidiMessageLike) => void>();
  return {
    id: 'in-1',
    name: 'Fake keys',
    addEventListener: (_t, l) => ls.add(l),
    removeEventListener: (_t, l) => ls.delete(l),
    emit(bytes, ts) {
      for (const l of [...ls]) l({ data: new Uint8Array(bytes), timeStamp: ts });
    },
    get listeners() {
      return ls.size;
    },
  };
}

const melody: Clip = {
  id: 'm',
  name: 'tune',
  kind: 'melody',
  qpm: 120, // 125 ms per sixteenth step
  totalQuantizedSteps: 16,
  notes: [
    { pitch: 60, quantizedStartStep: 0, quantizedEndStep: 4, velocity: 100 },
    { pitch: 64, quantizedStartStep: 4, quantizedEndStep: 6, velocity: 90 },
    { pitch: 67, quantizedStartStep: 6, quantizedEndStep: 8 },
    { pitch: 72, quantizedStartStep: 8, quantizedEndStep: 16, velocity: 127 },
  ],
};

describe('clipToMidiEvents', () => {
  it('turns notes into note-on/off bytes at their times on the chosen channel', () => {
    const ev = clipToMidiEvents(melody, 3).map((e) => [e.time, ...e.bytes]);
    expect(ev).toEqual([
      [0, 0x92, 60, 100],
      [500, 0x82, 60, 0],
      [500, 0x92, 64, 90],
      [750, 0x82, 64, 0],
      [750, 0x92, 67, 100], // no velocity: 100
      [1000, 0x82, 67, 0],
      [1000, 0x92, 72, 127],
      [2000, 0x82, 72, 0],
    ]);
  });

  it('puts drums on channel 10 and plays micro-timing offsets', () => {
    const drums: Clip = {
      ...melody,
      kind: 'drums',
      notes: [
        { pitch: 36, quantizedStartStep: 0, quantizedEndStep: 1, velocity: 0, isDrum: true },
        { pitch: 38, quantizedStartStep: 4, quantizedEndStep: 5, velocity: 80, isDrum: true, offset: 0.2 },
      ],
    };
    expect(clipToMidiEvents(drums, 5).map((e) => [e.time, ...e.bytes])).toEqual([
      [0, 0x99, 36, 100], // velocity 0 is Magenta's "unset": 100, as in the .mid export
      [125, 0x89, 36, 0],
      [525, 0x99, 38, 80],
      [650, 0x89, 38, 0],
    ]);
  });

  it('refuses a channel outside 1–16', () => {
    expect(() => clipToMidiEvents(melody, 0)).toThrow(ConfigError);
    expect(() => clipToMidiEvents(melody, 17)).toThrow(/1 to 16/);
  });
});

describe('sendClip', () => {
  it('queues messages a look-ahead at a time with exact timestamps, then ends', async () => {
    const clock = new ManualClock();
    const out = fakeOutput(clock);
    let ended = 0;
    const pb = sendClip(out, melody, { clock, onEnd: () => ended++ });
    const t0 = 1020; // clock 1000 + the 20 ms start delay
    expect(pb.startTime).toBe(t0);
    // Only the first note-on is inside the first 100 ms look-ahead.
    expect(out.sent.map((s) => s.bytes)).toEqual([[0x90, 60, 100]]);
    clock.advance(600);
    expect(out.sent).toHaveLength(3);
    clock.advance(2000);
    expect(out.sent.map((s) => [s.ts! - t0, ...s.bytes])).toEqual(
      clipToMidiEvents(melody).map((e) => [e.time, ...e.bytes]),
    );
    // Nothing was queued more than the look-ahead early, nor late.
    for (const s of out.sent) {
      expect(s.ts! - s.at).toBeLessThanOrEqual(100);
      expect(s.ts! - s.at).toBeGreaterThanOrEqual(0);
    }
    await pb.done;
    expect(pb.playing).toBe(false);
    expect(ended).toBe(1);
    expect(clock.active).toBe(0);
    expect(soundingAfter(out.sent)).toEqual([]);
  });

  it('loops without overlapping passes: note-offs come before note-ons at the loop point', () => {
    const clock = new ManualClock();
    const out = fakeOutput(clock);
    const clip: Clip = {
      ...melody,
      totalQuantizedSteps: 4, // 500 ms
      notes: [
        { pitch: 60, quantizedStartStep: 0, quantizedEndStep: 2, velocity: 100 },
        // Runs past the loop end: cut at 500 ms.
        { pitch: 62, quantizedStartStep: 2, quantizedEndStep: 6, velocity: 100 },
      ],
    };
    const pb = sendClip(out, clip, { loop: true, clock, startDelayMs: 0 });
    clock.advance(1400);
    expect(pb.playing).toBe(true);
    expect(out.sent.map((s) => [s.ts! - 1000, ...s.bytes])).toEqual([
      [0, 0x90, 60, 100],
      [250, 0x80, 60, 0],
      [250, 0x90, 62, 100],
      [500, 0x80, 62, 0],
      [500, 0x90, 60, 100],
      [750, 0x80, 60, 0],
      [750, 0x90, 62, 100],
      [1000, 0x80, 62, 0],
      [1000, 0x90, 60, 100],
      [1250, 0x80, 60, 0],
      [1250, 0x90, 62, 100],
    ]);
    pb.stop();
  });

  it('stop() clears the queue, ends sounding notes, sends All Notes Off and sends nothing more', async () => {
    const clock = new ManualClock();
    const out = fakeOutput(clock);
    let ended = 0;
    const pb = sendClip(out, melody, { loop: true, clock, onEnd: () => ended++ });
    clock.advance(1100); // pitch 72 (1000–2000 ms after t0) is sounding
    const before = out.sent.length;
    pb.stop();
    expect(out.clears()).toBe(1);
    const after = out.sent.slice(before).map((s) => [s.ts, ...s.bytes]);
    expect(after).toEqual([
      [undefined, 0x80, 72, 0],
      [undefined, 0xb0, ALL_NOTES_OFF, 0],
    ]);
    pb.stop();
    clock.advance(3000);
    expect(out.sent.length).toBe(before + 2);
    expect(out.sent.every((s) => s.ts === undefined || s.ts <= clock.now())).toBe(true);
    expect(soundingAfter(out.sent)).toEqual([]);
    await pb.done;
    expect(ended).toBe(1);
    expect(clock.active).toBe(0);
  });

  it('without clear(), stop() also silences notes already queued for later', () => {
    const clock = new ManualClock();
    const out = fakeOutput(clock, false);
    const clip: Clip = {
      ...melody,
      notes: [
        { pitch: 60, quantizedStartStep: 0, quantizedEndStep: 1, velocity: 100 },
        // Starts 40 ms after the moment we stop: already queued by the 100 ms look-ahead.
        { pitch: 65, quantizedStartStep: 1, quantizedEndStep: 8, velocity: 100 },
      ],
    };
    const pb = sendClip(out, clip, { clock, startDelayMs: 0 });
    clock.advance(85);
    expect(out.sent.some((s) => s.bytes[0] === 0x90 && s.bytes[1] === 65)).toBe(true);
    pb.stop();
    // A device that plays everything it was sent, in time order, ends with nothing sounding.
    expect(soundingAfter(out.sent)).toEqual([]);
    const late = out.sent.filter((s) => s.ts !== undefined && s.ts > 1125);
    expect(late.map((s) => s.bytes)).toContainEqual([0xb0, ALL_NOTES_OFF, 0]);
  });

  it('reports an unplugged device and stops', async () => {
    const clock = new ManualClock();
    const out = fakeOutput(clock);
    out.failAfter = 2;
    const errors: MidiError[] = [];
    const pb = sendClip(out, melody, { clock, onError: (e) => errors.push(e) });
    clock.advance(1000);
    await pb.done;
    expect(errors).toHaveLength(1);
    expect(errors[0].kind).toBe('disconnected');
    expect(clock.active).toBe(0);
  });

  it('checks its options', () => {
    const clock = new ManualClock();
    expect(() => sendClip(fakeOutput(clock), melody, { clock, intervalMs: 200 })).toThrow(ConfigError);
    expect(() => sendClip(fakeOutput(clock), melody, { clock, channel: 20 })).toThrow(/channel/);
  });
});

describe('requestMidi', () => {
  function access(outputs: MidiOutputLike[], inputs: MidiInputLike[]) {
    const ls = new Set<() => void>();
    const a: MidiAccessLike & { fire(): void; listeners: number } = {
      outputs: new Map(outputs.map((o) => [o.id, o])),
      inputs: new Map(inputs.map((i) => [i.id, i])),
      addEventListener: (_t, l) => ls.add(l),
      removeEventListener: (_t, l) => ls.delete(l),
      fire: () => ls.forEach((l) => l()),
      get listeners() {
        return ls.size;
      },
    };
    return a;
  }
  const rejectWith = (name: string) => ({
    isSecureContext: true,
    navigator: { requestMIDIAccess: () => Promise.reject(Object.assign(new Error('no'), { name })) },
  });

  it('tells unsupported, insecure, denied and failed apart', async () => {
    expect(midiSupport({ navigator: {}, isSecureContext: true })).toBe('unsupported');
    expect(midiSupport({ navigator: {}, isSecureContext: false })).toBe('insecure');
    const kind = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: MidiError) => e.kind,
      );
    expect(await kind(requestMidi({ navigator: {}, isSecureContext: true }))).toBe('unsupported');
    expect(await kind(requestMidi({ navigator: {}, isSecureContext: false }))).toBe('insecure');
    expect(await kind(requestMidi(rejectWith('SecurityError')))).toBe('denied');
    expect(await kind(requestMidi(rejectWith('NotAllowedError')))).toBe('denied');
    expect(await kind(requestMidi(rejectWith('NotSupportedError')))).toBe('unsupported');
    expect(await kind(requestMidi(rejectWith('AbortError')))).toBe('failed');
  });

  it('lists connected ports, follows hot-plugging and names missing devices', async () => {
    const clock = new ManualClock();
    const out = fakeOutput(clock);
    const gone = { ...fakeOutput(clock), id: 'out-2', name: null, state: 'disconnected' };
    const input = fakeInput();
    const a = access([out, gone], [input]);
    const conn = await requestMidi({
      isSecureContext: true,
      navigator: { requestMIDIAccess: async () => a },
    });
    expect(conn.outputs()).toEqual([{ id: 'out-1', name: 'Fake synth' }]);
    expect(conn.inputs()).toEqual([{ id: 'in-1', name: 'Fake keys' }]);
    expect(conn.output('out-1')).toBe(out);
    let changes = 0;
    const off = conn.onChange(() => changes++);
    a.fire();
    expect(changes).toBe(1);
    off();
    a.fire();
    expect(changes).toBe(1);
    expect(() => conn.output('out-2')).toThrow(expect.objectContaining({ kind: 'disconnected' }));
    conn.dispose();
    conn.dispose();
    expect(a.listeners).toBe(0);

    const empty = await requestMidi({
      isSecureContext: true,
      navigator: { requestMIDIAccess: async () => access([], []) },
    });
    expect(empty.outputs()).toEqual([]);
    expect(() => empty.input('x')).toThrow(expect.objectContaining({ kind: 'no-devices' }));
  });
});

describe('MIDI input', () => {
  it('reads note-on, note-off and note-on with velocity 0; ignores everything else', () => {
    expect(parseMidiMessage([0x91, 60, 99], 5)).toEqual({
      type: 'on',
      pitch: 60,
      velocity: 99,
      channel: 1,
      time: 5,
    });
    expect(parseMidiMessage([0x90, 60, 0], 6)).toMatchObject({ type: 'off', pitch: 60 });
    expect(parseMidiMessage([0x80, 61, 40], 7)).toMatchObject({ type: 'off', pitch: 61, velocity: 0 });
    expect(parseMidiMessage([0xb0, 64, 127], 8)).toBeNull(); // sustain pedal
    expect(parseMidiMessage([0xf8], 9)).toBeNull(); // clock
    expect(parseMidiMessage([0xe0, 0, 64], 9)).toBeNull(); // pitch bend
  });

  it('records played notes into a quantized clip that starts at the first note', () => {
    const input = fakeInput();
    let now = 0;
    const rec = new MidiRecorder(input, { now: () => now });
    input.emit([0x90, 50, 100], 100); // before recording: ignored
    rec.start();
    expect(input.listeners).toBe(1);
    // 120 qpm: a sixteenth is 125 ms. Human timing is a little off the grid.
    input.emit([0x90, 60, 100], 5000);
    input.emit([0xb0, 64, 127], 5010); // pedal: ignored
    input.emit([0x80, 60, 0], 5490); // ends at step 3.92 → 4
    input.emit([0x90, 64, 80], 5530); // step 4.24 → 4
    input.emit([0x90, 64, 0], 5760); // velocity-0 note-on ends it: 6.08 → 6
    input.emit([0x90, 67, 70], 5995); // 7.96 → 8
    input.emit([0x90, 67, 90], 6250); // same key again: ends the first at step 10
    input.emit([0x90, 72, 127], 6500); // 12, very short: 1 step
    input.emit([0x80, 72, 0], 6510);
    now = 7250; // 67 is still held when recording stops: it ends at step 18
    const notes = rec.stop();
    expect(input.listeners).toBe(0);
    input.emit([0x90, 40, 100], 7300); // after stop: ignored
    expect(notes).toHaveLength(5);
    const clip = recordedNotesToClip(notes, 120, { id: 'r', name: 'Recorded' });
    expect(clip).toEqual({
      id: 'r',
      name: 'Recorded',
      kind: 'melody',
      qpm: 120,
      totalQuantizedSteps: 32,
      notes: [
        { pitch: 60, quantizedStartStep: 0, quantizedEndStep: 4, velocity: 100 },
        { pitch: 64, quantizedStartStep: 4, quantizedEndStep: 6, velocity: 80 },
        { pitch: 67, quantizedStartStep: 8, quantizedEndStep: 10, velocity: 70 },
        { pitch: 67, quantizedStartStep: 10, quantizedEndStep: 18, velocity: 90 },
        { pitch: 72, quantizedStartStep: 12, quantizedEndStep: 13, velocity: 127 },
      ],
    });
    // The same performance at 60 qpm has steps twice as long.
    expect(recordedNotesToClip(notes, 60, { id: 'r', name: 'R' }).notes[1]).toMatchObject({
      quantizedStartStep: 2,
      quantizedEndStep: 3,
    });
  });

  it('makes a drum clip from channel 10 and refuses an empty recording', () => {
    const input = fakeInput();
    const rec = new MidiRecorder(input, { now: () => 0 });
    rec.start();
    input.emit([0x99, 36, 110], 1000);
    input.emit([0x89, 36, 0], 1050);
    input.emit([0x99, 42, 60], 1250);
    input.emit([0x89, 42, 0], 1300);
    const clip = recordedNotesToClip(rec.stop(), 120, { id: 'd', name: 'Beat' });
    expect(clip.kind).toBe('drums');
    expect(clip.notes).toEqual([
      { pitch: 36, quantizedStartStep: 0, quantizedEndStep: 1, velocity: 110, isDrum: true },
      { pitch: 42, quantizedStartStep: 2, quantizedEndStep: 3, velocity: 60, isDrum: true },
    ]);
    expect(clip.totalQuantizedSteps).toBe(16);
    rec.start();
    expect(() => recordedNotesToClip(rec.stop(), 120, { id: 'e', name: 'Empty' })).toThrow(InputError);
    rec.dispose();
    rec.dispose();
  });

  it('sends a recorded clip back out with the played pitches', () => {
    const input = fakeInput();
    const rec = new MidiRecorder(input, { now: () => 0 });
    rec.start();
    [62, 65, 69].forEach((p, i) => {
      input.emit([0x90, p, 100], 2000 + i * 500);
      input.emit([0x80, p, 0], 2400 + i * 500);
    });
    const clip = recordedNotesToClip(rec.stop(), 120, { id: 'x', name: 'x' });
    const clock = new ManualClock();
    const out = fakeOutput(clock);
    sendClip(out, clip, { clock, startDelayMs: 0 });
    clock.advance(4000);
    const ons = out.sent.filter((s) => s.bytes[0] === 0x90).map((s) => [s.ts! - 1000, s.bytes[1]]);
    expect(ons).toEqual([
      [0, 62],
      [500, 65],
      [1000, 69],
    ]);
  });
});
