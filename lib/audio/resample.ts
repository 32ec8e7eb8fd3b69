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
  const phases = k.phases(fromRate, toRate);
  const last = samples.length - 1;
  for (let i = 0; i < out.length; i++) {
    if (phases) {
      // Output i sits at input position q + r/L (exact integers): its weights are those of phase r.
      const num = i * phases.step;
      const q = Math.floor(num / phases.count);
      const phase = phases.table[num - q * phases.count]!;
      const start = q + phase.first;
      if (start >= 0 && start + phase.weights.length - 1 <= last) {
        let acc = 0;
        const w = phase.weights;
        for (let j = 0; j < w.length; j++) acc += samples[start + j]! * w[j]!;
        out[i] = acc / phase.norm;
      } else out[i] = k.at(samples, 0, samples.length, i / k.ratio);
    } else out[i] = k.at(samples, 0, samples.length, i / k.ratio);
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

/** Most precomputed kernel phases (the L of fromRate/toRate = M/L) {@link resample} keeps. */
const MAX_PHASES = 4096;

/** The weights of one fractional position: taps from input `q + first`, and their sum. */
interface KernelPhase {
  first: number;
  weights: Float64Array;
  norm: number;
}

/** Every phase of a rational rate change: output i uses phase (i·step) mod count. */
interface KernelPhases {
  count: number;
  step: number;
  table: KernelPhase[];
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
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
  /**
   * The kernel's weights for each of the L fractional positions an output can fall on, when the
   * rates are whole numbers with fromRate/toRate = M/L and L ≤ MAX_PHASES (44.1 kHz → 16 kHz:
   * L = 160; 48 kHz → 16 kHz: L = 1): resampling then costs one multiply-add per tap instead of a
   * sine and a cosine (measured: 5 minutes of 48 kHz sound in ~1 s instead of ~19 s). Else null.
   */
  phases(fromRate: number, toRate: number): KernelPhases | null {
    if (!Number.isInteger(fromRate) || !Number.isInteger(toRate)) return null;
    const g = gcd(fromRate, toRate);
    const count = toRate / g;
    const step = fromRate / g;
    if (count > MAX_PHASES) return null;
    const table: KernelPhase[] = [];
    for (let r = 0; r < count; r++) {
      const frac = r / count;
      const first = Math.ceil(frac - this.halfWidth);
      const lastTap = Math.floor(frac + this.halfWidth);
      const weights = new Float64Array(lastTap - first + 1);
      let norm = 0;
      for (let d = first; d <= lastTap; d++) {
        const w = this.weight(d - frac);
        weights[d - first] = w;
        norm += w;
      }
      table.push({ first, weights, norm: norm !== 0 ? norm : 1 });
    }
    return { count, step, table };
  }
  /** The windowed sinc's weight at distance `x` (in input samples) from the centre. */
  weight(x: number): number {
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * this.cutoff * x) / (Math.PI * this.cutoff * x);
    return sinc * (0.5 + 0.5 * Math.cos((Math.PI * x) / (this.halfWidth + 1)));
  }
  /** Value at fractional input position `centre` (absolute); `buf[0]` holds absolute sample `bufStart`, `total` samples exist so far. */
  at(buf: Float32Array, bufStart: number, total: number, centre: number): number {
    const start = Math.max(0, Math.ceil(centre - this.halfWidth));
    const end = Math.min(total - 1, Math.floor(centre + this.halfWidth));
    let acc = 0;
    let norm = 0;
    for (let j = start; j <= end; j++) {
      const w = this.weight(j - centre);
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
