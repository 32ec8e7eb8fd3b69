'use client';
// Microphone capture for any studio: chosen input, raw sound resampled to 16 kHz in chunks, and a level.
import { AUDIO_SAMPLE_RATE, rms, StreamingResampler, toDb } from '@/lib/audio';

/** Why the microphone could not start, for a friendly message. */
export type MicrophoneErrorKind = 'denied' | 'not-found' | 'unsupported' | 'other';

/** Thrown by {@link MicrophoneCapture.start}. */
export class MicrophoneError extends Error {
  readonly kind: MicrophoneErrorKind;
  constructor(kind: MicrophoneErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Receives each new chunk of mono samples at 16 kHz. */
export type ChunkListener = (samples: Float32Array) => void;

// The worklet (public/worklets/cais-tap.js) runs on the audio thread and posts blocks of ~2048
// samples. It is a file of our origin: the Content-Security-Policy (script-src 'self') refuses a
// worklet from a blob: URL, and recording then never started.
const TAP_URL = '/worklets/cais-tap.js';

/** The audio inputs the browser reports (labels appear once permission is granted). */
export async function listMicrophones(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput');
}

/**
 * One running microphone. `start` asks for permission and begins delivering 16 kHz chunks to
 * listeners; `stop` releases the device (the browser's recording light goes off).
 */
export class MicrophoneCapture {
  private stream: MediaStream | null = null;
  private ctx: AudioContext | null = null;
  private node: AudioWorkletNode | null = null;
  private resampler: StreamingResampler | null = null;
  private readonly listeners = new Set<ChunkListener>();
  /** Loudness of the latest chunk, in dB full scale (−Infinity for silence). */
  levelDb = -Infinity;
  /** The device id in use. */
  deviceId: string | undefined;

  get running(): boolean {
    return this.stream !== null;
  }

  /** Adds a listener; returns a function that removes it. */
  onChunk(listener: ChunkListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts (or restarts with another device). Call from a click: browsers only allow sound after a gesture. */
  async start(deviceId?: string): Promise<void> {
    await this.stop();
    if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === 'undefined') {
      throw new MicrophoneError('unsupported', 'This browser cannot record sound.');
    }
    try {
      // Processing meant for calls (echo cancellation, noise suppression, automatic gain) would
      // change the very sounds we want to learn, so it is turned off.
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: {
          deviceId: deviceId ? { exact: deviceId } : undefined,
          echoCancellation: false,
          noiseSuppression: false,
          autoGainControl: false,
        },
      });
    } catch (e) {
      const name = e instanceof DOMException ? e.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError')
        throw new MicrophoneError('denied', String(e));
      if (name === 'NotFoundError' || name === 'OverconstrainedError')
        throw new MicrophoneError('not-found', String(e));
      throw new MicrophoneError('other', String(e));
    }
    this.deviceId = this.stream.getAudioTracks()[0]?.getSettings().deviceId ?? deviceId;
    const ctx = new AudioContext();
    this.ctx = ctx;
    await ctx.audioWorklet.addModule(TAP_URL);
    const source = ctx.createMediaStreamSource(this.stream);
    const node = new AudioWorkletNode(ctx, 'cais-tap', { numberOfOutputs: 1 });
    this.node = node;
    this.resampler = new StreamingResampler(ctx.sampleRate, AUDIO_SAMPLE_RATE);
    node.port.onmessage = (ev: MessageEvent<Float32Array>) => {
      if (!this.resampler) return;
      const chunk = this.resampler.push(ev.data);
      this.levelDb = toDb(rms(ev.data));
      if (chunk.length) for (const l of this.listeners) l(chunk);
    };
    // The tap must reach the destination or Chromium may never run it; a zero gain keeps it silent.
    const mute = ctx.createGain();
    mute.gain.value = 0;
    source.connect(node).connect(mute).connect(ctx.destination);
    await ctx.resume();
  }

  /** Stops the device and the audio graph; safe to call twice. */
  async stop(): Promise<void> {
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    if (this.node) this.node.port.onmessage = null;
    this.node = null;
    this.resampler = null;
    this.levelDb = -Infinity;
    const ctx = this.ctx;
    this.ctx = null;
    if (ctx && ctx.state !== 'closed') await ctx.close();
  }
}
