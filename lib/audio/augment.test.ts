// Augmentation of 1-second examples: each switch does what it says, copies are seeded, the input is
// never changed, held-out logic is the caller's, and settings are checked.
import { describe, expect, it } from 'vitest';

import { createRng } from '../data';
import { ConfigError } from '../errors';
import {
  augmentationActive,
  augmentExamples,
  augmentWaveform,
  DEFAULT_AUDIO_AUGMENT_CONFIG,
  resolveAudioAugmentConfig,
  rms,
} from './index';

const N = 16000;
/** A click train: a single non-zero sample every 4,000 samples, starting at 1,000. */
function clicks(): Float32Array {
  const x = new Float32Array(N);
  for (let i = 1000; i < N; i += 4000) x[i] = 0.5;
  return x;
}
const OFF = resolveAudioAugmentConfig({ timeShift: false, noise: false, gain: false, speed: false });

describe('augmentWaveform', () => {
  it('with everything off returns an equal copy, never the input', () => {
    const x = clicks();
    const y = augmentWaveform(x, OFF, createRng(1));
    expect(y).not.toBe(x);
    expect(Array.from(y)).toEqual(Array.from(x));
  });

  it('time shift moves the sound by at most maxShiftSeconds, keeping its samples', () => {
    const x = new Float32Array(N);
    x[8000] = 0.5;
    const c = { ...OFF, timeShift: true, maxShiftSeconds: 0.1 };
    const places = new Set<number>();
    for (let s = 0; s < 10; s++) {
      const y = augmentWaveform(x, c, createRng(s));
      const at = y.findIndex((v) => v !== 0);
      places.add(at);
      expect(Math.abs(at - 8000)).toBeLessThanOrEqual(1600);
      expect(y.reduce((a, v) => a + v, 0)).toBeCloseTo(0.5, 6);
    }
    expect(places.size).toBeGreaterThan(5);
    expect(x[8000]).toBe(0.5);
  });

  it('gain changes loudness by at most gainDb', () => {
    const x = Float32Array.from({ length: N }, (_, i) => 0.1 * Math.sin(i / 5));
    const c = { ...OFF, gain: true, gainDb: 6 };
    for (let s = 0; s < 10; s++) {
      const ratio = rms(augmentWaveform(x, c, createRng(s))) / rms(x);
      expect(Math.abs(20 * Math.log10(ratio))).toBeLessThanOrEqual(6 + 1e-6);
    }
  });

  it('speed change moves a tone by at most speedRange', () => {
    const hz = 500;
    const x = Float32Array.from({ length: N }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / N));
    const c = { ...OFF, speed: true, speedRange: 0.08 };
    for (let s = 0; s < 5; s++) {
      const y = augmentWaveform(x, c, createRng(s));
      let crossings = 0;
      for (let i = 4000; i < 12000; i++) if (y[i - 1]! < 0 && y[i]! >= 0) crossings++;
      const measured = crossings * 2; // crossings in half a second
      expect(Math.abs(measured / hz - 1)).toBeLessThanOrEqual(0.08 + 0.01);
    }
  });

  it('noise mixes in a stretch of the background at its recorded level (times the factor)', () => {
    const bg = Float32Array.from({ length: 3 * N }, (_, i) => 0.2 * Math.sin(i));
    const c = { ...OFF, noise: true, noiseLevel: [0.5, 0.5] as [number, number] };
    const y = augmentWaveform(new Float32Array(N), c, createRng(3), [bg]);
    expect(rms(y)).toBeCloseTo(0.5 * rms(bg), 2);
    // Without background recordings nothing is mixed.
    expect(rms(augmentWaveform(new Float32Array(N), c, createRng(3), []))).toBe(0);
  });
});

describe('augmentExamples', () => {
  it('makes `copies` copies per example, seeded, and never mixes the noise class into itself', () => {
    const bg = Float32Array.from({ length: N }, (_, i) => 0.3 * Math.sin(i * 0.7));
    const word = clicks();
    const a = augmentExamples([[word, word], [bg]], { copies: 3 }, 1);
    expect(a.map((l) => l.length)).toEqual([6, 3]);
    const b = augmentExamples([[word, word], [bg]], { copies: 3 }, 1);
    expect(Array.from(a[0]![0]!)).toEqual(Array.from(b[0]![0]!));
    expect(Array.from(a[0]![0]!)).not.toEqual(Array.from(a[0]![1]!));
    // The word copies got background mixed in (silence between clicks is no longer silent).
    expect(a[0]!.every((y) => rms(y, 5000, 5000 + 2000) > 0.01)).toBe(true);
    expect(augmentExamples([[word]], { copies: 0 })).toEqual([[]]);
  });

  it('is on by default and off when every switch is off', () => {
    expect(augmentationActive(resolveAudioAugmentConfig())).toBe(true);
    expect(augmentationActive(OFF)).toBe(false);
    expect(DEFAULT_AUDIO_AUGMENT_CONFIG.copies).toBeGreaterThan(0);
  });

  it.each([
    [{ copies: -1 }, 'copies'],
    [{ copies: 2.5 }, 'copies'],
    [{ maxShiftSeconds: 1 }, 'maxShiftSeconds'],
    [{ noiseLevel: [1, 0.5] as [number, number] }, 'noiseLevel'],
    [{ gainDb: -1 }, 'gainDb'],
    [{ speedRange: 0.5 }, 'speedRange'],
    [{ timeShift: 'yes' as unknown as boolean }, 'timeShift'],
  ])('rejects %o', (partial, field) => {
    expect(() => resolveAudioAugmentConfig(partial)).toThrow(ConfigError);
    expect(() => resolveAudioAugmentConfig(partial)).toThrow(field);
  });
});
