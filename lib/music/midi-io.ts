// Web MIDI in and out: feature detection with clear error kinds, device lists that follow hot-plugging,
// a look-ahead scheduler that sends a clip to an output, and a recorder that turns played notes into a clip.
import { ConfigError, InputError, StudioError } from '../errors';
import { DRUM_CHANNEL, STEPS_PER_BAR } from './music-constants';
import { lastStep, noteTimes, secondsPerStep } from './sequences';
import type { Clip, Note } from './types';

/** Why MIDI cannot be used; the UI turns each kind into its own translated message. */
export type MidiErrorKind =
  /** The browser has no Web MIDI (Firefox before 108 without the add-on, Safari). */
  | 'unsupported'
  /** Web MIDI exists only on https pages (and localhost); this page is plain http. */
  | 'insecure'
  /** The person (or a browser policy) said no to MIDI access. */
  | 'denied'
  /** MIDI works, but no device of the needed kind is connected. */
  | 'no-devices'
  /** The chosen device was unplugged. */
  | 'disconnected'
  /** Anything else the browser reported. */
  | 'failed';

/** A Web MIDI problem with a kind the UI can translate and an English message for logs. */
export class MidiError extends StudioError {
  readonly kind: MidiErrorKind;
  constructor(kind: MidiErrorKind, message: string) {
    super(`midi-${kind}`, message);
    this.kind = kind;
  }
}

/** What the studio needs of a MIDI port (a real `MIDIPort` or a test's fake). */
export interface MidiPortLike {
  readonly id: string;
  readonly name?: string | null;
  readonly manufacturer?: string | null;
  /** 'connected' or 'disconnected'; disconnected ports are left out of the lists. */
  readonly state?: string;
}

/** What the studio needs of a `MIDIOutput`. */
export interface MidiOutputLike extends MidiPortLike {
  /** Queues bytes; `timestamp` is in `performance.now()` milliseconds (omitted: now). */
  send(data: number[], timestamp?: number): void;
  /** Drops everything queued and not yet sent (missing in some browsers). */
  clear?(): void;
}

/** The part of a `MIDIMessageEvent` the recorder reads. */
export interface MidiMessageLike {
  readonly data: Uint8Array | null;
  /** When the message arrived, in `performance.now()` milliseconds. */
  readonly timeStamp: number;
}

/** What the studio needs of a `MIDIInput`. */
export interface MidiInputLike extends MidiPortLike {
  addEventListener(type: 'midimessage', listener: (event: MidiMessageLike) => void): void;
  removeEventListener(type: 'midimessage', listener: (event: MidiMessageLike) => void): void;
  /** Opens the port; Chrome opens it implicitly only for `onmidimessage`, so we call this too. */
  open?(): Promise<unknown>;
}

/** A read-only map of ports, as `MIDIInputMap` / `MIDIOutputMap`. */
export interface MidiPortMapLike<P> {
  forEach(callback: (port: P, key: string) => void): void;
}

/** What the studio needs of a `MIDIAccess`. */
export interface MidiAccessLike {
  readonly inputs: MidiPortMapLike<MidiInputLike>;
  readonly outputs: MidiPortMapLike<MidiOutputLike>;
  addEventListener(type: 'statechange', listener: () => void): void;
  removeEventListener(type: 'statechange', listener: () => void): void;
}

/** Where Web MIDI is looked for: the browser's globals by default, a fake in tests. */
export interface MidiEnvironment {
  navigator?: { requestMIDIAccess?: (options?: { sysex?: boolean }) => Promise<MidiAccessLike> };
  isSecureContext?: boolean;
}

/** A port as the UI lists it. */
export interface MidiPortInfo {
  id: string;
  /** The device's name, or its id when the device gives none. */
  name: string;
}

function browserEnvironment(): MidiEnvironment {
  const g = globalThis as unknown as MidiEnvironment;
  return { navigator: g.navigator, isSecureContext: g.isSecureContext };
}

