// Types of the sound embedding loader and its feature extractor.
import type * as tf from '@tensorflow/tfjs';

import type { Spectrogram } from '@/lib/audio';
import type { FeatureExtractor } from '@/lib/transfer';

/** What the sound extractor accepts: a 49×40 log-mel spectrogram or a 1-s, 16 kHz waveform. */
export type SoundInput = Spectrogram | Float32Array;

/** Options for {@link loadSoundEmbedding}. */
export interface LoadSoundEmbeddingOptions {
  /** model.json URL or a tf.io.IOHandler. Defaults to SOUND_EMBEDDING_URL. */
  model?: string | tf.io.IOHandler;
  /** Run one prediction at the real input shape after loading. Defaults to true. */
  warmUp?: boolean;
  /** Fetch function for URLs (tests, service workers). Defaults to the global fetch. */
  fetchFunc?: typeof fetch;
  /** Called with the fraction (0–1) of the weights loaded. */
  onProgress?: (fraction: number) => void;
}

/** The frozen sound embedding as a transfer-learning feature extractor. */
export interface SoundFeatureExtractor extends FeatureExtractor<SoundInput> {
  /** The loaded tfjs model (owned by the extractor; frozen). */
  readonly model: tf.LayersModel;
  /** Features of many inputs in batches, one Float32Array each (leaves no tensors). */
  extractMany(inputs: readonly SoundInput[], batchSize?: number): Promise<Float32Array[]>;
}
