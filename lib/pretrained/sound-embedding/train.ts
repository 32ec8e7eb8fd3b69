// Teaching the sound embedding's dense head from a few 1-second examples per class, with optional
// augmented copies of the training examples (never of the held-out ones).
import {
  augmentationActive,
  augmentExamples,
  resolveAudioAugmentConfig,
  type AudioAugmentConfig,
} from '@/lib/audio';
import { InputError } from '@/lib/errors';
import {
  resolveHeadConfig,
  stratifiedSplit,
  type HeadConfig,
  type HeadEpochInfo,
  type TrainHeadResult,
} from '@/lib/transfer';
import {
  DEFAULT_SOUND_STANDARDISE_CONFIG,
  extractSoundFeatures,
  trainStandardisedSoundHead,
  type SoundStandardiseConfig,
} from './band-stats';
import type { SoundFeatureExtractor } from './types';

/**
 * Head defaults for sounds: lib/transfer's (Teachable Machine's dense 100, Adam 0.001, 15% held out)
 * with 30 epochs of batch 32 instead of 50 of 16. The embedding's features are standardised, so the
 * head converges in far fewer steps, and with augmented copies (5× the examples) the TM setting took
 * 8 s on WASM against the ≤ 5 s aim; see docs/sound-embedding.md for the measurements.
 */
export const DEFAULT_SOUND_HEAD_CONFIG: Readonly<Partial<HeadConfig>> = Object.freeze({
  epochs: 30,
  batchSize: 32,
});

/** Options for {@link trainSoundHead}. */
export interface TrainSoundHeadOptions {
  /** Head settings (lib/transfer). Defaults to DEFAULT_SOUND_HEAD_CONFIG. */
  head?: Partial<HeadConfig>;
  /** Augmentation of the training examples, or false for none. Defaults to lib/audio's defaults. */
  augment?: Partial<AudioAugmentConfig> | false;
  /** Index of the "background noise" class (its recordings are mixed into the others' copies). */
  noiseClass?: number | null;
  /** How the features are standardised before the head. Defaults to DEFAULT_SOUND_STANDARDISE_CONFIG. */
  standardise?: SoundStandardiseConfig;
  signal?: AbortSignal;
  /** Fraction 0–1 of the feature step done (originals and augmented copies). */
  onFeatures?: (fraction: number) => void;
  onEpochEnd?: (info: HeadEpochInfo) => void;
}

/** What {@link trainSoundHead} returns: the head training result plus timing of the feature step. */
export interface TrainSoundHeadResult extends TrainHeadResult {
  /** Milliseconds spent computing features (originals + augmented copies). */
  featureMs: number;
  /** Augmented copies added to the training examples. */
  augmentedCount: number;
}

/**
 * Features (version 2: embedding + band statistics) of every example, augmented copies of the
 * examples that stay in training, then lib/transfer's `trainHead` on standardised features, with the
 * standardisation folded into the returned head (it takes the raw 208 numbers). The held-out examples are chosen exactly as
 * trainHead chooses them (same stratified split and seed), so no copy of a held-out sound is ever
 * trained on. The caller owns the returned model (free it with disposeHead).
 */
export async function trainSoundHead(
  extractor: SoundFeatureExtractor,
  labels: readonly string[],
  examplesByClass: readonly (readonly Float32Array[])[],
  options: TrainSoundHeadOptions = {},
): Promise<TrainSoundHeadResult> {
  if (examplesByClass.length !== labels.length) {
    throw new InputError(
      `There are ${labels.length} class names but ${examplesByClass.length} classes of examples.`,
    );
  }
  const head = resolveHeadConfig({ ...DEFAULT_SOUND_HEAD_CONFIG, ...options.head });
  const t0 = performance.now();
  const total = examplesByClass.reduce((n, l) => n + l.length, 0);
  let done = 0;
  const features: Float32Array[][] = [];
  for (const list of examplesByClass) {
    features.push(await extractSoundFeatures(extractor, list));
    done += list.length;
    options.onFeatures?.(done / Math.max(1, total));
    if (options.signal?.aborted) break;
  }
  let extra: Float32Array[][] | undefined;
  let augmentedCount = 0;
  const aug = options.augment === false ? null : resolveAudioAugmentConfig(options.augment ?? {});
  if (aug && augmentationActive(aug) && !options.signal?.aborted) {
    // Which examples trainHead will hold out: the same split on the same feature objects.
    const held = new Set(stratifiedSplit(features, head.validationSplit, head.seed).valX);
    const trainWaves = examplesByClass.map((list, k) => list.filter((_, i) => !held.has(features[k]![i]!)));
    const copies = augmentExamples(trainWaves, aug, options.noiseClass ?? null);
    const all = copies.reduce((n, l) => n + l.length, 0);
    extra = [];
    let made = 0;
    for (const list of copies) {
      extra.push(await extractSoundFeatures(extractor, list));
      made += list.length;
      augmentedCount += list.length;
      options.onFeatures?.((total + made) / Math.max(1, total + all));
      if (options.signal?.aborted) break;
    }
  }
  const featureMs = performance.now() - t0;
  const result = await trainStandardisedSoundHead(
    labels,
    features,
    head,
    { signal: options.signal, onEpochEnd: options.onEpochEnd },
    extra,
    options.standardise ?? DEFAULT_SOUND_STANDARDISE_CONFIG,
  );
  return { ...result, featureMs, augmentedCount };
}