/**
 * Whether this page can ask for MIDI at all, without asking (no permission prompt): 'insecure' on a
 * plain-http page (Web MIDI is a secure-context API, so it is missing there), 'unsupported' when the
 * browser has no Web MIDI.
 */
export function midiSupport(
  env: MidiEnvironment = browserEnvironment(),
): 'supported' | 'unsupported' | 'insecure' {
  if (typeof env.navigator?.requestMIDIAccess === 'function') return 'supported';
  return env.isSecureContext === false ? 'insecure' : 'unsupported';
}

/**
 * Asks the browser for MIDI access (call it from a click: browsers may show a prompt). Resolves to a
 * {@link MidiConnection}; rejects with a {@link MidiError} whose kind says why not. System-exclusive
 * messages are not requested, so most browsers grant access without a prompt.
 */
export async function requestMidi(env: MidiEnvironment = browserEnvironment()): Promise<MidiConnection> {
  const support = midiSupport(env);
  if (support === 'insecure')
    throw new MidiError('insecure', 'Web MIDI needs a secure page (https or localhost).');
  if (support === 'unsupported') throw new MidiError('unsupported', 'This browser has no Web MIDI.');
  let access: MidiAccessLike;
  try {
    access = await env.navigator!.requestMIDIAccess!({ sysex: false });
  } catch (e) {
    const name = (e as { name?: string }).name;
    const message = (e as Error).message ?? String(e);
    if (name === 'SecurityError' || name === 'NotAllowedError')
      throw new MidiError('denied', `MIDI access was denied: ${message}`);
    if (name === 'NotSupportedError')
      throw new MidiError('unsupported', `Web MIDI is not supported: ${message}`);
    throw new MidiError('failed', `MIDI access failed: ${message}`);
  }
  return new MidiConnection(access);
}

function listPorts<P extends MidiPortLike>(map: MidiPortMapLike<P>): P[] {
  const out: P[] = [];
  map.forEach((p) => {
    if (p.state !== 'disconnected') out.push(p);
  });
  return out;
}

/** Granted MIDI access: current inputs and outputs, and a change callback for hot-plugging. */
export class MidiConnection {
  private readonly listeners = new Set<() => void>();
  private readonly onState = () => this.listeners.forEach((l) => l());
  private disposed = false;

  constructor(private readonly access: MidiAccessLike) {
    access.addEventListener('statechange', this.onState);
  }

  /** Connected outputs, in the browser's order. */
  outputs(): MidiPortInfo[] {
    return listPorts(this.access.outputs).map(info);
  }

  /** Connected inputs, in the browser's order. */
  inputs(): MidiPortInfo[] {
    return listPorts(this.access.inputs).map(info);
  }

  /** The connected output with this id; throws a MidiError ('no-devices' or 'disconnected') otherwise. */
  output(id: string): MidiOutputLike {
    return pick(listPorts(this.access.outputs), id, 'output');
  }

  /** The connected input with this id; throws a MidiError ('no-devices' or 'disconnected') otherwise. */
  input(id: string): MidiInputLike {
    return pick(listPorts(this.access.inputs), id, 'input');
  }

