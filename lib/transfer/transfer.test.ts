// Real-image tests: centernet features of the fixture pictures, head training, export round trips.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../errors';
import { captureArtifacts } from '../persist';
import { classify } from './classifier';
import { exportTransferModelFiles, loadTransferModel, makeTransferMetadata } from './export';
import { disposeHead, predictHead, trainHead } from './head';
import {
  createImageFeatureExtractor,
  resolveImageExtractorConfig,
  type ImageFeatureExtractor,
} from './image-extractor';
import type { TransferProject } from './project';
import { exportProjectZip, importProjectZip } from './project-zip';
import { centernetFromDisk, fixturePaths, readPpm } from './test-utils';
import { DEFAULT_HEAD_CONFIG } from './constants';
import { knnPredict } from './knn';

const LABELS = ['ball', 'block'];
/** Floors measured with multi784 (lib/transfer/README.md), a little below what it scored. */
const KNN_FLOOR_1 = 0.5;
const HEAD_FLOOR_3 = 0.5;
let extractor: ImageFeatureExtractor;
/** Features per class: the first 12 pictures train, the last 4 are a separate test set. */
const train: Float32Array[][] = [[], []];
const test: Float32Array[][] = [[], []];

beforeAll(async () => {
  extractor = await createImageFeatureExtractor({ model: centernetFromDisk() });
  for (const [cls, name] of LABELS.entries()) {
    const paths = fixturePaths(name);
    for (const [i, p] of paths.entries()) {
      const img = readPpm(p);
      const f = await extractor.extract(img);
      img.dispose();
      (i < 12 ? train : test)[cls].push(f);
    }
  }
  // 32 backbone passes on tfjs's pure-JS CPU backend: about a minute alone, several when the shared
  // 2-core machine is busy (the default 120 s hook limit then cut it off).
}, 400_000);

afterAll(() => extractor?.dispose());

describe('image feature extractor', () => {
  it('gives the 784-number multi784 vector (feature version 2), the same every time, and leaks nothing', async () => {
    const img = readPpm(fixturePaths('ball')[0]);
    const before = tf.memory().numTensors;
    const a = await extractor.extract(img);
    const b = await extractor.extract(img);
    expect(tf.memory().numTensors).toBe(before);
    img.dispose();
    expect(extractor.featureSize).toBe(784);
    expect(extractor.spec.version).toBe(2);
    expect(a).toHaveLength(784);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.every(Number.isFinite)).toBe(true);
    // Different pictures give different features.
    expect(Array.from(a)).not.toEqual(Array.from(train[1][0]));
  });

  it('crops non-square inputs to the centred square and accepts PixelData', async () => {
    const data = new Uint8Array(64 * 32 * 4).map((_, i) => (i * 37) % 256);
    const f = await extractor.extract({ data, width: 64, height: 32 });
    expect(f).toHaveLength(784);
  });

  it('scales each of the five pooled blocks to length 1/√5', async () => {
    const img = readPpm(fixturePaths('block')[2]);
    const a = await extractor.extract(img);
    img.dispose();
    let offset = 0;
    for (const size of [32, 64, 88, 120, 480]) {
      const part = a.subarray(offset, offset + size);
      expect(Math.hypot(...part)).toBeCloseTo(1 / Math.sqrt(5), 4);
      offset += size;
    }
    expect(offset).toBe(784);
  });

  it('rejects bad configs naming the field', () => {
    expect(() => resolveImageExtractorConfig({ inputSize: 100 })).toThrow(ConfigError);
    expect(() => resolveImageExtractorConfig({ mode: 'big' as never })).toThrow(/mode/);
  });
});

describe('few-shot accuracy of the chosen features on the fixtures', () => {
  // A floor, so that a change to the features (or the head, or quick mode) that makes them worse
  // fails. Five seeded draws of k examples per class; the other 32 − 2k pictures are the test.
  // The features are read when the tests run (beforeAll fills train and test).
  const draws = (k: number) =>
    [0, 1, 2, 3, 4].map((seed) => {
      const all = [0, 1].map((c) => [...train[c], ...test[c]]);
      const order = [0, 1].map((c) =>
        all[c].map((_, i) => i).sort((a, b) => ((a * 7 + seed * 5) % 16) - ((b * 7 + seed * 5) % 16)),
      );
      return {
        support: [0, 1].map((c) => order[c].slice(0, k).map((i) => all[c][i])),
        query: [0, 1].flatMap((c) => order[c].slice(k).map((i) => ({ f: all[c][i], y: c }))),
      };
    });
  const argmax = (p: number[]) => p.indexOf(Math.max(...p));

  it('quick mode (kNN) from one example per class', () => {
    let right = 0;
    let n = 0;
    for (const { support, query } of draws(1)) {
      for (const q of query) {
        right += argmax(knnPredict(support, q.f)) === q.y ? 1 : 0;
        n++;
      }
    }
    console.info(`FLOOR kNN@1 ${right / n}`);
    expect(right / n).toBeGreaterThanOrEqual(KNN_FLOOR_1);
  });

  it('the dense head from three examples per class', async () => {
    let right = 0;
    let n = 0;
    for (const [seed, { support, query }] of draws(3).entries()) {
      const r = await trainHead(LABELS, support, { validationSplit: 0, seed });
      for (const q of query) {
        right += argmax(await predictHead(r.model, q.f)) === q.y ? 1 : 0;
        n++;
      }
      disposeHead(r.model);
    }
    console.info(`FLOOR head@3 ${right / n}`);
    expect(right / n).toBeGreaterThanOrEqual(HEAD_FLOOR_3);
  });
});

