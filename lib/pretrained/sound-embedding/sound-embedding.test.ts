// The shipped sound embedding: lib/audio features + the exported tfjs model reproduce PyTorch's
// reference embeddings, shapes and errors are checked, and nothing leaks.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AUDIO_SAMPLE_RATE, decodeWav, toMono } from '@/lib/audio';
import { InputError, ModelLoadError } from '@/lib/errors';
import { fsModelHandler, modelDir, readJson, REPO_ROOT } from '../digits/node-files.test-util';
import {
  createSoundFeatureExtractor,
  loadSoundEmbedding,
  SOUND_EMBEDDING_NAME,
  SOUND_EMBEDDING_SIZE,
  type SoundFeatureExtractor,
} from './index';

interface Reference {
  rows: { file: string; startSample: number; embedding: number[] }[];
}

function window(file: string, start: number): Float32Array {
  const wav = decodeWav(new Uint8Array(readFileSync(path.join(REPO_ROOT, file))), file);
  expect(wav.sampleRate).toBe(AUDIO_SAMPLE_RATE);
  return toMono(wav.channels).slice(start, start + AUDIO_SAMPLE_RATE);
}

let extractor: SoundFeatureExtractor;
beforeAll(async () => {
  extractor = createSoundFeatureExtractor(
    await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')) }),
  );
});
afterAll(() => extractor.dispose());

describe('sound embedding', () => {
  it('gives the same embeddings as PyTorch on the reference windows (to 1e-4)', async () => {
    const reference = readJson<Reference>('public', 'models', 'sound-embedding', 'reference.json');
    expect(reference.rows.length).toBeGreaterThanOrEqual(4);
    for (const row of reference.rows) {
      const e = await extractor.extract(window(row.file, row.startSample));
      expect(e).toHaveLength(SOUND_EMBEDDING_SIZE);
      const worst = Math.max(...row.embedding.map((v, k) => Math.abs(v - e[k]!)));
      expect(worst, row.file).toBeLessThan(1e-4);
    }
  });

  it('tells the reference sounds apart (the embedding is not constant)', async () => {
    const reference = readJson<Reference>('public', 'models', 'sound-embedding', 'reference.json');
    const a = reference.rows[0]!.embedding;
    const b = reference.rows[1]!.embedding;
    expect(Math.max(...a.map((v, k) => Math.abs(v - b[k]!)))).toBeGreaterThan(0.05);
  });

  it('batches give the same numbers as single windows and leak no tensors', async () => {
    const reference = readJson<Reference>('public', 'models', 'sound-embedding', 'reference.json');
    const waves = reference.rows.map((r) => window(r.file, r.startSample));
    const before = tf.memory().numTensors;
    const many = await extractor.extractMany(waves, 3);
    const one = await extractor.extract(waves[3]!);
    const t = tf.tidy(() => extractor.extractTensor(waves[0]!).clone());
    expect(t.shape).toEqual([1, SOUND_EMBEDDING_SIZE]);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(many).toHaveLength(4);
    one.forEach((v, k) => expect(many[3]![k]).toBeCloseTo(v, 5));
    expect(extractor.name).toBe(SOUND_EMBEDDING_NAME);
  });

  it('refuses input of the wrong length or shape', async () => {
    await expect(extractor.extract(new Float32Array(8000))).rejects.toThrow(InputError);
    await expect(extractor.extract({ frames: 10, bins: 40, data: new Float32Array(400) })).rejects.toThrow(
      /49×40/,
    );
  });
});

describe('loadSoundEmbedding', () => {
  it('throws ModelLoadError for a missing file or a model of the wrong shape, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    await expect(
      loadSoundEmbedding({ model: { load: async () => Promise.reject(new Error('ENOENT')) } }),
    ).rejects.toThrow(ModelLoadError);
    const wrong = tf.sequential({ layers: [tf.layers.dense({ inputShape: [10], units: 128 })] });
    let saved: tf.io.ModelArtifacts | undefined;
    await wrong.save(
      tf.io.withSaveHandler(async (a) => {
        saved = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    wrong.dispose();
    await expect(loadSoundEmbedding({ model: { load: async () => saved! } })).rejects.toThrow(/must map/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('load, extract and dispose (twice) leave no tensors; a disposed extractor refuses work', async () => {
    const before = tf.memory().numTensors;
    const ex = createSoundFeatureExtractor(
      await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')), warmUp: true }),
    );
    await ex.extract(new Float32Array(AUDIO_SAMPLE_RATE));
    ex.dispose();
    ex.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(ex.extract(new Float32Array(AUDIO_SAMPLE_RATE))).rejects.toThrow(ModelLoadError);
  });
});
