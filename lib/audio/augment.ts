// Augmentation of the user's few 1-second examples: time shift, background-noise mixing, gain and
// a small speed (pitch + tempo) change, each switchable, all seeded.
import { createRng } from '../data';
import { ConfigError, InputError } from '../errors';
import { AUDIO_SAMPLE_RATE, DEFAULT_AUDIO_AUGMENT_CONFIG } from './constants';
import type { AudioAugmentConfig } from './types';

/** Fills and checks augmentation settings. Throws ConfigError naming the field. */
export function resolveAudioAugmentConfig(partial: Partial<AudioAugmentConfig> = {}): AudioAugmentConfig {
  const d = DEFAULT_AUDIO_AUGMENT_CONFIG;
  const c: AudioAugmentConfig = {
    timeShift: partial.timeShift ?? d.timeShift,
    noise: partial.noise ?? d.noise,
    gain: partial.gain ?? d.gain,
    speed: partial.speed ?? d.speed,
    copies: partial.copies ?? d.copies,
    maxShiftSeconds: partial.maxShiftSeconds ?? d.maxShiftSeconds,
    noiseLevel: partial.noiseLevel ?? [...d.noiseLevel],
    gainDb: partial.gainDb ?? d.gainDb,
    speedRange: partial.speedRange ?? d.speedRange,
    seed: partial.seed ?? d.seed,
  };
  for (const f of ['timeShift', 'noise', 'gain', 'speed'] as const) {
    if (typeof c[f] !== 'boolean') throw new ConfigError(f, c[f], 'true or false');
  }
  if (!Number.isInteger(c.copies) || c.copies < 0 || c.copies > 20)
    throw new ConfigError('copies', c.copies, 'a whole number from 0 to 20');
  if (!(c.maxShiftSeconds >= 0 && c.maxShiftSeconds <= 0.5))
    throw new ConfigError('maxShiftSeconds', c.maxShiftSeconds, 'a number from 0 to 0.5');
  const [lo, hi] = c.noiseLevel;
  if (!Array.isArray(c.noiseLevel) || !(lo! >= 0 && hi! >= lo! && hi! <= 2))
    throw new ConfigError('noiseLevel', c.noiseLevel, '[low, high] with 0 ≤ low ≤ high ≤ 2');
  if (!(c.gainDb >= 0 && c.gainDb <= 24)) throw new ConfigError('gainDb', c.gainDb, 'a number from 0 to 24');
  if (!(c.speedRange >= 0 && c.speedRange <= 0.3))
    throw new ConfigError('speedRange', c.speedRange, 'a number from 0 to 0.3');
  if (!Number.isInteger(c.seed)) throw new ConfigError('seed', c.seed, 'an integer');
  return c;
}

/** True when at least one kind of augmentation is on and copies > 0. */
export function augmentationActive(c: AudioAugmentConfig): boolean {
  return c.copies > 0 && (c.timeShift || c.noise || c.gain || c.speed);
}

/**
 * One augmented copy of a waveform (same length; the input is not changed). `noise` is a list of
 * recordings of the background (the "background noise" class); a random stretch of one of them is
 * added at its own recorded level times a random factor from `noiseLevel`, so the copy sounds like
 * the word said in that room. `rand` gives uniform numbers in [0, 1).
 */
export function augmentWaveform(
  samples: Float32Array,
  config: AudioAugmentConfig,
  rand: () => number,
  noise: readonly Float32Array[] = [],
): Float32Array {
  const n = samples.length;
  let x = samples;
  if (config.speed && config.speedRange > 0) {
    // Playing faster raises pitch and shortens the sound, like a smaller or quicker speaker.
    const rate = 1 + (2 * rand() - 1) * config.speedRange;
    const out = new Float32Array(n);
    const centre = n / 2;
    for (let i = 0; i < n; i++) {
      const t = centre + (i - centre) * rate;
      const k = Math.floor(t);
      if (k >= 0 && k + 1 < n) out[i] = x[k]! + (t - k) * (x[k + 1]! - x[k]!);
    }
    x = out;
  }
  if (config.timeShift && config.maxShiftSeconds > 0) {
    // Circular shift: the sound moves earlier or later in the window, as a live window would see it.
    const max = Math.round(config.maxShiftSeconds * AUDIO_SAMPLE_RATE);
    const shift = Math.round((2 * rand() - 1) * max);
    if (shift !== 0) {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[(i + shift + n) % n] = x[i]!;
      x = out;
    }
  }
  if (config.gain && config.gainDb > 0) {
    const g = 10 ** (((2 * rand() - 1) * config.gainDb) / 20);
    const out = x === samples ? new Float32Array(n) : x;
    for (let i = 0; i < n; i++) out[i] = x[i]! * g;
    x = out;
  }
  if (config.noise && noise.length > 0) {
    const src = noise[Math.floor(rand() * noise.length)]!;
    const level = config.noiseLevel[0] + rand() * (config.noiseLevel[1] - config.noiseLevel[0]);
    const offset = src.length > n ? Math.floor(rand() * (src.length - n)) : 0;
    const out = x === samples ? new Float32Array(n) : x;
    for (let i = 0; i < n; i++) out[i] = x[i]! + level * (src[(offset + i) % src.length] ?? 0);
    x = out;
  }
  if (x === samples) x = samples.slice();
  for (let i = 0; i < n; i++) x[i] = Math.max(-1, Math.min(1, x[i]!));
  return x;
}

/**
 * `config.copies` augmented copies of every example, class by class (training-only: they must never
 * enter the held-out examples). `noiseClass` names the class whose examples are background noise;
 * its own copies are made without mixing. Returns [] per class when augmentation is off.
 */
export function augmentExamples(
  examplesByClass: readonly (readonly Float32Array[])[],
  partial: Partial<AudioAugmentConfig> = {},
  noiseClass: number | null = null,
): Float32Array[][] {
  const c = resolveAudioAugmentConfig(partial);
  if (!augmentationActive(c)) return examplesByClass.map(() => []);
  const rand = createRng(c.seed);
  const noise = noiseClass !== null ? (examplesByClass[noiseClass] ?? []) : [];
  return examplesByClass.map((list, k) =>
    list.flatMap((x, i) => {
      if (!(x instanceof Float32Array) || x.length === 0)
        throw new InputError(`Example ${i} of class ${k} has no samples.`);
      const bank = k === noiseClass ? [] : noise;
      return Array.from({ length: c.copies }, () => augmentWaveform(x, c, rand, bank));
    }),
  );
}