describe('head on real image features', () => {
  it('trains with the defaults and classifies unseen pictures well', async () => {
    const before = tf.memory().numTensors;
    const epochs: number[] = [];
    const r = await trainHead(LABELS, train, { seed: 3 }, { onEpochEnd: (e) => epochs.push(e.epoch) });
    expect(epochs).toHaveLength(DEFAULT_HEAD_CONFIG.epochs);
    expect(r.counts).toEqual({ train: 20, validation: 4 });
    expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(4);
    let ok = 0;
    for (const [cls, list] of test.entries()) {
      for (const f of list) {
        const p = await predictHead(r.model, f);
        if (p.indexOf(Math.max(...p)) === cls) ok++;
      }
    }
    // 8 pictures the head never saw; chance is 50%.
    expect(ok / 8).toBeGreaterThanOrEqual(0.875);
    disposeHead(r.model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('classify() runs extractor + head on pixels without leaking', async () => {
    const r = await trainHead(LABELS, train, { epochs: 10, seed: 1 });
    const img = readPpm(fixturePaths('block')[15]);
    const before = tf.memory().numTensors;
    const p = await classify(extractor, r.model, img);
    expect(tf.memory().numTensors).toBe(before);
    expect(p).toHaveLength(2);
    expect(p[0] + p[1]).toBeCloseTo(1, 5);
    img.dispose();
    disposeHead(r.model);
  });

  it('export → import of the model gives identical predictions', async () => {
    const r = await trainHead(LABELS, train, { epochs: 10, seed: 2 });
    const meta = makeTransferMetadata({
      labels: LABELS,
      extractor: extractor.name,
      featureSize: extractor.featureSize,
      imageSize: 224,
      backboneNodes: extractor.nodes,
    });
    const files = await exportTransferModelFiles(r.model, meta);
    expect(files.map((f) => f.name).sort()).toEqual([
      'metadata.json',
      'model.json',
      'run-with-creative-ai-studio.js',
      'weights.bin',
    ]);
    const back = await loadTransferModel(files);
    expect(back.metadata.labels).toEqual(LABELS);
    expect(back.metadata.imageSize).toBe(224);
    for (const f of [...test[0], ...test[1]]) {
      expect(await predictHead(back.model, f)).toEqual(await predictHead(r.model, f));
    }
    disposeHead(r.model);
    back.model.dispose();
  });

  it('project export → import keeps samples, features and gives identical predictions', async () => {
    const r = await trainHead(LABELS, train, { epochs: 5, seed: 4 });
    const project: TransferProject = {
      version: 2,
      extractor: extractor.name,
      featureSize: extractor.featureSize,
      classes: LABELS.map((name, c) => ({
        id: `c${c}`,
        name,
        samples: train[c].map((feature, i) => ({
          id: `s${c}-${i}`,
          payload: { kind: 'picture' as const, bytes: new Uint8Array([1, 2, c, i]), type: 'image/jpeg' },
          feature,
        })),
      })),
      settings: { ...DEFAULT_HEAD_CONFIG, hidden: [100] },
      augment: { enabled: false, copies: 2, flip: true, crop: true, brightness: true },
      head: { artifacts: await captureArtifacts(r.model), labels: LABELS, trainedAt: 1 },
      revision: 3,
      options: {},
      updatedAt: 5,
    };
    const back = importProjectZip('p.zip', exportProjectZip(project), extractor.name);
    expect(back.classes.map((c) => c.name)).toEqual(LABELS);
    expect(back.classes[1].samples[3].payload).toMatchObject({ bytes: new Uint8Array([1, 2, 1, 3]) });
    expect(Array.from(back.classes[1].samples[3].feature)).toEqual(Array.from(train[1][3]));
    const model = await tf.loadLayersModel(tf.io.fromMemory(back.head!.artifacts));
    for (const f of test[0]) expect(await predictHead(model, f)).toEqual(await predictHead(r.model, f));
    model.dispose();
    disposeHead(r.model);
    expect(() => importProjectZip('p.zip', exportProjectZip(project), 'pose-keypoints')).toThrow(
      /another studio \(centernet-mobilenetv3-multi784\)/,
    );
  });
});
