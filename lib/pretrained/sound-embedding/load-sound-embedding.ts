// Loads the shipped sound embedding (tfjs LayersModel) and wraps it as a frozen feature extractor.
import * as tf from '@tensorflow/tfjs';

import { InputError, ModelLoadError } from '@/lib/errors';
import { LogMelComputer, type Spectrogram } from '@/lib/audio';
import {
  SOUND_EMBEDDING_BINS,
  SOUND_EMBEDDING_FRAMES,
  SOUND_EMBEDDING_NAME,
  SOUND_EMBEDDING_SIZE,
  SOUND_EMBEDDING_SPECTROGRAM,
  SOUND_EMBEDDING_URL,
} from './constants';
import type { LoadSoundEmbeddingOptions, SoundFeatureExtractor, SoundInput } from './types';

const WINDOW_SAMPLES = SOUND_EMBEDDING_SPECTROGRAM.sampleRate;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Loads the sound embedding model: 49×40 log-mel in, 128 numbers out. Checks the shapes, freezes
 * the weights and (by default) runs one warm-up prediction. The caller disposes the model.
 * @throws ModelLoadError naming the file when it is missing, broken or of the wrong shape.
 */
export async function loadSoundEmbedding(options: LoadSoundEmbeddingOptions = {}): Promise<tf.LayersModel> {
  const source = options.model ?? SOUND_EMBEDDING_URL;
  const label = typeof source === 'string' ? source : 'the given IOHandler';
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(
      typeof source === 'string'
        ? tf.io.http(source, { fetchFunc: options.fetchFunc, onProgress: options.onProgress })
        : source,
    );
  } catch (e) {
    throw new ModelLoadError(
      `The sound embedding could not be loaded from ${label}: ${message(e)}. ` +
        'It ships in public/models/sound-embedding (scripts/sound/train_embedding.py writes it).',
    );
  }
  const input = model.inputs[0]?.shape ?? [];
  const output = model.outputs[0]?.shape ?? [];
  if (
    model.inputs.length !== 1 ||
    input[1] !== SOUND_EMBEDDING_FRAMES ||
    input[2] !== SOUND_EMBEDDING_BINS ||
    input[3] !== 1 ||
    output.length !== 2 ||
    output[1] !== SOUND_EMBEDDING_SIZE
  ) {
    model.dispose();
    throw new ModelLoadError(
      `The model at ${label} maps ${JSON.stringify(input)} to ${JSON.stringify(output)}; the sound ` +
        `embedding must map [null, ${SOUND_EMBEDDING_FRAMES}, ${SOUND_EMBEDDING_BINS}, 1] to [null, ${SOUND_EMBEDDING_SIZE}].`,
    );
  }
  model.trainable = false;
  if (options.warmUp ?? true) {
    const warm = tf.tidy(
      () => model.predict(tf.zeros([1, SOUND_EMBEDDING_FRAMES, SOUND_EMBEDDING_BINS, 1])) as tf.Tensor,
    );
    await warm.data();
    warm.dispose();
  }
  return model;
}

/** Checks a spectrogram has the embedding's shape. */
function checkSpectrogram(s: Spectrogram, i: number): void {
  if (s.frames !== SOUND_EMBEDDING_FRAMES || s.bins !== SOUND_EMBEDDING_BINS) {
    throw new InputError(
      `Sound ${i} is a ${s.frames}×${s.bins} spectrogram; the sound embedding needs ` +
        `${SOUND_EMBEDDING_FRAMES}×${SOUND_EMBEDDING_BINS} (1 second at lib/audio's default settings).`,
    );
  }
}

/**
 * Wraps a loaded embedding model as a FeatureExtractor for lib/transfer: waveforms (1 s at 16 kHz)
 * or spectrograms in, 128-number feature vectors out. The extractor owns the model.
 */
export function createSoundFeatureExtractor(model: tf.LayersModel): SoundFeatureExtractor {
  const computer = new LogMelComputer(SOUND_EMBEDDING_SPECTROGRAM);
  let disposed = false;

  const toSpectrogram = (x: SoundInput, i: number): Spectrogram => {
    if (x instanceof Float32Array) {
      if (x.length !== WINDOW_SAMPLES) {
        throw new InputError(
          `Sound ${i} has ${x.length} samples; the sound embedding needs ${WINDOW_SAMPLES} (1 s at 16 kHz).`,
        );
      }
      return computer.compute(x);
    }
    checkSpectrogram(x, i);
    return x;
  };
  const toTensor = (specs: readonly Spectrogram[]): tf.Tensor4D => {
    const size = SOUND_EMBEDDING_FRAMES * SOUND_EMBEDDING_BINS;
    const data = new Float32Array(specs.length * size);
    specs.forEach((s, i) => data.set(s.data, i * size));
    return tf.tensor4d(data, [specs.length, SOUND_EMBEDDING_FRAMES, SOUND_EMBEDDING_BINS, 1]);
  };
  const guard = () => {
    if (disposed) throw new ModelLoadError('The sound embedding was disposed; load it again.');
  };

  return {
    name: SOUND_EMBEDDING_NAME,
    featureSize: SOUND_EMBEDDING_SIZE,
    model,
    extractTensor(input) {
      guard();
      const spec = toSpectrogram(input, 0);
      return tf.tidy(() => model.predict(toTensor([spec])) as tf.Tensor2D);
    },
    async extract(input) {
      return (await this.extractMany([input]))[0]!;
    },
    async extractMany(inputs, batchSize = 32) {
      guard();
      const out: Float32Array[] = [];
      for (let start = 0; start < inputs.length; start += batchSize) {
        const specs = inputs.slice(start, start + batchSize).map((x, j) => toSpectrogram(x, start + j));
        const t = tf.tidy(() => model.predict(toTensor(specs)) as tf.Tensor2D);
        try {
          const flat = (await t.data()) as Float32Array;
          for (let j = 0; j < specs.length; j++) {
            out.push(flat.slice(j * SOUND_EMBEDDING_SIZE, (j + 1) * SOUND_EMBEDDING_SIZE));
          }
        } finally {
          t.dispose();
        }
      }
      return out;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      model.dispose();
    },
  };
}