  /** Calls `listener` whenever a device is plugged in, unplugged, opened or closed. Returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following device changes. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.listeners.clear();
    this.access.removeEventListener('statechange', this.onState);
  }
}

function info(p: MidiPortLike): MidiPortInfo {
  return { id: p.id, name: p.name || p.id };
}

function pick<P extends MidiPortLike>(ports: P[], id: string, what: string): P {
  const port = ports.find((p) => p.id === id);
  if (port) return port;
  if (!ports.length) throw new MidiError('no-devices', `No MIDI ${what} device is connected.`);
  throw new MidiError('disconnected', `The MIDI ${what} "${id}" is no longer connected.`);
}

// ---------------------------------------------------------------------------------------------------
// Output: sending a clip

/** One MIDI message of a clip, at a time in milliseconds from the clip start. */
export interface MidiEvent {
  time: number;
  bytes: [number, number, number];
  kind: 'on' | 'off';
  /** For note-ons: when the matching note-off is due, in ms from the clip start. */
  offTime?: number;
}

/** Clocks and timers; the browser's by default, a hand-driven one in tests. */
export interface MidiClock {
  /** Milliseconds on the same clock as `MIDIOutput.send` timestamps (`performance.now()`). */
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Options of {@link sendClip}. */
export interface SendClipOptions {
  /** Repeat the clip until stopped. Defaults to false. */
  loop?: boolean;
  /** MIDI channel 1–16 for melody notes; drum notes always use channel 10. Defaults to 1. */
  channel?: number;
  /** How far ahead messages are queued, in ms. Defaults to 100. */
  lookAheadMs?: number;
  /** How often the scheduler wakes, in ms (less than the look-ahead). Defaults to 25. */
  intervalMs?: number;
  /** Delay before the first note, in ms, so it is not already late. Defaults to 20. */
  startDelayMs?: number;
  clock?: MidiClock;
  /** Called once when playback ends by itself, is stopped, or fails. */
  onEnd?: () => void;
  /** Called when the device fails (for example, it was unplugged); playback has then ended. */
  onError?: (error: MidiError) => void;
}

/** A clip being sent; `stop()` silences it at once. */
export interface MidiPlayback {
  /** Stops scheduling, drops queued messages, ends sounding notes and sends All Notes Off. Safe twice. */
  stop(): void;
  /** Resolves when playback has ended (by itself, by `stop()` or by an error). */
  readonly done: Promise<void>;
  readonly playing: boolean;
  /** `performance.now()` time of the clip's step 0, in ms. */
  readonly startTime: number;
}

/** Default look-ahead scheduling: queue 100 ms ahead, wake every 25 ms (as in "A Tale of Two Clocks"). */
export const MIDI_LOOK_AHEAD_MS = 100;
export const MIDI_INTERVAL_MS = 25;
/** MIDI controller number of "All Notes Off". */
export const ALL_NOTES_OFF = 123;

const browserClock: MidiClock = {
  now: () => performance.now(),
  setInterval: (cb, ms) => setInterval(cb, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

function clampVelocity(v: number | undefined): number {
  // 0 or missing is Magenta's "unset" (as in clipToMidi): 100. A note-on must never carry 0 (note-off).
  return Math.min(127, Math.max(1, Math.round(v || 100)));
}

/** Length of one pass of a clip (its total steps; its last note's end if it has none) in ms. */
export function clipDurationMs(clip: Pick<Clip, 'notes' | 'totalQuantizedSteps' | 'qpm'>): number {
  const steps = clip.totalQuantizedSteps > 0 ? clip.totalQuantizedSteps : lastStep(clip.notes);
  return steps * secondsPerStep(clip.qpm) * 1000;
}

/**
 * The note-on and note-off messages of a clip, sorted by time (note-offs first at equal times, so a
 * repeated note is cut and struck again). Drum notes (or every note of a drum clip) go to channel 10
 * (status 0x99 / 0x89), the rest to `channel` (1–16). With `loopMs`, notes starting at or after it
 * are dropped and note-offs are cut there, so passes of a loop never overlap.
 */
export function clipToMidiEvents(
  clip: Pick<Clip, 'notes' | 'qpm' | 'kind'>,
  channel = 1,
  loopMs?: number,
): MidiEvent[] {
  if (!Number.isInteger(channel) || channel < 1 || channel > 16)
    throw new ConfigError('channel', channel, 'a whole number from 1 to 16');
  if (!(clip.qpm > 0)) throw new ConfigError('qpm', clip.qpm, 'a tempo above 0');
  const events: MidiEvent[] = [];
  for (const n of clip.notes) {
    const ch = (n.isDrum ?? clip.kind === 'drums') ? DRUM_CHANNEL : channel - 1;
    const { start, end } = noteTimes(n, clip.qpm);
    let on = start * 1000;
    let off = end * 1000;
    if (loopMs !== undefined) {
      if (on >= loopMs) continue;
      off = Math.min(off, loopMs);
    }
    on = round3(on);
    off = round3(off);
    const pitch = n.pitch & 0x7f;
    events.push({ time: on, bytes: [0x90 | ch, pitch, clampVelocity(n.velocity)], kind: 'on', offTime: off });
    events.push({ time: off, bytes: [0x80 | ch, pitch, 0], kind: 'off' });
  }
  return events.sort(byTime);
}

function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function byTime(a: { time: number; kind: string }, b: { time: number; kind: string }): number {
  return a.time - b.time || (a.kind === b.kind ? 0 : a.kind === 'off' ? -1 : 1);
}

function positive(field: string, v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) throw new ConfigError(field, v, 'a number of milliseconds above 0');
  return v;
}

/**
 * Sends a clip to a MIDI output. Messages are queued with `output.send(bytes, timestamp)` a short
 * look-ahead at a time (not all at once), so long clips and loops cost little and `stop()` takes
 * effect at once. Times come from {@link noteTimes}, so micro-timing offsets are played.
 */
export function sendClip(
  output: MidiOutputLike,
  clip: Pick<Clip, 'notes' | 'qpm' | 'kind' | 'totalQuantizedSteps'>,
  options: SendClipOptions = {},
): MidiPlayback {
  const clock = options.clock ?? browserClock;
  const lookAhead = positive('lookAheadMs', options.lookAheadMs ?? MIDI_LOOK_AHEAD_MS);
  const interval = positive('intervalMs', options.intervalMs ?? MIDI_INTERVAL_MS);
  if (interval >= lookAhead)
    throw new ConfigError(
      'intervalMs',
      interval,
      `less than lookAheadMs (${lookAhead}), or notes arrive late`,
    );
  const startDelay = options.startDelayMs ?? 20;
  if (!(startDelay >= 0)) throw new ConfigError('startDelayMs', startDelay, 'a number of milliseconds ≥ 0');
  const period = clipDurationMs(clip);
  const loop = Boolean(options.loop) && period > 0;
  const events = clipToMidiEvents(clip, options.channel ?? 1, loop ? period : undefined);
  const channels = [...new Set(events.map((e) => e.bytes[0] & 0x0f))].sort((a, b) => a - b);
  const lastTime = events.length ? events[events.length - 1].time : 0;

  const t0 = clock.now() + startDelay;
  /** Everything before this (ms from t0) has been queued. */
  let scheduledUntil = 0;
  let next = 0;
  /** Notes queued to start, with the absolute time their note-off is due. */
  let sounding: { status: number; pitch: number; offAt: number }[] = [];
  let playing = true;
  let handle: unknown = null;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));

