// Resampling (windowed sinc with an anti-alias low-pass) and down-mixing to mono.
import { InputError } from '../errors';
import { RESAMPLE_HALF_TAPS } from './constants';

/** Averages channels into one mono signal. Channels must have equal lengths. */
export function toMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 0) throw new InputError('The sound has no channels.');
  if (channels.length === 1) return channels[0]!;
  const n = channels[0]!.length;
  const out = new Float32Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) out[i]! += ch[i]! / channels.length;
  return out;
}

/**
 * Converts `samples` from `fromRate` to `toRate` Hz with a Hann-windowed sinc kernel.
 * When lowering the rate, the kernel's cutoff drops to the new Nyquist frequency so tones above it
 * are removed instead of folding back as false low tones (aliasing).
 * Returns the input itself when the rates are equal.
 * @param onProgress Optional: called with the output samples done of all, every RESAMPLE_PROGRESS_EVERY.
 */
export function resample(
  samples: Float32Array,
  fromRate: number,
  toRate: number,
  onProgress?: (done: number, total: number) => void,
): Float32Array {
  checkRates(fromRate, toRate);
  if (fromRate === toRate) return samples;
  const k = new SincKernel(fromRate, toRate);
  const out = new Float32Array(Math.floor(samples.length * k.ratio));
  for (let i = 0; i < out.length; i++) {
    out[i] = k.at(samples, 0, samples.length, i / k.ratio);
    if (onProgress && (i + 1) % RESAMPLE_PROGRESS_EVERY === 0) onProgress(i + 1, out.length);
  }
  onProgress?.(out.length, out.length);
  return out;
}

/** Output samples between two progress reports of {@link resample} (about a second of 16 kHz sound). */
export const RESAMPLE_PROGRESS_EVERY = 16384;

function checkRates(fromRate: number, toRate: number): void {
  if (!(fromRate > 0) || !(toRate > 0))
    throw new InputError(`Cannot resample from ${fromRate} Hz to ${toRate} Hz.`);
}

/** The interpolation kernel shared by the one-shot and the streaming resampler. */
class SincKernel {
  readonly ratio: number;
  /** Cutoff as a fraction of the input Nyquist; a little below 1 leaves room for the filter's slope. */
  private readonly cutoff: number;
  readonly halfWidth: number;
  constructor(fromRate: number, toRate: number) {
    this.ratio = toRate / fromRate;
    this.cutoff = Math.min(1, this.ratio) * 0.95;
    this.halfWidth = Math.ceil(RESAMPLE_HALF_TAPS / Math.min(1, this.ratio));
  }
  /** Value at fractional input position `centre` (absolute); `buf[0]` holds absolute sample `bufStart`, `total` samples exist so far. */
  at(buf: Float32Array, bufStart: number, total: number, centre: number): number {
    const start = Math.max(0, Math.ceil(centre - this.halfWidth));
    const end = Math.min(total - 1, Math.floor(centre + this.halfWidth));
    let acc = 0;
    let norm = 0;
    for (let j = start; j <= end; j++) {
      const x = j - centre;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * this.cutoff * x) / (Math.PI * this.cutoff * x);
      const w = sinc * (0.5 + 0.5 * Math.cos((Math.PI * x) / (this.halfWidth + 1)));
      acc += buf[j - bufStart]! * w;
      norm += w;
    }
    // Normalising by the kernel sum keeps a constant signal constant, also near the edges.
    return norm !== 0 ? acc / norm : 0;
  }
}

/**
 * Resamples a live stream chunk by chunk. Output equals `resample` on the whole stream, except that
 * each output sample waits until the input it depends on (halfWidth samples ahead) has arrived.
 */
export class StreamingResampler {
  private readonly kernel: SincKernel | null;
  private buf = new Float32Array(0);
  private bufStart = 0;
  private total = 0;
  private nextOut = 0;

  constructor(fromRate: number, toRate: number) {
    checkRates(fromRate, toRate);
    this.kernel = fromRate === toRate ? null : new SincKernel(fromRate, toRate);
  }

  /** Adds input samples; returns the output samples that became computable. */
  push(chunk: Float32Array): Float32Array {
    const k = this.kernel;
    if (!k) return chunk.slice();
    const merged = new Float32Array(this.buf.length + chunk.length);
    merged.set(this.buf);
    merged.set(chunk, this.buf.length);
    this.buf = merged;
    this.total += chunk.length;
    const out: number[] = [];
    while (Math.floor(this.nextOut / k.ratio + k.halfWidth) <= this.total - 1) {
      out.push(k.at(this.buf, this.bufStart, this.total, this.nextOut / k.ratio));
      this.nextOut++;
    }
    const keepFrom = Math.max(this.bufStart, Math.ceil(this.nextOut / k.ratio - k.halfWidth));
    this.buf = this.buf.slice(keepFrom - this.bufStart);
    this.bufStart = keepFrom;
    return Float32Array.from(out);
  }
}
