// Checks the shipped digit models load in tfjs and match PyTorch, reach their accuracy, and leak nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, ModelLoadError } from '@/lib/errors';
import { DIGIT_MODEL_NAMES, DIGIT_MODELS, loadDigitModel, loadMnist, parseMetadata } from './index';
import type { DigitModelMetadata, DigitModelName, MnistData } from './index';
import { REPO_ROOT, fsFetch, fsModelHandler, modelDir, readJson } from './node-files.test-util';

/** The accuracy each model was asked to reach on the 2,000 held-out digits. */
const AIMS: Record<DigitModelName, number> = { 'digits-mlp': 0.96, 'digits-cnn': 0.985 };

interface Reference {
  rows: number[];
  labels: number[];
  probabilities: number[][];
}

function metadataOf(name: string): DigitModelMetadata {
  const file = path.join(modelDir(name), 'metadata.json');
  return parseMetadata(readFileSync(file, 'utf8'), file);
}

let mnist: MnistData;
beforeAll(async () => {
  mnist = await loadMnist(fsFetch(path.join(REPO_ROOT, 'public', 'data', 'mnist')));
});

describe.each(DIGIT_MODEL_NAMES.map((name) => [name]))('%s', (name) => {
  it('gives the same probabilities as PyTorch on the reference digits (to 1e-4)', async () => {
    const digits = await loadDigitModel(fsModelHandler(modelDir(name)), {
      metadata: metadataOf(name),
    });
    const reference = readJson<Reference>('public', 'models', name, 'reference.json');
    const trainCount = mnist.meta.split.trainCount;
    reference.rows.forEach((row, i) => {
      const start = (row - trainCount) * 784;
      const probs = digits.predict(mnist.testImages.slice(start, start + 784));
      expect(probs).toHaveLength(10);
      probs.forEach((p, k) => expect(Math.abs(p - reference.probabilities[i][k])).toBeLessThan(1e-4));
      expect(probs.indexOf(Math.max(...probs))).toBe(reference.labels[i]);
    });
    digits.dispose();
  });

  // The pure-JS CPU backend runs convolutions in plain loops: 2,000 CNN predictions take one to
  // four minutes on 2 shared cores, hence the long timeout.
  it('reaches the accuracy in its metadata on the 2,000 held-out digits', { timeout: 600_000 }, async () => {
    const digits = await loadDigitModel(fsModelHandler(modelDir(name)), {
      metadata: metadataOf(name),
    });
    const rows = digits.predictBatch(mnist.testImages);
    const correct = rows.filter((p, i) => p.indexOf(Math.max(...p)) === mnist.testLabels[i]).length;
    const accuracy = correct / mnist.testLabels.length;
    expect(mnist.testLabels.length).toBe(2000);
    expect(Math.abs(accuracy - digits.metadata.testAccuracy)).toBeLessThanOrEqual(0.001);
    expect(accuracy).toBeGreaterThanOrEqual(AIMS[name]);
    digits.dispose();
  });

  it('leaks no tensors across load, predict and dispose', async () => {
    const before = tf.memory().numTensors;
    const digits = await loadDigitModel(fsModelHandler(modelDir(name)), {
      metadata: metadataOf(name),
    });
    digits.predict(mnist.testImages.slice(0, 784));
    digits.predictBatch(mnist.testImages.slice(0, 784 * 5));
    digits.dispose();
    digits.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('matches the table in constants.ts', () => {
    const meta = metadataOf(name);
    const info = DIGIT_MODELS[name];
    expect(meta.params).toBe(info.params);
    expect(readFileSync(path.join(modelDir(name), 'weights.bin')).length).toBe(info.bytes);
    expect(meta.inputShape).toEqual([null, 28, 28, 1]);
    expect(meta.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('loadDigitModel', () => {
  it('loads by URL with a fetch function, fetching metadata.json beside model.json', async () => {
    const dir = modelDir('digits-cnn');
    const fetchFunc = (async (input: RequestInfo | URL) => {
      const file = path.basename(String(input instanceof Request ? input.url : input));
      return new Response(readFileSync(path.join(dir, file)));
    }) as typeof fetch;
    const fractions: number[] = [];
    const before = tf.memory().numTensors;
    const digits = await loadDigitModel(
      { url: 'http://localhost/models/digits-cnn/model.json' },
      { fetchFunc, onProgress: (f) => fractions.push(f) },
    );
    expect(digits.metadata.name).toBe('digits-cnn');
    expect(fractions.at(-1)).toBe(1);
    digits.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws ModelLoadError for missing or broken files and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    await expect(
      loadDigitModel({ load: async () => Promise.reject(new Error('ENOENT model.json')) }),
    ).rejects.toThrow(ModelLoadError);
    await expect(loadDigitModel({ load: async () => ({}) })).rejects.toThrow(/not a tfjs LayersModel/);
    await expect(loadDigitModel('digits-rnn' as DigitModelName)).rejects.toThrow(ModelLoadError);

    const good = await fsModelHandler(modelDir('digits-mlp')).load!();
    const truncated = { ...good, weightData: (good.weightData as ArrayBuffer).slice(0, 1000) };
    await expect(loadDigitModel({ load: async () => truncated })).rejects.toThrow(ModelLoadError);

    const wrongShape = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [784], units: 10, activation: 'softmax' })],
    });
    let saved: tf.io.ModelArtifacts | undefined;
    await wrongShape.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    wrongShape.dispose();
    await expect(loadDigitModel({ load: async () => saved! })).rejects.toThrow(/must take/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses input of the wrong size and use after dispose', async () => {
    const digits = await loadDigitModel(fsModelHandler(modelDir('digits-mlp')));
    expect(digits.metadata.labels).toHaveLength(10);
    expect(() => digits.predict(new Float32Array(100))).toThrow(InputError);
    expect(() => digits.predictBatch(new Float32Array(785))).toThrow(InputError);
    digits.dispose();
    expect(() => digits.predict(new Float32Array(784))).toThrow(ModelLoadError);
  });
});
