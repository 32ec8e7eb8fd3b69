// From 1-second waveforms to the model's input tensor: log-mel spectrograms, normalised with training statistics.
import * as tf from '@tensorflow/tfjs';

import { InputError } from '../errors';
import { EXAMPLE_SAMPLES } from './constants';
import { LogMelComputer } from './spectrogram';
import type { Spectrogram, SpectrogramConfig } from './types';

/** Mean and standard deviation of all log-mel values of the training set; saved with the model. */
export interface FeatureNormalization {
  mean: number;
  std: number;
}

/** Log-mel spectrograms of many equal-length waveforms with one reused computer. */
export function spectrogramsOf(
  waves: readonly Float32Array[],
  config: Partial<SpectrogramConfig> = {},
): Spectrogram[] {
  const computer = new LogMelComputer(config);
  return waves.map((w, i) => {
    if (w.length !== EXAMPLE_SAMPLES && config.sampleRate === undefined) {
      throw new InputError(
        `Example ${i} has ${w.length} samples; every example must have ${EXAMPLE_SAMPLES}.`,
      );
    }
    return computer.compute(w);
  });
}

/** Mean and standard deviation over every value of every spectrogram (std never below 1e-3). */
export function fitNormalization(specs: readonly Spectrogram[]): FeatureNormalization {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (const s of specs) {
    for (let i = 0; i < s.data.length; i++) {
      sum += s.data[i]!;
      sq += s.data[i]! * s.data[i]!;
    }
    n += s.data.length;
  }
  if (n === 0) throw new InputError('There are no sound examples to learn from.');
  const mean = sum / n;
  return { mean, std: Math.max(1e-3, Math.sqrt(Math.max(0, sq / n - mean * mean))) };
}

/**
 * Stacks spectrograms into a [n, frames, bins, 1] tensor (an image with one channel per example),
 * normalised as (value − mean) / std. The caller owns and disposes the result.
 */
export function spectrogramsToTensor(specs: readonly Spectrogram[], norm: FeatureNormalization): tf.Tensor4D {
  if (specs.length === 0) throw new InputError('There are no sound examples to turn into a tensor.');
  const { frames, bins } = specs[0]!;
  const data = new Float32Array(specs.length * frames * bins);
  specs.forEach((s, i) => {
    if (s.frames !== frames || s.bins !== bins) {
      throw new InputError(`Spectrogram ${i} is ${s.frames}×${s.bins}; expected ${frames}×${bins}.`);
    }
    for (let j = 0; j < s.data.length; j++) data[i * frames * bins + j] = (s.data[j]! - norm.mean) / norm.std;
  });
  return tf.tensor4d(data, [specs.length, frames, bins, 1]);
}