  const end = () => {
    playing = false;
    if (handle !== null) clock.clearInterval(handle);
    handle = null;
    resolveDone();
    options.onEnd?.();
  };

  const fail = (e: unknown) => {
    end();
    options.onError?.(
      new MidiError(
        'disconnected',
        `Sending to the MIDI device failed: ${(e as Error).message ?? String(e)}`,
      ),
    );
  };

  const due = (from: number, to: number): { time: number; e: MidiEvent }[] => {
    const out: { time: number; e: MidiEvent }[] = [];
    if (!loop) {
      while (next < events.length && events[next].time < to) {
        out.push({ time: events[next].time, e: events[next] });
        next++;
      }
      return out;
    }
    // Pass k plays at k·period; the pass before may still have note-offs due at this pass's start.
    for (let k = Math.max(0, Math.floor(from / period) - 1); k * period < to; k++) {
      for (const e of events) {
        const time = e.time + k * period;
        if (time >= from && time < to) out.push({ time, e });
      }
    }
    return out.sort((a, b) => byTime({ time: a.time, kind: a.e.kind }, { time: b.time, kind: b.e.kind }));
  };

  const tick = () => {
    if (!playing) return;
    const now = clock.now();
    const horizon = now - t0 + lookAhead;
    if (horizon > scheduledUntil) {
      const batch = due(scheduledUntil, horizon);
      scheduledUntil = horizon;
      try {
        for (const { time, e } of batch) {
          output.send([...e.bytes], t0 + time);
          if (e.kind === 'on')
            sounding.push({
              status: 0x80 | (e.bytes[0] & 0x0f),
              pitch: e.bytes[1],
              offAt: t0 + time - e.time + (e.offTime ?? e.time),
            });
        }
      } catch (err) {
        fail(err);
        return;
      }
      // Notes whose note-off has already gone out can no longer hang.
      sounding = sounding.filter((s) => s.offAt >= now);
    }
    if (!loop && next >= events.length && now >= t0 + lastTime) end();
  };

