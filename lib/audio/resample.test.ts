// Resampling keeps tones at their pitch, removes tones above the new Nyquist, and streams like the batch version.
import { describe, expect, it } from 'vitest';

import { RESAMPLE_HALF_TAPS } from './constants';
import { LogMelComputer, resample, rms, splitIntoExamples, StreamingResampler, toDb, toMono } from './index';

function tone(hz: number, seconds: number, sr: number, amp = 0.5): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * sr) },
    (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / sr),
  );
}

function peakHz(x: Float32Array, sr: number): number {
  const c = new LogMelComputer({ fftSize: 4096, sampleRate: sr, maxHz: sr / 2, numMelBins: 10 });
  const p = c.powerSpectrum(x, 1000);
  return (p.indexOf(Math.max(...p)) * sr) / 4096;
}

describe('resample', () => {
  it.each([
    [48000, 16000],
    [44100, 16000],
    [8000, 16000],
  ])('%i → %i Hz keeps a 440 Hz tone at 440 Hz and its loudness', (from, to) => {
    const y = resample(tone(440, 1, from), from, to);
    expect(y.length).toBe(Math.floor(from * (to / from)));
    expect(Math.abs(peakHz(y, to) - 440)).toBeLessThan(to / 4096 + 1);
    expect(rms(y, 500, y.length - 500)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('removes a 12 kHz tone when going from 48 kHz to 16 kHz instead of folding it to 4 kHz', () => {
    const y = resample(tone(12000, 0.5, 48000), 48000, 16000);
    expect(toDb(rms(y, 200, y.length - 200))).toBeLessThan(-30);
  });

  it('returns the same array at equal rates', () => {
    const x = tone(100, 0.1, 16000);
    expect(resample(x, 16000, 16000)).toBe(x);
  });

  it('streaming gives the same samples as batch', () => {
    const x = tone(700, 0.3, 44100);
    const batch = resample(x, 44100, 16000);
    const s = new StreamingResampler(44100, 16000);
    const parts: number[] = [];
    for (let i = 0; i < x.length; i += 128) parts.push(...s.push(x.subarray(i, i + 128)));
    expect(parts.length).toBeGreaterThan(batch.length - 60);
    for (let i = 0; i < parts.length - 60; i++) expect(parts[i]).toBeCloseTo(batch[i]!, 5);
  });

  it.each([
    [48000, 16000],
    [44100, 16000],
    [22050, 16000],
    [8000, 16000],
  ])('%i → %i Hz with precomputed weights equals the windowed sinc at every sample', (from, to) => {
    // Noise, so every tap matters; the reference evaluates the kernel of the doc comment directly.
    let seed = 7;
    const x = Float32Array.from({ length: Math.round(from * 0.05) }, () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    });
    const y = resample(x, from, to);
    const ratio = to / from;
    const cutoff = Math.min(1, ratio) * 0.95;
    const half = Math.ceil(RESAMPLE_HALF_TAPS / Math.min(1, ratio));
    for (let i = 0; i < y.length; i++) {
      const centre = (i * from) / to;
      let acc = 0;
      let norm = 0;
      for (
        let j = Math.max(0, Math.ceil(centre - half));
        j <= Math.min(x.length - 1, Math.floor(centre + half));
        j++
      ) {
        const d = j - centre;
        const sinc = d === 0 ? 1 : Math.sin(Math.PI * cutoff * d) / (Math.PI * cutoff * d);
        const w = sinc * (0.5 + 0.5 * Math.cos((Math.PI * d) / (half + 1)));
        acc += x[j]! * w;
        norm += w;
      }
      expect(y[i]).toBeCloseTo(acc / norm, 5);
    }
  });

  it('toMono averages channels', () => {
    expect(Array.from(toMono([Float32Array.of(1, 0), Float32Array.of(0, 0.5)]))).toEqual([0.5, 0.25]);
  });
});

describe('splitIntoExamples', () => {
  it('cuts 3.6 s of tone with a silent middle second into 1-s examples, skipping the silence', () => {
    const x = new Float32Array(57600);
    x.set(tone(440, 1, 16000), 0);
    x.set(tone(880, 1.6, 16000), 32000);
    const r = splitIntoExamples(x, 16000);
    expect(r.examples).toHaveLength(3);
    expect(r.silentSkipped).toBe(1);
    expect(r.examples.every((e) => e.length === 16000)).toBe(true);
    expect(rms(r.examples[2]!, 9600)).toBe(0);
  });

  it('drops a trailing piece shorter than half an example and caps the count', () => {
    expect(splitIntoExamples(tone(440, 1.4, 16000), 16000).examples).toHaveLength(1);
    const r = splitIntoExamples(tone(440, 5, 16000), 16000, { maxExamples: 2 });
    expect(r.examples).toHaveLength(2);
    expect(r.truncated).toBe(true);
  });
});
