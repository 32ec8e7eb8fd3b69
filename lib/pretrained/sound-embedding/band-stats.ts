// Head-side features of the Sound studio (feature version 2): the frozen embedding's 128 numbers and
// the per-band mean and spread of the 49×40 log-mel window (80 numbers), then a standardisation fitted
// on the user's examples and folded into the head's first dense layer, so a saved or exported head
// takes the raw 208 numbers. See docs/sound-embedding.md ("Non-speech") for the measurements.
import * as tf from '@tensorflow/tfjs';

import { InputError } from '@/lib/errors';
import { LogMelComputer, type Spectrogram } from '@/lib/audio';
import {
  trainHead,
  type FeaturesByClass,
  type HeadConfig,
  type TrainHeadOptions,
  type TrainHeadResult,
} from '@/lib/transfer';
import {
  SOUND_EMBEDDING_BINS,
  SOUND_EMBEDDING_FRAMES,
  SOUND_EMBEDDING_SIZE,
  SOUND_EMBEDDING_SPECTROGRAM,
  SOUND_FEATURES_SIZE,
} from './constants';
import type { SoundFeatureExtractor, SoundInput } from './types';

/** Numbers of the band statistics: the mean of each mel band, then its standard deviation. */
export const SOUND_BAND_STATS_SIZE = 2 * SOUND_EMBEDDING_BINS;

/** How the 208 features are standardised before the head (fitted on the training features). */
export interface SoundStandardiseConfig {
  /**
   * Shrinkage of the fitted variance towards the fixed scale of each block: variance +
   * shrink × fixedScale² (fixedScale 1 for the embedding, which is already unit-scale, and
   * {@link SOUND_STATS_FIXED_SCALE} for the statistics). 0 is plain standardisation.
   */
  shrink: number;
  /** Weight of the band-statistics block after standardisation (1 = as the embedding). */
  statsWeight: number;
  /** 'fit': standardise the embedding too; 'raw': leave its 128 numbers as the network gives them. */
  embedding: 'fit' | 'raw';
}

/** Spread of log-mel values over the embedding's augmented training input (its own input scale). */
export const SOUND_STATS_FIXED_SCALE = 2.15;

/**
 * The shipped standardisation, chosen with bench/sound-features.eval.ts (docs/sound-embedding.md): the
 * embedding as the network gives it (already unit-scale; fitting it on a few examples cost speech clips),
 * the band statistics standardised on the examples with a small shrinkage (variance + 0.03 × 2.15²),
 * which also keeps a band that is silent in every example (an 8 kHz recording's top bands) from being
 * blown up by a near-zero spread.
 */
export const DEFAULT_SOUND_STANDARDISE_CONFIG: Readonly<SoundStandardiseConfig> = Object.freeze({
  shrink: 0.03,
  statsWeight: 1,
  embedding: 'raw',
});

/** Per-feature affine map x → (x − mean) × scale. */
export interface SoundStandardisation {
  mean: Float32Array;
  scale: Float32Array;
}

/** Mean then population standard deviation of each mel band over the frames of one spectrogram. */
export function bandStats(spec: Spectrogram): Float32Array {
  const { frames, bins, data } = spec;
  const out = new Float32Array(2 * bins);
  for (let b = 0; b < bins; b++) {
    let m = 0;
    for (let t = 0; t < frames; t++) m += data[t * bins + b]!;
    m /= frames;
    let v = 0;
    for (let t = 0; t < frames; t++) v += (data[t * bins + b]! - m) ** 2;
    out[b] = m;
    out[bins + b] = Math.sqrt(v / frames);
  }
  return out;
}

/**
 * The band statistics of a batch of log-mel windows [n, frames, bins, 1] as [n, 2 × bins]
 * (the tensor twin of {@link bandStats}). Call inside tf.tidy.
 */
export function bandStatsTensor(x: tf.Tensor4D): tf.Tensor2D {
  const [n, , bins] = [x.shape[0], x.shape[1], x.shape[2]];
  const { mean, variance } = tf.moments(x, 1);
  return tf.concat([mean.reshape([n, bins]), tf.sqrt(variance).reshape([n, bins])], 1) as tf.Tensor2D;
}

/** Fits the standardisation of 208-number sound features on the examples a head trains on. */
export function fitSoundStandardisation(
  features: readonly Float32Array[],
  config: SoundStandardiseConfig = DEFAULT_SOUND_STANDARDISE_CONFIG,
): SoundStandardisation {
  if (features.length === 0)
    throw new InputError('There are no sound features to standardise; add examples.');
  const n = features[0]!.length;
  const mean = new Float64Array(n);
  const sq = new Float64Array(n);
  for (const f of features) {
    if (f.length !== n) {
      throw new InputError(`A sound feature has ${f.length} numbers, another ${n}; they must all be alike.`);
    }
    for (let i = 0; i < n; i++) mean[i] += f[i]! / features.length;
  }
  for (const f of features) for (let i = 0; i < n; i++) sq[i] += (f[i]! - mean[i]!) ** 2 / features.length;
  const out: SoundStandardisation = { mean: new Float32Array(n), scale: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const isEmbedding = i < SOUND_EMBEDDING_SIZE;
    if (isEmbedding && config.embedding === 'raw') {
      out.mean[i] = 0;
      out.scale[i] = 1;
      continue;
    }
    const fixed = isEmbedding ? 1 : SOUND_STATS_FIXED_SCALE;
    const w = isEmbedding ? 1 : config.statsWeight;
    out.mean[i] = mean[i]!;
    out.scale[i] = w / Math.sqrt(sq[i]! + config.shrink * fixed * fixed + 1e-6);
  }
  return out;
}

