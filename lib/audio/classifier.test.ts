// Training on real (synthesised) recordings: clap, whistle and speech must be told apart on unseen
// parts of the files; config validation; no tensor leaks; export → import gives the same predictions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { ConfigError, InputError } from '../errors';
import { exportModelZip, loadImportedLayersModel } from '../persist';
import {
  AUDIO_SAMPLE_RATE,
  decodeWav,
  resample,
  resolveSoundClassifierConfig,
  SoundClassifier,
  spectrogramsOf,
  toMono,
  trainSoundClassifier,
  type Spectrogram,
  type SoundTrainResult,
} from './index';
import { stratifiedSplitIndices } from '../transfer/dataset';

const FIXTURES = join(__dirname, '../../tests/fixtures/sound');

function load(name: string): Float32Array {
  const wav = decodeWav(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
  return resample(toMono(wav.channels), wav.sampleRate, AUDIO_SAMPLE_RATE);
}

/** 1-second windows starting every `hop` seconds within [from, to) seconds of the recording. */
function windows(x: Float32Array, from: number, to: number, hop: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let s = from; s + 1 <= to + 1e-9; s += hop) {
    const start = Math.round(s * AUDIO_SAMPLE_RATE);
    out.push(x.slice(start, start + AUDIO_SAMPLE_RATE));
  }
  return out;
}

const LABELS = ['clap', 'whistle', 'speech'];

describe('sound classifier', () => {
  let result: SoundTrainResult;
  let test: { specs: Spectrogram[]; classes: number[] };

  beforeAll(async () => {
    const sounds = LABELS.map((l) => load(`${l}.wav`));
    // Train on the first 3.2 s of each file, test on the last 1.8 s: those claps, whistles and
    // words were never heard during training.
    const trainWaves = sounds.map((x) => windows(x, 0, 3.2, 0.44));
    const testWaves = sounds.map((x) => windows(x, 3.2, 5, 0.4));
    const dataset = {
      labels: LABELS,
      spectrograms: spectrogramsOf(trainWaves.flat()),
      classes: trainWaves.flatMap((w, k) => w.map(() => k)),
    };
    test = { specs: spectrogramsOf(testWaves.flat()), classes: testWaves.flatMap((w, k) => w.map(() => k)) };
    const before = tf.memory().numTensors;
    result = await trainSoundClassifier(dataset, {
      epochs: 12,
      batchSize: 8,
      validationFraction: 0.2,
      seed: 3,
    });
    // Leak check: only the trained model's weights remain.
    const weights = result.classifier.model.weights.length;
    expect(tf.memory().numTensors - before).toBe(weights);
    // Training a CNN on tfjs's pure-JS CPU backend is slow on a shared 2-core machine.
  }, 400_000);

  it('learns: loss falls; with under 10 examples a class, all of them train', () => {
    const loss = result.training.history.loss;
    expect(loss[loss.length - 1]!).toBeLessThan(loss[0]! * 0.5);
    expect(result.validationIndices).toHaveLength(0);
    expect(result.confusion).toHaveLength(3);
  });

  it('tells clap, whistle and speech apart on unseen parts of the recordings', async () => {
    const probs = await result.classifier.predictSpectrograms(test.specs);
    const predicted = probs.map((p) => p.indexOf(Math.max(...p)));
    const correct = predicted.filter((p, i) => p === test.classes[i]).length;
    expect(correct / predicted.length).toBeGreaterThanOrEqual(0.85);
  });

  it('predicting leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await result.classifier.predictSpectrograms(test.specs.slice(0, 2));
    await result.classifier.predictWaveform(new Float32Array(AUDIO_SAMPLE_RATE));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('exports and imports with the same predictions', async () => {
    const zip = await exportModelZip(result.classifier.model, result.classifier.metadata());
    const { model, metadata } = await loadImportedLayersModel([{ name: 'sound-model.zip', data: zip }]);
    const again = SoundClassifier.fromModel(model, metadata);
    expect(again.labels).toEqual(LABELS);
    const a = await result.classifier.predictSpectrograms(test.specs);
    const b = await again.predictSpectrograms(test.specs);
    a.flat().forEach((v, i) => expect(b.flat()[i]).toBeCloseTo(v, 5));
    again.dispose();
  });

  it('refuses metadata from something else', () => {
    expect(() => SoundClassifier.fromModel(result.classifier.model, { labels: ['a'] })).toThrow(InputError);
  });
});

describe('training input checks', () => {
  const spec: Spectrogram = { frames: 49, bins: 40, data: new Float32Array(49 * 40) };
  it('needs two classes, each with examples', async () => {
    await expect(trainSoundClassifier({ labels: ['a'], spectrograms: [spec], classes: [0] })).rejects.toThrow(
      /two classes/,
    );
    await expect(
      trainSoundClassifier({ labels: ['a', 'b'], spectrograms: [spec], classes: [0] }),
    ).rejects.toThrow(/"b" has no examples/);
  });

  it.each([
    [{ epochs: 0 }, 'epochs'],
    [{ learningRate: 0 }, 'learningRate'],
    [{ dropout: 1 }, 'dropout'],
    [{ filters: [] }, 'filters'],
    [{ validationFraction: 1 }, 'validationFraction'],
  ])('rejects %o', (partial, field) => {
    expect(() => resolveSoundClassifierConfig(partial)).toThrow(ConfigError);
    expect(() => resolveSoundClassifierConfig(partial)).toThrow(field);
  });

  it('stratified split keeps a training example in every class and is seeded', () => {
    const classes = [
      ...new Array<number>(12).fill(0),
      ...new Array<number>(10).fill(1),
      ...new Array<number>(10).fill(2),
    ];
    const s = stratifiedSplitIndices(classes, 0.4, 1);
    expect(new Set(s.train.map((i) => classes[i]))).toEqual(new Set([0, 1, 2]));
    expect(s.validation.length).toBe(5 + 4 + 4);
    // With fewer than 10 examples in a class, nothing is held out.
    expect(stratifiedSplitIndices([0, 0, 0, 0, 0, 1, 1, 2], 0.4, 1).validation).toEqual([]);
    expect(stratifiedSplitIndices(classes, 0.4, 1)).toEqual(s);
  });
});
