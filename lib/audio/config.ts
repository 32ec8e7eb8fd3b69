// Validation of lib/audio configs: fill defaults with ??, check ranges, throw ConfigError naming the field.
import { ConfigError } from '../errors';
import { DEFAULT_SPECTROGRAM_CONFIG, DEFAULT_SPLIT_CONFIG } from './constants';
import type { SpectrogramConfig, SplitConfig } from './types';

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 4 && (n & (n - 1)) === 0;
}

function positive(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(field, value, 'a number > 0');
}

/** Fills and checks a spectrogram config. Throws ConfigError on a bad field. */
export function resolveSpectrogramConfig(partial: Partial<SpectrogramConfig> = {}): SpectrogramConfig {
  const d = DEFAULT_SPECTROGRAM_CONFIG;
  const c: SpectrogramConfig = {
    sampleRate: partial.sampleRate ?? d.sampleRate,
    fftSize: partial.fftSize ?? d.fftSize,
    hopLength: partial.hopLength ?? d.hopLength,
    numMelBins: partial.numMelBins ?? d.numMelBins,
    minHz: partial.minHz ?? d.minHz,
    maxHz: partial.maxHz ?? Math.min(d.maxHz, (partial.sampleRate ?? d.sampleRate) / 2),
    logFloor: partial.logFloor ?? d.logFloor,
  };
  positive('sampleRate', c.sampleRate);
  if (!isPowerOfTwo(c.fftSize)) throw new ConfigError('fftSize', c.fftSize, 'a power of two ≥ 4');
  if (!Number.isInteger(c.hopLength) || c.hopLength < 1) {
    throw new ConfigError('hopLength', c.hopLength, 'an integer ≥ 1');
  }
  if (!Number.isInteger(c.numMelBins) || c.numMelBins < 1 || c.numMelBins > c.fftSize / 2) {
    throw new ConfigError('numMelBins', c.numMelBins, `an integer from 1 to fftSize / 2 (${c.fftSize / 2})`);
  }
  if (!Number.isFinite(c.minHz) || c.minHz < 0) throw new ConfigError('minHz', c.minHz, 'a number ≥ 0');
  if (!(c.maxHz > c.minHz) || c.maxHz > c.sampleRate / 2) {
    throw new ConfigError(
      'maxHz',
      c.maxHz,
      `a number above minHz (${c.minHz}) and at most sampleRate / 2 (${c.sampleRate / 2})`,
    );
  }
  positive('logFloor', c.logFloor);
  return c;
}

/** Fills and checks a split config. Throws ConfigError on a bad field. */
export function resolveSplitConfig(partial: Partial<SplitConfig> = {}): SplitConfig {
  const d = DEFAULT_SPLIT_CONFIG;
  const c: SplitConfig = {
    seconds: partial.seconds ?? d.seconds,
    silenceDb: partial.silenceDb ?? d.silenceDb,
    minFraction: partial.minFraction ?? d.minFraction,
    maxExamples: partial.maxExamples ?? d.maxExamples,
  };
  positive('seconds', c.seconds);
  if (!Number.isFinite(c.silenceDb) || c.silenceDb > 0)
    throw new ConfigError('silenceDb', c.silenceDb, 'a number ≤ 0 (dB full scale)');
  if (!(c.minFraction > 0 && c.minFraction <= 1))
    throw new ConfigError('minFraction', c.minFraction, 'a number in (0, 1]');
  if (!Number.isInteger(c.maxExamples) || c.maxExamples < 1)
    throw new ConfigError('maxExamples', c.maxExamples, 'an integer ≥ 1');
  return c;
}
