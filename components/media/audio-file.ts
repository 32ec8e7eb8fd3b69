'use client';
// Sound files and playback in the browser: decode any format the browser knows, to 16 kHz mono; play samples.
import { AUDIO_SAMPLE_RATE, resample, toMono } from '@/lib/audio';
import { InputError } from '@/lib/errors';
import { FileError, MAX_AUDIO_SECONDS, checkAudioBlob } from '@/lib/files';

/** The rate files are decoded at before lib/audio resamples them (most files are 44.1 or 48 kHz). */
const DECODE_RATE = 48000;

/**
 * Decodes a sound file (WAV, MP3, OGG, WebM, M4A, FLAC: whatever this browser supports) into mono
 * samples at 16 kHz. Throws InputError naming the file when it is not a sound the browser can read,
 * and FileError (lib/files) when it is over the size or length limit.
 */
export async function decodeAudioFile(file: Blob & { name?: string }): Promise<Float32Array> {
  const name = file.name ?? 'file';
  // Size, and a WAV's length from its header, are checked before a byte is decoded.
  await checkAudioBlob(file, name);
  const bytes = await file.arrayBuffer();
  const ctx = new OfflineAudioContext(1, 1, DECODE_RATE);
  let buffer: AudioBuffer;
  try {
    buffer = await ctx.decodeAudioData(bytes);
  } catch {
    throw new InputError(`"${name}" is not a sound this browser can read.`, name);
  }
  if (buffer.length === 0) throw new InputError(`"${name}" contains no sound.`, name);
  // Formats without a length in the header (MP3, OGG …) are checked once decoded, before resampling.
  if (buffer.duration > MAX_AUDIO_SECONDS)
    throw new FileError('files.audio.tooLong', {
      name,
      minutes: (buffer.duration / 60).toFixed(1),
      max: MAX_AUDIO_SECONDS / 60,
    });
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  return resample(toMono(channels), buffer.sampleRate, AUDIO_SAMPLE_RATE);
}

let playbackContext: AudioContext | null = null;
let current: AudioBufferSourceNode | null = null;

/** Plays mono samples (default 16 kHz), stopping whatever this function played before. Resolves when done. */
export function playSamples(samples: Float32Array, sampleRate = AUDIO_SAMPLE_RATE): Promise<void> {
  playbackContext ??= new AudioContext();
  const ctx = playbackContext;
  current?.stop();
  const buffer = ctx.createBuffer(1, samples.length, sampleRate);
  buffer.copyToChannel(new Float32Array(samples), 0);
  const src = ctx.createBufferSource();
  src.buffer = buffer;
  src.connect(ctx.destination);
  current = src;
  return new Promise((resolve) => {
    src.onended = () => {
      if (current === src) current = null;
      resolve();
    };
    void ctx.resume().then(() => src.start());
  });
}