  const stop = () => {
    if (!playing) return;
    const now = clock.now();
    const hanging = new Map<string, [number, number]>();
    for (const s of sounding) if (s.offAt >= now) hanging.set(`${s.status}:${s.pitch}`, [s.status, s.pitch]);
    const silence = (timestamp?: number) => {
      const messages = [
        ...[...hanging.values()].map(([status, pitch]) => [status, pitch, 0]),
        ...channels.map((ch) => [0xb0 | ch, ALL_NOTES_OFF, 0]),
      ];
      for (const bytes of messages) {
        if (timestamp === undefined) output.send(bytes);
        else output.send(bytes, timestamp);
      }
    };
    try {
      if (typeof output.clear === 'function') {
        output.clear();
        silence();
      } else {
        // Without clear(), queued note-ons still play: silence now, and again after the last queued one.
        silence();
        silence(t0 + scheduledUntil);
      }
    } catch {
      // The device is gone; nothing more can be sent to it, and nothing sounds on it any more.
    }
    end();
  };

  handle = clock.setInterval(tick, interval);
  tick();

  return {
    stop,
    done,
    get playing() {
      return playing;
    },
    startTime: t0,
  };
}

// ---------------------------------------------------------------------------------------------------
// Input: listening and recording

/** A note-on or note-off read from a MIDI input. */
export interface MidiNoteMessage {
  type: 'on' | 'off';
  pitch: number;
  /** 1–127 for note-on, 0 for note-off. */
  velocity: number;
  /** 0–15 (9 is the General MIDI drum channel, "channel 10"). */
  channel: number;
  /** When it happened, in `performance.now()` ms. */
  time: number;
}

/**
 * Reads a note-on / note-off from one MIDI message; anything else (controllers, clock, pitch bend,
 * system messages) gives null. A note-on with velocity 0 is a note-off, as the MIDI standard says.
 * Web MIDI delivers whole messages with the status byte filled in, so running status never appears.
 */
export function parseMidiMessage(
  data: ArrayLike<number> | null | undefined,
  time: number,
): MidiNoteMessage | null {
  if (!data || data.length < 3) return null;
  const type = data[0] & 0xf0;
  const channel = data[0] & 0x0f;
  const pitch = data[1] & 0x7f;
  const velocity = data[2] & 0x7f;
  if (type === 0x90 && velocity > 0) return { type: 'on', pitch, velocity, channel, time };
  if (type === 0x80 || type === 0x90) return { type: 'off', pitch, velocity: 0, channel, time };
  return null;
}

/** Calls `onNote` for every note-on / note-off the input receives. Returns a function that stops listening. */
export function listenToInput(input: MidiInputLike, onNote: (message: MidiNoteMessage) => void): () => void {
  const listener = (event: MidiMessageLike) => {
    const m = parseMidiMessage(event.data, event.timeStamp);
    if (m) onNote(m);
  };
  input.addEventListener('midimessage', listener);
  void input.open?.().catch(() => undefined);
  return () => input.removeEventListener('midimessage', listener);
}

/** A played note, with times in `performance.now()` ms. */
export interface RecordedNote {
  pitch: number;
  velocity: number;
  channel: number;
  start: number;
  end: number;
}

/**
 * Records what is played on a MIDI input. `start()` begins listening, `stop()` ends it (notes still
 * held are ended at that moment) and returns the notes; {@link recordedNotesToClip} makes a clip of them.
 */
export class MidiRecorder {
  private held = new Map<string, { pitch: number; velocity: number; channel: number; start: number }>();
  private done: RecordedNote[] = [];
  private unlisten: (() => void) | null = null;
  private readonly now: () => number;

