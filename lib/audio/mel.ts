// Mel scale and the triangular mel filter bank that pools FFT bins into bands spaced like human pitch hearing.
import type { SpectrogramConfig } from './types';

/** Hertz to mel (HTK formula: 2595 · log10(1 + f / 700)). */
export function hzToMel(hz: number): number {
  return 2595 * Math.log10(1 + hz / 700);
}

/** Mel to hertz (inverse of hzToMel). */
export function melToHz(mel: number): number {
  return 700 * (10 ** (mel / 2595) - 1);
}

/** Centre frequency (Hz) of each mel band, low to high. */
export function melBandCentersHz(
  config: Pick<SpectrogramConfig, 'numMelBins' | 'minHz' | 'maxHz'>,
): number[] {
  const lo = hzToMel(config.minHz);
  const hi = hzToMel(config.maxHz);
  const step = (hi - lo) / (config.numMelBins + 1);
  return Array.from({ length: config.numMelBins }, (_, i) => melToHz(lo + step * (i + 1)));
}

/**
 * Triangular filters over the `fftSize / 2 + 1` power-spectrum bins, one per mel band.
 * Band m rises from edge m to its centre m + 1 and falls to edge m + 2 (edges equally spaced in mel).
 * Weights are computed on continuous frequency, so every band gets weight even when narrower than a bin.
 */
export function melFilterBank(config: SpectrogramConfig): Float32Array[] {
  const nBins = config.fftSize / 2 + 1;
  const lo = hzToMel(config.minHz);
  const hi = hzToMel(config.maxHz);
  const step = (hi - lo) / (config.numMelBins + 1);
  const edges = Array.from({ length: config.numMelBins + 2 }, (_, i) => melToHz(lo + step * i));
  const binHz = config.sampleRate / config.fftSize;
  const filters: Float32Array[] = [];
  for (let m = 0; m < config.numMelBins; m++) {
    const [left, centre, right] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
    const w = new Float32Array(nBins);
    for (let k = 0; k < nBins; k++) {
      const f = k * binHz;
      if (f > left && f < right)
        w[k] = f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre);
    }
    // A band narrower than the bin spacing may fall between bins: give it its nearest bin.
    if (w.every((v) => v === 0)) w[Math.min(nBins - 1, Math.round(centre / binHz))] = 1;
    filters.push(w);
  }
  return filters;
}
