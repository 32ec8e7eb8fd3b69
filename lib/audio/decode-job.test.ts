import { describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import { MAX_AUDIO_SECONDS } from '../files/constants';
import { FileError } from '../files/errors';
import { isCancelled } from '../files/off-thread';
import { makeWav } from '../files/test-files';
import { AUDIO_SAMPLE_RATE } from './constants';
import { decodeSoundJob, decodeSoundOffThread } from './decode-job';
import { RESAMPLE_PROGRESS_EVERY, resample, toMono } from './resample';
import { decodeWav } from './wav';

/** A 16-bit stereo WAV of a 440 Hz tone (left) and silence (right). */
function toneWav(seconds: number, rate = 48000): Uint8Array {
  const wav = makeWav(seconds, rate, 2);
  const v = new DataView(wav.buffer);
  const frames = Math.round(seconds * rate);
  for (let i = 0; i < frames; i++)
    v.setInt16(44 + i * 4, Math.round(16000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  return wav;
}

/** A copy of the bytes as their own ArrayBuffer (what the page hands the worker). */
const bufferOf = (b: Uint8Array) => b.slice().buffer;

describe('decodeSoundJob (the sound worker)', () => {
  it('turns a stereo 48 kHz WAV into the 16 kHz mono samples the main thread used to compute', () => {
    const wav = toneWav(2);
    const seen: [number, number][] = [];
    const out = decodeSoundJob({ kind: 'wav', name: 't.wav', bytes: bufferOf(wav) }, (d, t) =>
      seen.push([d, t]),
    );
    const decoded = decodeWav(wav, 't.wav');
    expect(out).toEqual(resample(toMono(decoded.channels), 48000, AUDIO_SAMPLE_RATE));
    expect(out.length).toBe(2 * AUDIO_SAMPLE_RATE);
    // Half the tone's amplitude: the silent right channel is averaged in.
    const peak = out.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    expect(peak).toBeGreaterThan(0.2);
    expect(peak).toBeLessThan(0.3);
    expect(seen[0]).toEqual([RESAMPLE_PROGRESS_EVERY, out.length]);
    expect(seen[seen.length - 1]).toEqual([out.length, out.length]);
  });

  it('reads channels the browser decoded the same way as the WAV', () => {
    const wav = toneWav(1, 44100);
    const { channels, sampleRate } = decodeWav(wav);
    const fromChannels = decodeSoundJob({ kind: 'channels', name: 'c.ogg', channels, sampleRate });
    expect(fromChannels).toEqual(decodeSoundJob({ kind: 'wav', name: 'c.wav', bytes: bufferOf(wav) }));
    expect(fromChannels.length).toBe(AUDIO_SAMPLE_RATE);
  });

  it('hands back a copy when the sound is already 16 kHz mono', () => {
    const mono = new Float32Array(AUDIO_SAMPLE_RATE).fill(0.5);
    const out = decodeSoundJob({
      kind: 'channels',
      name: 'm.wav',
      channels: [mono],
      sampleRate: AUDIO_SAMPLE_RATE,
    });
    expect(out).toEqual(mono);
    expect(out).not.toBe(mono);
  });

  it('refuses a sound longer than the limit, and one with no samples', () => {
    const long = new Float32Array(8000 * (MAX_AUDIO_SECONDS + 1));
    let err: unknown;
    try {
      decodeSoundJob({ kind: 'channels', name: 'long.ogg', channels: [long], sampleRate: 8000 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).key).toBe('files.audio.tooLong');
    expect(() => decodeSoundJob({ kind: 'wav', name: 'e.wav', bytes: bufferOf(makeWav(0)) })).toThrow(
      /"e.wav" contains no sound/,
    );
    expect(() => decodeSoundJob({ kind: 'wav', name: 'x.wav', bytes: bufferOf(new Uint8Array(20)) })).toThrow(
      InputError,
    );
  });
});

describe('decodeSoundOffThread', () => {
  it('runs here where workers are missing, with progress up to 1', async () => {
    const fractions: number[] = [];
    const out = await decodeSoundOffThread(
      { kind: 'wav', name: 't.wav', bytes: bufferOf(toneWav(1)) },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(out.length).toBe(AUDIO_SAMPLE_RATE);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('is cancelled before it starts when the signal has aborted', async () => {
    const c = new AbortController();
    c.abort();
    const err = await decodeSoundOffThread(
      { kind: 'wav', name: 't.wav', bytes: bufferOf(toneWav(1)) },
      { signal: c.signal },
    ).catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
  });
});
