// Log-mel spectrogram: frame the waveform, apply a Hann window, FFT (fft.js), power, mel filter bank, log.
import FFT from 'fft.js';

import { InputError } from '../errors';
import { resolveSpectrogramConfig } from './config';
import { melFilterBank } from './mel';
import type { Spectrogram, SpectrogramConfig } from './types';

/** Periodic Hann window of length n: w[i] = 0.5 − 0.5 · cos(2πi / n). Tapers frame edges to reduce spectral leakage. */
export function hannWindow(n: number): Float32Array {
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  return w;
}

/** Number of whole frames that fit in `length` samples. */
export function frameCount(length: number, config: Pick<SpectrogramConfig, 'fftSize' | 'hopLength'>): number {
  return length < config.fftSize ? 0 : 1 + Math.floor((length - config.fftSize) / config.hopLength);
}

/**
 * A reusable log-mel computer. Build it once (it precomputes the window, FFT tables and mel filters)
 * and call `frame` for each frame; `compute` does a whole waveform.
 */
export class LogMelComputer {
  readonly config: SpectrogramConfig;
  private readonly fft: FFT;
  private readonly window: Float32Array;
  private readonly filters: Float32Array[];
  /** First and last non-zero bin of each filter, so pooling skips the zeros. */
  private readonly ranges: Array<[number, number]>;
  private readonly windowed: number[];
  private readonly spectrum: number[];
  private readonly power: Float32Array;
  /** Scales |X|² so a full-scale sine of amplitude A gives A²/4 in its peak bin, independent of fftSize. */
  private readonly powerScale: number;

  constructor(config: Partial<SpectrogramConfig> = {}) {
    this.config = resolveSpectrogramConfig(config);
    const n = this.config.fftSize;
    this.fft = new FFT(n);
    this.window = hannWindow(n);
    this.filters = melFilterBank(this.config);
    this.ranges = this.filters.map((f) => {
      let a = 0;
      while (a < f.length - 1 && f[a] === 0) a++;
      let b = f.length - 1;
      while (b > a && f[b] === 0) b--;
      return [a, b];
    });
    this.windowed = new Array<number>(n).fill(0);
    this.spectrum = this.fft.createComplexArray() as number[];
    this.power = new Float32Array(n / 2 + 1);
    const windowSum = this.window.reduce((s, v) => s + v, 0);
    this.powerScale = 1 / (windowSum * windowSum);
  }

  /** Power spectrum (fftSize / 2 + 1 bins) of the frame starting at `offset`. The returned array is reused. */
  powerSpectrum(samples: Float32Array, offset = 0): Float32Array {
    const n = this.config.fftSize;
    for (let i = 0; i < n; i++) this.windowed[i] = (samples[offset + i] ?? 0) * this.window[i]!;
    this.fft.realTransform(this.spectrum, this.windowed);
    for (let k = 0; k <= n / 2; k++) {
      const re = this.spectrum[2 * k]!;
      const im = this.spectrum[2 * k + 1]!;
      this.power[k] = (re * re + im * im) * this.powerScale;
    }
    return this.power;
  }

  /** Writes the log-mel energies of the frame at `offset` into `out` at `outOffset`. */
  frame(samples: Float32Array, offset: number, out: Float32Array, outOffset: number): void {
    const power = this.powerSpectrum(samples, offset);
    for (let m = 0; m < this.filters.length; m++) {
      const f = this.filters[m]!;
      const [a, b] = this.ranges[m]!;
      let e = 0;
      for (let k = a; k <= b; k++) e += f[k]! * power[k]!;
      out[outOffset + m] = Math.log(e + this.config.logFloor);
    }
  }

  /** The log-mel spectrogram of a whole waveform (already at config.sampleRate). */
  compute(samples: Float32Array): Spectrogram {
    const frames = frameCount(samples.length, this.config);
    const bins = this.config.numMelBins;
    const data = new Float32Array(frames * bins);
    for (let t = 0; t < frames; t++) this.frame(samples, t * this.config.hopLength, data, t * bins);
    return { frames, bins, data };
  }
}

/** One-call log-mel spectrogram of `samples` (at config.sampleRate, default 16 kHz). */
export function computeLogMel(samples: Float32Array, config: Partial<SpectrogramConfig> = {}): Spectrogram {
  for (let i = 0; i < samples.length; i++) {
    if (!Number.isFinite(samples[i]!))
      throw new InputError(`Sample ${i} is ${samples[i]}: the sound data is broken.`);
  }
  return new LogMelComputer(config).compute(samples);
}

/**
 * Log-mel frames from a live stream: push chunks of any length, get every frame that became complete.
 * Keeps the last `historyFrames` frames so a 1-second window can be read at any moment.
 */
export class StreamingLogMel {
  readonly computer: LogMelComputer;
  private pending = new Float32Array(0);
  private readonly history: Float32Array;
  private readonly historyFrames: number;
  private written = 0;

  constructor(historyFrames: number, config: Partial<SpectrogramConfig> = {}) {
    this.computer = new LogMelComputer(config);
    this.historyFrames = historyFrames;
    this.history = new Float32Array(historyFrames * this.computer.config.numMelBins);
  }

  /** Total frames produced so far. */
  get framesProduced(): number {
    return this.written;
  }

  /** Adds samples; returns the new frames (row-major, numMelBins per frame). */
  push(chunk: Float32Array): Float32Array {
    const { fftSize, hopLength, numMelBins } = this.computer.config;
    const buf = new Float32Array(this.pending.length + chunk.length);
    buf.set(this.pending);
    buf.set(chunk, this.pending.length);
    const n = frameCount(buf.length, { fftSize, hopLength });
    const out = new Float32Array(n * numMelBins);
    for (let t = 0; t < n; t++) {
      this.computer.frame(buf, t * hopLength, out, t * numMelBins);
      const slot = (this.written % this.historyFrames) * numMelBins;
      this.history.set(out.subarray(t * numMelBins, (t + 1) * numMelBins), slot);
      this.written++;
    }
    this.pending = buf.slice(n * hopLength);
    return out;
  }

  /** The most recent `frames` frames, oldest first, or null if fewer have been produced. */
  latest(frames = this.historyFrames): Spectrogram | null {
    const bins = this.computer.config.numMelBins;
    if (frames > this.historyFrames || this.written < frames) return null;
    const data = new Float32Array(frames * bins);
    for (let i = 0; i < frames; i++) {
      const slot = ((this.written - frames + i) % this.historyFrames) * bins;
      data.set(this.history.subarray(slot, slot + bins), i * bins);
    }
    return { frames, bins, data };
  }

  /** Forgets all samples and frames. */
  reset(): void {
    this.pending = new Float32Array(0);
    this.history.fill(0);
    this.written = 0;
  }
}
