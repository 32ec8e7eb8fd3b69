// The standalone model (one graph: crop + resize, backbone, pooled blocks, head) gives the same
// probabilities as the studio's extractor + head path, loads with plain tf.loadGraphModel, and
// leaks nothing.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { classify } from './classifier';
import { createHead, disposeHead } from './head';
import { createImageFeatureExtractor, type ImageFeatureExtractor } from './image-extractor';
import { buildStandaloneImageModel, loadStandaloneModel, predictStandalone } from './standalone';
import { centernetFromDisk, fixturePaths, readPpm } from './test-utils';

let extractor: ImageFeatureExtractor;
let backbone: tf.io.ModelArtifacts;

beforeAll(async () => {
  extractor = await createImageFeatureExtractor({ model: centernetFromDisk() });
  backbone = await centernetFromDisk().load!();
}, 300_000);
afterAll(() => extractor?.dispose());

describe('standalone image model', () => {
  it('matches extractor + head on a non-square picture and leaks nothing', async () => {
    const head = createHead(extractor.featureSize, 3, { hidden: [100], seed: 7 });
    // A head whose outputs vary a lot with the features, so a wrong graph shows.
    head.setWeights(head.getWeights().map((w, i) => tf.mul(w, i === 0 ? 40 : 1)));
    const files = buildStandaloneImageModel({
      backbone,
      spec: extractor.spec,
      inputSize: extractor.inputSize,
      head,
    });
    expect(files.modelJson.format).toBe('graph-model');
    const model = await loadStandaloneModel(files);
    const img = readPpm(fixturePaths('ball')[3]);
    // A wide picture: the model crops the centred square itself.
    const wide = tf.concat([img, tf.reverse(img, 1), img], 1) as tf.Tensor3D;
    const before = tf.memory().numTensors;
    const fused = await predictStandalone(model, wide);
    expect(tf.memory().numTensors).toBe(before);
    const studio = await classify(extractor, head, wide);
    expect(fused).toHaveLength(3);
    fused.forEach((p, i) => expect(Math.abs(p - studio[i])).toBeLessThan(1e-4));
    expect(Math.max(...studio) - Math.min(...studio)).toBeGreaterThan(0.01);
    tf.dispose([img, wide]);
    model.dispose();
    disposeHead(head);
  }, 300_000);
});
