'use client';
// Sound files and playback in the browser: decode any format the browser knows, to 16 kHz mono; play samples.
import { AUDIO_SAMPLE_RATE, decodeSoundOffThread } from '@/lib/audio';
import { InputError } from '@/lib/errors';
import {
  FileError,
  MAX_AUDIO_SECONDS,
  type OffThreadOptions,
  cancelledError,
  checkAudioBlob,
} from '@/lib/files';

/** The rate files are decoded at before lib/audio resamples them (most files are 44.1 or 48 kHz). */
const DECODE_RATE = 48000;

/**
 * Decodes a sound file (WAV, MP3, OGG, WebM, M4A, FLAC: whatever this browser supports) into mono
 * samples at 16 kHz. WAV files are parsed in the sound worker; other formats are decoded by the
 * browser (decodeAudioData, itself off the main thread) and then mixed down and resampled in the
 * worker, so a long file never freezes the page. Throws InputError naming the file when it is not a
 * sound the browser can read, FileError (lib/files) when it is over the size or length limit, and
 * FileError 'files.cancelled' when `options.signal` aborts.
 */
export async function decodeAudioFile(
  file: Blob & { name?: string },
  options: OffThreadOptions = {},
): Promise<Float32Array> {
  const name = file.name ?? 'file';
  const { signal } = options;
  // Size, and a WAV's length from its header, are checked before a byte is decoded.
  await checkAudioBlob(file, name);
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (isWav(head)) {
    try {
      return await decodeSoundOffThread({ kind: 'wav', name, bytes: await file.arrayBuffer() }, options);
    } catch (e) {
      // A WAV encoding lib/audio does not read (ADPCM, μ-law …): the browser may; other errors stand.
      if (e instanceof FileError || !(e instanceof InputError)) throw e;
    }
  }
  if (signal?.aborted) throw cancelledError(name);
  const bytes = await file.arrayBuffer();
  const ctx = new OfflineAudioContext(1, 1, DECODE_RATE);
  let buffer: AudioBuffer;
  try {
    buffer = await ctx.decodeAudioData(bytes);
  } catch {
    throw new InputError(`"${name}" is not a sound this browser can read.`, name);
  }
  if (signal?.aborted) throw cancelledError(name);
  if (buffer.length === 0) throw new InputError(`"${name}" contains no sound.`, name);
  // Formats without a length in the header (MP3, OGG …) are checked once decoded, before resampling.
  if (buffer.duration > MAX_AUDIO_SECONDS)
    throw new FileError('files.audio.tooLong', {
      name,
      minutes: (buffer.duration / 60).toFixed(1),
      max: MAX_AUDIO_SECONDS / 60,
    });
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  return decodeSoundOffThread({ kind: 'channels', name, channels, sampleRate: buffer.sampleRate }, options);
}

/** "RIFF....WAVE": a WAV file, which the sound worker parses itself. */
function isWav(head: Uint8Array): boolean {
  const tag = (o: number) => String.fromCharCode(...head.subarray(o, o + 4));
  return head.length >= 12 && tag(0) === 'RIFF' && tag(8) === 'WAVE';
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