/** One feature vector standardised (a new array). */
export function standardiseSoundFeature(f: Float32Array, s: SoundStandardisation): Float32Array {
  return Float32Array.from(f, (v, i) => (v - s.mean[i]!) * s.scale[i]!);
}

/**
 * Folds a standardisation into the first dense layer of a head trained on standardised features, so
 * the head takes the raw features: W·((x − m)·s) + b = (s·W)·x + (b − (m·s)·W). Changes the head's
 * weights in place; leaves no tensors behind.
 */
export function foldSoundStandardisation(head: tf.LayersModel, s: SoundStandardisation): void {
  const dense = head.layers.find((l) => l.getClassName() === 'Dense');
  const weights = dense?.getWeights() ?? [];
  if (!dense || weights.length !== 2 || weights[0]!.shape[0] !== s.mean.length) {
    throw new InputError(
      `The sound head's first dense layer does not take ${s.mean.length} features; it cannot carry the standardisation.`,
    );
  }
  const folded = tf.tidy(() => {
    const [kernel, bias] = weights as [tf.Tensor2D, tf.Tensor1D];
    const scale = tf.tensor2d(s.scale, [s.scale.length, 1]);
    const shift = tf.tensor2d(
      Float32Array.from(s.mean, (m, i) => m * s.scale[i]!),
      [1, s.mean.length],
    );
    const k = kernel.mul(scale);
    const b = bias.sub(shift.matMul(kernel).reshape(bias.shape));
    return [k, b];
  });
  dense.setWeights(folded);
  tf.dispose(folded);
}

let sharedComputer: LogMelComputer | null = null;

/**
 * The head features (version 2) of 1-s, 16 kHz waveforms or 49×40 log-mel spectrograms: the frozen
 * embedding's 128 numbers, then the 80 band statistics of the same spectrogram. Leaves no tensors.
 * @throws InputError naming the sound when it has the wrong length or shape.
 */
export async function extractSoundFeatures(
  extractor: SoundFeatureExtractor,
  inputs: readonly SoundInput[],
  batchSize = 32,
): Promise<Float32Array[]> {
  const specs = inputs.map((x, i) => {
    if (!(x instanceof Float32Array)) return x;
    if (x.length !== SOUND_EMBEDDING_SPECTROGRAM.sampleRate) {
      throw new InputError(
        `Sound ${i} has ${x.length} samples; the sound features need ${SOUND_EMBEDDING_SPECTROGRAM.sampleRate} (1 s at 16 kHz).`,
      );
    }
    sharedComputer ??= new LogMelComputer(SOUND_EMBEDDING_SPECTROGRAM);
    return sharedComputer.compute(x);
  });
  const embedded = await extractor.extractMany(specs, batchSize);
  return embedded.map((e, i) => {
    const out = new Float32Array(SOUND_FEATURES_SIZE);
    out.set(e);
    out.set(bandStats(specs[i]!), SOUND_EMBEDDING_SIZE);
    return out;
  });
}

/**
 * The head features of a batch of log-mel windows [n, 49, 40, 1]: [n, 208] for feature version 2,
 * [n, 128] (the embedding alone) for version 1. Call inside tf.tidy.
 */
export function soundFeaturesTensor(
  embedding: tf.LayersModel,
  x: tf.Tensor4D,
  version: 1 | 2 = 2,
): tf.Tensor2D {
  if (x.shape[1] !== SOUND_EMBEDDING_FRAMES || x.shape[2] !== SOUND_EMBEDDING_BINS) {
    throw new InputError(
      `The sound windows are ${x.shape[1]}×${x.shape[2]}; the sound features need ${SOUND_EMBEDDING_FRAMES}×${SOUND_EMBEDDING_BINS}.`,
    );
  }
  const e = embedding.predict(x) as tf.Tensor2D;
  return version === 1 ? e : (tf.concat([e, bandStatsTensor(x)], 1) as tf.Tensor2D);
}

/**
 * lib/transfer's trainHead on sound features with the standardisation fitted on everything that
 * trains (the originals and the augmented copies) and folded into the returned head afterwards, so
 * the head takes raw features (what the classifier, the saved project and the exported model feed
 * it). The caller owns the returned model.
 */
export async function trainStandardisedSoundHead(
  labels: readonly string[],
  features: FeaturesByClass,
  head: Partial<HeadConfig>,
  options: TrainHeadOptions = {},
  extraTrain?: FeaturesByClass,
  config: SoundStandardiseConfig = DEFAULT_SOUND_STANDARDISE_CONFIG,
): Promise<TrainHeadResult> {
  const rows = [...features.flat(), ...(extraTrain?.flat() ?? [])] as Float32Array[];
  const st = fitSoundStandardisation(rows, config);
  const f = (x: Float32Array) => standardiseSoundFeature(x, st);
  const result = await trainHead(
    labels,
    features.map((l) => l.map((x) => f(x as Float32Array))),
    head,
    options,
    extraTrain?.map((l) => l.map((x) => f(x as Float32Array))),
  );
  foldSoundStandardisation(result.model, st);
  return result;
}
