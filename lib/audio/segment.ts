// Loudness measures and the splitter that cuts a long recording into 1-second examples, skipping silence.
import { InputError } from '../errors';
import { resolveSplitConfig } from './config';
import type { SplitConfig, SplitResult } from './types';

/** Root-mean-square amplitude of samples[start, end). */
export function rms(samples: Float32Array, start = 0, end = samples.length): number {
  if (end <= start) return 0;
  let s = 0;
  for (let i = start; i < end; i++) s += samples[i]! * samples[i]!;
  return Math.sqrt(s / (end - start));
}

/** Loudness in dB full scale (0 dB = a full-scale square wave; silence → −Infinity). */
export function toDb(amplitude: number): number {
  return 20 * Math.log10(amplitude);
}

/** Peak absolute amplitude. */
export function peak(samples: Float32Array): number {
  let p = 0;
  for (let i = 0; i < samples.length; i++) p = Math.max(p, Math.abs(samples[i]!));
  return p;
}

/**
 * Cuts `samples` into back-to-back examples of `seconds` length. Windows quieter than `silenceDb`
 * are skipped; a trailing piece of at least `minFraction` of an example is padded with silence.
 */
export function splitIntoExamples(
  samples: Float32Array,
  sampleRate: number,
  config: Partial<SplitConfig> = {},
): SplitResult {
  const c = resolveSplitConfig(config);
  if (!(sampleRate > 0)) throw new InputError(`Sample rate ${sampleRate} Hz is not valid.`);
  const size = Math.round(c.seconds * sampleRate);
  const examples: Float32Array[] = [];
  let silentSkipped = 0;
  let truncated = false;
  for (let start = 0; start < samples.length; start += size) {
    const end = Math.min(samples.length, start + size);
    if (end - start < size * c.minFraction) break;
    if (toDb(rms(samples, start, end)) < c.silenceDb) {
      silentSkipped++;
      continue;
    }
    if (examples.length >= c.maxExamples) {
      truncated = true;
      break;
    }
    const ex = new Float32Array(size);
    ex.set(samples.subarray(start, end));
    examples.push(ex);
  }
  return { examples, silentSkipped, truncated };
}
