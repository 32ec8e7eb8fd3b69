// Reference tests for the log-mel pipeline: a naive DFT, pure tones in the right mel band, Hann values, streaming = batch.
import { describe, expect, it } from 'vitest';

import { ConfigError } from '../errors';
import {
  computeLogMel,
  DEFAULT_SPECTROGRAM_CONFIG,
  frameCount,
  hannWindow,
  hzToMel,
  LogMelComputer,
  melBandCentersHz,
  melFilterBank,
  melToHz,
  resolveSpectrogramConfig,
  StreamingLogMel,
} from './index';

const SR = 16000;

function tone(hz: number, seconds: number, amp = 0.5, sr = SR): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * sr) },
    (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / sr),
  );
}

/** Argmax of each frame. */
function peakBins(spec: { frames: number; bins: number; data: Float32Array }): number[] {
  return Array.from({ length: spec.frames }, (_, t) => {
    const row = spec.data.subarray(t * spec.bins, (t + 1) * spec.bins);
    return row.indexOf(Math.max(...row));
  });
}

describe('config', () => {
  it.each([
    [{ fftSize: 500 }, 'fftSize'],
    [{ hopLength: 0 }, 'hopLength'],
    [{ numMelBins: 0 }, 'numMelBins'],
    [{ maxHz: 9000 }, 'maxHz'],
    [{ minHz: -1 }, 'minHz'],
    [{ logFloor: 0 }, 'logFloor'],
    [{ sampleRate: 0 }, 'sampleRate'],
  ])('rejects %o naming %s', (partial, field) => {
    expect(() => resolveSpectrogramConfig(partial)).toThrow(ConfigError);
    try {
      resolveSpectrogramConfig(partial);
    } catch (e) {
      expect((e as ConfigError).field).toBe(field);
    }
  });

  it('fills defaults without mutating them', () => {
    const c = resolveSpectrogramConfig({ numMelBins: 20 });
    expect(c).toEqual({ ...DEFAULT_SPECTROGRAM_CONFIG, numMelBins: 20 });
    expect(DEFAULT_SPECTROGRAM_CONFIG.numMelBins).toBe(40);
  });
});

describe('building blocks', () => {
  it('Hann window is 0 at the start, 1 in the middle and symmetric', () => {
    const w = hannWindow(8);
    expect(Array.from(w).map((v) => +v.toFixed(6))).toEqual([
      0, 0.146447, 0.5, 0.853553, 1, 0.853553, 0.5, 0.146447,
    ]);
  });

  it('mel scale round-trips and matches the HTK value at 1 kHz', () => {
    expect(hzToMel(1000)).toBeCloseTo(999.99, 1);
    for (const hz of [0, 60, 440, 4000, 8000]) expect(melToHz(hzToMel(hz))).toBeCloseTo(hz, 6);
  });

  it('mel filters are triangles peaking at their band centres', () => {
    const c = resolveSpectrogramConfig();
    const filters = melFilterBank(c);
    const centres = melBandCentersHz(c);
    expect(filters).toHaveLength(40);
    const binHz = SR / c.fftSize;
    filters.forEach((f, m) => {
      expect(Math.max(...f)).toBeLessThanOrEqual(1);
      const peakHz = f.indexOf(Math.max(...f)) * binHz;
      expect(Math.abs(peakHz - centres[m]!)).toBeLessThanOrEqual(binHz);
    });
  });

  it('frame count: 49 frames in one second at the defaults, none in a short clip', () => {
    expect(frameCount(16000, DEFAULT_SPECTROGRAM_CONFIG)).toBe(49);
    expect(frameCount(511, DEFAULT_SPECTROGRAM_CONFIG)).toBe(0);
  });
});

describe('power spectrum against a naive DFT', () => {
  it('matches Σ x[n]·w[n]·e^(−2πikn/N) for a mixed signal', () => {
    const computer = new LogMelComputer({ fftSize: 64, numMelBins: 8 });
    const x = Float32Array.from(
      { length: 64 },
      (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1) + ((i * 37) % 11) / 20,
    );
    const power = Array.from(computer.powerSpectrum(x));
    const w = hannWindow(64);
    const wsum = w.reduce((s, v) => s + v, 0);
    for (let k = 0; k <= 32; k++) {
      let re = 0;
      let im = 0;
      for (let n = 0; n < 64; n++) {
        re += x[n]! * w[n]! * Math.cos((2 * Math.PI * k * n) / 64);
        im -= x[n]! * w[n]! * Math.sin((2 * Math.PI * k * n) / 64);
      }
      expect(power[k]).toBeCloseTo((re * re + im * im) / (wsum * wsum), 5);
    }
  });

  it('a full-scale bin-centred sine of amplitude A gives A²/4 in its bin', () => {
    const computer = new LogMelComputer();
    const p = computer.powerSpectrum(tone((SR / 512) * 32, 0.04, 0.8));
    expect(p[32]).toBeCloseTo(0.16, 3);
  });
});

describe('log-mel spectrogram', () => {
  it.each([250, 440, 1000, 3000, 6000])(
    'a pure %i Hz tone peaks in the mel band whose centre is nearest',
    (hz) => {
      const spec = computeLogMel(tone(hz, 1));
      expect(spec.frames).toBe(49);
      expect(spec.bins).toBe(40);
      const centres = melBandCentersHz(DEFAULT_SPECTROGRAM_CONFIG);
      const nearest = centres.reduce(
        (best, c, i) => (Math.abs(c - hz) < Math.abs(centres[best]! - hz) ? i : best),
        0,
      );
      for (const b of peakBins(spec)) expect(Math.abs(b - nearest)).toBeLessThanOrEqual(1);
    },
  );

  it('a louder tone gives higher log energy: doubling amplitude adds ln 4', () => {
    const a = computeLogMel(tone(1000, 0.1, 0.2));
    const b = computeLogMel(tone(1000, 0.1, 0.4));
    const bin = peakBins(a)[0]!;
    expect(b.data[bin]! - a.data[bin]!).toBeCloseTo(Math.log(4), 2);
  });

  it('silence stays finite at ln(logFloor)', () => {
    const spec = computeLogMel(new Float32Array(16000));
    expect(spec.data.every((v) => Math.abs(v - Math.log(1e-6)) < 1e-6)).toBe(true);
  });

  it('a rising chirp moves its peak band upward over time', () => {
    const x = Float32Array.from(
      { length: SR },
      (_, i) => 0.5 * Math.sin(2 * Math.PI * (300 * (i / SR) + 2000 * (i / SR) ** 2)),
    );
    const peaks = peakBins(computeLogMel(x));
    expect(peaks[45]!).toBeGreaterThan(peaks[3]! + 10);
  });

  it('rejects NaN samples', () => {
    const x = new Float32Array(1000);
    x[10] = NaN;
    expect(() => computeLogMel(x)).toThrow(/Sample 10/);
  });

  it('streaming in odd-sized chunks gives the same frames as the whole clip', () => {
    const x = Float32Array.from({ length: SR }, (_, i) => Math.sin(i * 0.05) * 0.3 + Math.sin(i * 0.9) * 0.1);
    const batch = computeLogMel(x);
    const stream = new StreamingLogMel(49);
    let pos = 0;
    for (const size of [100, 777, 1, 4096, 3000]) {
      stream.push(x.subarray(pos, pos + size));
      pos += size;
    }
    stream.push(x.subarray(pos));
    expect(stream.framesProduced).toBe(49);
    const latest = stream.latest()!;
    for (let i = 0; i < batch.data.length; i++) expect(latest.data[i]).toBeCloseTo(batch.data[i]!, 4);
  });
});