  constructor(
    private readonly input: MidiInputLike,
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether it is listening now. */
  get recording(): boolean {
    return this.unlisten !== null;
  }

  /** Finished notes so far, in the order they ended. */
  get notes(): readonly RecordedNote[] {
    return this.done;
  }

  /** Forgets earlier notes and starts listening. */
  start(): void {
    this.stopListening();
    this.held.clear();
    this.done = [];
    this.unlisten = listenToInput(this.input, (m) => this.take(m));
  }

  /** Stops listening, ends held notes now, and returns every recorded note sorted by start. */
  stop(): RecordedNote[] {
    if (!this.recording) return [...this.done];
    this.stopListening();
    const now = this.now();
    for (const h of this.held.values()) this.done.push({ ...h, end: Math.max(h.start, now) });
    this.held.clear();
    return [...this.done].sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  }

  /** Stops listening and forgets the notes. Safe to call twice. */
  dispose(): void {
    this.stopListening();
    this.held.clear();
    this.done = [];
  }

  private stopListening() {
    this.unlisten?.();
    this.unlisten = null;
  }

  private take(m: MidiNoteMessage) {
    const key = `${m.channel}:${m.pitch}`;
    const held = this.held.get(key);
    // A new note-on of a held key ends the earlier note there.
    if (held) {
      this.done.push({ ...held, end: Math.max(held.start, m.time) });
      this.held.delete(key);
    }
    if (m.type === 'on')
      this.held.set(key, { pitch: m.pitch, velocity: m.velocity, channel: m.channel, start: m.time });
  }
}

/**
 * Turns recorded notes into a quantized clip at `qpm`: time 0 is the first note, times snap to the
 * nearest sixteenth step, every note lasts at least one step, velocities are kept, and the length is
 * rounded up to whole bars. Notes all on channel 10 make a drum clip. Throws an InputError when no
 * note was played.
 */
export function recordedNotesToClip(
  notes: readonly RecordedNote[],
  qpm: number,
  meta: { id: string; name: string },
): Clip {
  if (!(qpm > 0)) throw new ConfigError('qpm', qpm, 'a tempo above 0');
  if (!notes.length) throw new InputError('No notes were played while recording.', meta.name);
  const stepMs = secondsPerStep(qpm) * 1000;
  const origin = Math.min(...notes.map((n) => n.start));
  const drums = notes.every((n) => n.channel === DRUM_CHANNEL);
  const byKey = new Map<string, Note>();
  for (const n of notes) {
    const start = Math.round((n.start - origin) / stepMs);
    const end = Math.max(start + 1, Math.round((n.end - origin) / stepMs));
    const note: Note = {
      pitch: n.pitch,
      quantizedStartStep: start,
      quantizedEndStep: end,
      velocity: n.velocity,
      ...(drums ? { isDrum: true } : {}),
    };
    // Two strikes of one key that snap to the same step become one note (the longer).
    const key = `${n.pitch}:${start}`;
    const prev = byKey.get(key);
    if (!prev || prev.quantizedEndStep < end) byKey.set(key, note);
  }
  const out = [...byKey.values()].sort(
    (a, b) => a.quantizedStartStep - b.quantizedStartStep || a.pitch - b.pitch,
  );
  return {
    id: meta.id,
    name: meta.name,
    kind: drums ? 'drums' : 'melody',
    notes: out,
    totalQuantizedSteps: Math.max(1, Math.ceil(lastStep(out) / STEPS_PER_BAR)) * STEPS_PER_BAR,
    qpm,
  };
}
