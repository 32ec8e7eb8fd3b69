// A trained sound head together with the frozen embedding: the object the Sound studio listens with.
import * as tf from '@tensorflow/tfjs';

import { LogMelComputer, type Spectrogram } from '@/lib/audio';
import type { TeachableModel } from '@/lib/transfer';
import { InputError } from '@/lib/errors';
import { disposeHead, makeTransferMetadata, type TransferModelMetadata } from '@/lib/transfer';
import { soundFeaturesTensor } from './band-stats';
import {
  SOUND_EMBEDDING_BINS,
  SOUND_EMBEDDING_FRAMES,
  SOUND_EMBEDDING_NAME,
  SOUND_EMBEDDING_SIZE,
  SOUND_EMBEDDING_SPECTROGRAM,
  SOUND_FEATURES_NAME,
  SOUND_FEATURES_SIZE,
} from './constants';
import type { SoundFeatureExtractor } from './types';

/**
 * Embedding + head with the same predicting interface as lib/audio's SoundClassifier
 * (`labels`, `predictSpectrograms`, `predictWaveform`, `dispose`), so the studio can listen with
 * either. It owns the head, not the extractor (one extractor serves every trained head).
 */
export class SoundTransferClassifier implements TeachableModel<Spectrogram> {
  readonly kind = 'embedding' as const;
  readonly head: tf.LayersModel;
  readonly labels: string[];
  readonly extractor: SoundFeatureExtractor;
  readonly spectrogramConfig = SOUND_EMBEDDING_SPECTROGRAM;
  /** The features the head takes: 2 (embedding + band statistics, 208) or 1 (embedding, 128; older heads). */
  readonly featureVersion: 1 | 2;
  private computer: LogMelComputer | null = null;
  private disposed = false;

  constructor(extractor: SoundFeatureExtractor, head: tf.LayersModel, labels: readonly string[]) {
    const out = head.outputs[0]!.shape;
    const inp = head.inputs[0]!.shape;
    const size = inp[inp.length - 1];
    if (
      (size !== SOUND_FEATURES_SIZE && size !== SOUND_EMBEDDING_SIZE) ||
      out[out.length - 1] !== labels.length
    ) {
      throw new InputError(
        `The head maps ${JSON.stringify(inp)} to ${JSON.stringify(out)}; it must take ` +
          `${SOUND_FEATURES_SIZE} sound features (or ${SOUND_EMBEDDING_SIZE}, from an older version) and give ` +
          `one probability for each of ${labels.length} classes. Train the model again in the Sound studio.`,
      );
    }
    this.featureVersion = size === SOUND_FEATURES_SIZE ? 2 : 1;
    this.extractor = extractor;
    this.head = head;
    this.labels = [...labels];
  }

  /** The tfjs model saved with the project and exported: the head (the embedding ships with the app). */
  get model(): tf.LayersModel {
    return this.head;
  }

  /** Class probabilities of one 49×40 spectrogram (the teachable kit's live-prediction call). */
  async predict(spec: Spectrogram): Promise<number[]> {
    return (await this.predictSpectrograms([spec]))[0]!;
  }

  /** Metadata for an exported head (lib/transfer's format, naming the features it takes). */
  metadata(): TransferModelMetadata {
    const v2 = this.featureVersion === 2;
    return makeTransferMetadata({
      labels: this.labels,
      extractor: v2 ? SOUND_FEATURES_NAME : SOUND_EMBEDDING_NAME,
      featureSize: v2 ? SOUND_FEATURES_SIZE : SOUND_EMBEDDING_SIZE,
    });
  }

  /** Class probabilities for each 49×40 spectrogram, in label order. Leaves no tensors behind. */
  async predictSpectrograms(specs: readonly Spectrogram[]): Promise<number[][]> {
    if (specs.length === 0) return [];
    const size = SOUND_EMBEDDING_FRAMES * SOUND_EMBEDDING_BINS;
    const data = new Float32Array(specs.length * size);
    specs.forEach((s, i) => {
      if (s.frames !== SOUND_EMBEDDING_FRAMES || s.bins !== SOUND_EMBEDDING_BINS) {
        throw new InputError(
          `Spectrogram ${i} is ${s.frames}×${s.bins}; expected ${SOUND_EMBEDDING_FRAMES}×${SOUND_EMBEDDING_BINS}.`,
        );
      }
      data.set(s.data, i * size);
    });
    const out = tf.tidy(() => {
      const x = tf.tensor4d(data, [specs.length, SOUND_EMBEDDING_FRAMES, SOUND_EMBEDDING_BINS, 1]);
      return this.head.predict(
        soundFeaturesTensor(this.extractor.model, x, this.featureVersion),
      ) as tf.Tensor;
    });
    try {
      return (await out.array()) as number[][];
    } finally {
      out.dispose();
    }
  }

  /** Class probabilities for one 1-second waveform at 16 kHz. */
  async predictWaveform(samples: Float32Array): Promise<number[]> {
    this.computer ??= new LogMelComputer(SOUND_EMBEDDING_SPECTROGRAM);
    return (await this.predictSpectrograms([this.computer.compute(samples)]))[0]!;
  }

  /** Releases the head (and its optimizer state); the extractor stays. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeHead(this.head);
  }
}
