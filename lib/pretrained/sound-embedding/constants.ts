// The shipped sound embedding: where it lives, what it takes and gives, and its licence.
import { DEFAULT_SPECTROGRAM_CONFIG } from '@/lib/audio';

/** URL of the embedding's model.json on our own origin (written by scripts/sound/train_embedding.py). */
export const SOUND_EMBEDDING_URL = '/models/sound-embedding/model.json';

/** URL of metadata.json beside it (training data, quality, history). */
export const SOUND_EMBEDDING_METADATA_URL = '/models/sound-embedding/metadata.json';

/** Log-mel frames per 1-second window (16 kHz, hop 320, frame 512): the model's input height. */
export const SOUND_EMBEDDING_FRAMES = 49;

/** Mel bands per frame: the model's input width. */
export const SOUND_EMBEDDING_BINS = 40;

/** Input shape without the batch axis: [frames, mel bands, 1]. */
export const SOUND_EMBEDDING_INPUT_SHAPE: readonly [number, number, number] = Object.freeze([
  SOUND_EMBEDDING_FRAMES,
  SOUND_EMBEDDING_BINS,
  1,
]) as unknown as readonly [number, number, number];

/** Numbers per window that the embedding gives (its feature size). */
export const SOUND_EMBEDDING_SIZE = 128;

/**
 * Stable name of the embedding's own 128 numbers (feature version 1). Heads saved or exported before
 * feature version 2 carry it and still restore (they take these 128 numbers).
 */
export const SOUND_EMBEDDING_NAME = 'sound-embedding-dscnn128@1';

/**
 * Name of the Sound studio's head features since feature version 2: the embedding's 128 numbers, then
 * the mean and standard deviation of each of the 40 log-mel bands over the window (80 numbers). Written
 * into saved and exported heads, so a head is always fed the features it was trained on.
 */
export const SOUND_FEATURES_NAME = 'sound-embedding-dscnn128+bands80@2';

/** Numbers per window of {@link SOUND_FEATURES_NAME}: 128 + 2 × 40. */
export const SOUND_FEATURES_SIZE = SOUND_EMBEDDING_SIZE + 2 * SOUND_EMBEDDING_BINS;

/** The Sound studio's feature version (1: embedding only; 2: + band statistics). */
export const SOUND_FEATURE_VERSION = 2;

/**
 * The only log-mel settings the embedding was trained on: lib/audio's defaults (16 kHz, 512-sample
 * Hann frames every 320 samples, 40 mel bands 60 Hz–8 kHz, natural log of energy + 1e-6).
 */
export const SOUND_EMBEDDING_SPECTROGRAM = DEFAULT_SPECTROGRAM_CONFIG;

/** Licence of the weights and of what they were trained on. */
export const SOUND_EMBEDDING_LICENCE =
  'Weights: MIT (Creative AI Studio, trained by scripts/sound/train_embedding.py). Training data: ' +
  'only audio synthesised on our machine by espeak-ng and CMU Flite (speech) and FluidSynth with the ' +
  'FluidR3_GM soundfont (MIT) — no recordings of people.';
