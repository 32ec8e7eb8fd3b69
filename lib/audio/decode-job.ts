// Turning an uploaded sound into 16 kHz mono samples, off the main thread: the sound worker
// (lib/audio/sound.worker.ts) parses WAV files itself, or takes the channels the browser decoded
// (decodeAudioData needs an AudioContext, which workers lack), then mixes down and resamples, the
// step that blocked the page (bench/audio-upload-cost.eval.ts, 5 minutes of 48 kHz stereo: ~19 s
// before resample() kept its kernel weights per phase, ~1.3 s after; decodeWav ~0.4 s).
import { InputError } from '../errors';
import { MAX_AUDIO_SECONDS } from '../files/constants';
import { FileError } from '../files/errors';
import { type OffThreadOptions, type ProgressCallback, runOffThread } from '../files/off-thread';
import { AUDIO_SAMPLE_RATE } from './constants';
import { resample, toMono } from './resample';
import { decodeWav } from './wav';

/** What the page sends the sound worker: a WAV file's bytes, or channels already decoded. */
export type SoundDecodeRequest =
  | { kind: 'wav'; name: string; bytes: ArrayBuffer }
  | { kind: 'channels'; name: string; channels: Float32Array[]; sampleRate: number };

/**
 * The worker's job, also run here where workers are missing: 16 kHz mono samples.
 * @throws InputError from decodeWav (not a WAV it reads: the caller lets the browser try);
 *   FileError 'files.audio.tooLong' above MAX_AUDIO_SECONDS.
 */
export function decodeSoundJob(request: SoundDecodeRequest, progress?: ProgressCallback): Float32Array {
  const { name } = request;
  const { channels, sampleRate } =
    request.kind === 'wav' ? decodeWav(new Uint8Array(request.bytes), name) : request;
  const frames = channels[0]?.length ?? 0;
  if (frames === 0) throw new InputError(`"${name}" contains no sound.`, name);
  const seconds = frames / sampleRate;
  // The header was checked before; this catches a header that understated the data.
  if (seconds > MAX_AUDIO_SECONDS)
    throw new FileError('files.audio.tooLong', {
      name,
      minutes: (seconds / 60).toFixed(1),
      max: MAX_AUDIO_SECONDS / 60,
    });
  const mono = toMono(channels);
  const out = resample(mono, sampleRate, AUDIO_SAMPLE_RATE, progress);
  // Same rate: resample returns its input, which may be a view of the request; hand back a copy.
  return out === channels[0] ? out.slice() : out;
}

/**
 * Buffers the request hands over to the worker (not copied): a WAV's bytes, which the caller can
 * read again from the file. Channels are copied, so that the work can still run here if the worker
 * fails to start (AudioBuffer channel data cannot be handed over anyway).
 */
function transferOf(request: SoundDecodeRequest): Transferable[] {
  return request.kind === 'wav' ? [request.bytes] : [];
}

/**
 * {@link decodeSoundJob} in the sound worker, with progress and Cancel. A WAV request's bytes are
 * handed over (detached here afterwards).
 * @throws as decodeSoundJob; FileError 'files.cancelled' when aborted.
 */
export function decodeSoundOffThread(
  request: SoundDecodeRequest,
  options: OffThreadOptions = {},
): Promise<Float32Array> {
  return runOffThread(
    {
      name: request.name,
      start: () => new Worker(new URL('./sound.worker.ts', import.meta.url)),
      request,
      transfer: transferOf(request),
      inThread: (progress) => decodeSoundJob(request, progress),
    },
    options,
  );
}
