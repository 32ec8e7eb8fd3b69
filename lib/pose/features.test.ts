// Pose features: invariance to shifting and scaling, masking, mirroring, and the export metadata round trip.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { createRng } from '../data';
import { ConfigError, InputError } from '../errors';
import { exportTransferModelFiles, loadTransferModel, trainHead, classify, disposeHead } from '../transfer';
import { KEYPOINT_NAMES, POSE_EXTRACTOR_NAME, POSE_FEATURE_SIZE } from './constants';
import { createPoseFeatureExtractor, mirrorFeature, mirrorPose, normalizePose, poseFrame } from './features';
import { makePoseModelMetadata, readPoseModelMetadata } from './metadata';
import { referenceKeypoints } from './test-utils';
import type { Pose } from './types';

/** The reference pose of pose.jpg (real proportions), every point confidently seen. */
function referencePose(): Pose {
  return {
    score: 0.9,
    keypoints: referenceKeypoints().map((p, i) => ({ name: KEYPOINT_NAMES[i], x: p.x, y: p.y, score: 0.9 })),
  };
}

function transform(p: Pose, s: number, dx: number, dy: number): Pose {
  return { ...p, keypoints: p.keypoints.map((k) => ({ ...k, x: k.x * s + dx, y: k.y * s + dy })) };
}

function expectClose(a: Float32Array, b: Float32Array, tol = 1e-5) {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(tol));
}

describe('normalizePose', () => {
  it('gives 17 × (x, y, visible) = 51 numbers centred on the torso', () => {
    const f = normalizePose(referencePose());
    expect(f.length).toBe(POSE_FEATURE_SIZE);
    // The torso centre is the middle of shoulders and hips, so those four average to ~0.
    const mean = [5, 6, 11, 12].reduce((s, i) => s + f[i * 3], 0) / 4;
    expect(Math.abs(mean)).toBeLessThan(1e-5);
    expect(Array.from({ length: 17 }, (_, i) => f[i * 3 + 2])).toEqual(new Array(17).fill(1));
  });

  it('is invariant to shifting and scaling the keypoints', () => {
    const rng = createRng(7);
    const base = normalizePose(referencePose());
    for (let t = 0; t < 20; t++) {
      const s = 0.2 + rng() * 5;
      const moved = normalizePose(transform(referencePose(), s, (rng() - 0.5) * 2000, (rng() - 0.5) * 2000));
      expectClose(moved, base, 1e-4);
    }
  });

  it('changes when the pose changes (an arm raised)', () => {
    const up = referencePose();
    up.keypoints[9] = { ...up.keypoints[9], y: up.keypoints[9].y - 150 };
    const diff = normalizePose(up)[9 * 3 + 1] - normalizePose(referencePose())[9 * 3 + 1];
    expect(diff).toBeLessThan(-1);
  });

  it('masks keypoints below the minimum score as (0, 0, 0) and keeps the others invariant', () => {
    const p = referencePose();
    p.keypoints[15].score = 0.1;
    p.keypoints[16].score = 0.29;
    const f = normalizePose(p, { minScore: 0.3 });
    expect(Array.from(f.slice(15 * 3, 17 * 3))).toEqual([0, 0, 0, 0, 0, 0]);
    expectClose(normalizePose(transform(p, 3, 40, -7), { minScore: 0.3 }), f, 1e-4);
  });

  it('uses the shoulders when the hips are not visible (webcam close-ups) and stays invariant', () => {
    const p = referencePose();
    for (const i of [11, 12, 13, 14, 15, 16]) p.keypoints[i].score = 0;
    const frame = poseFrame(p.keypoints, 0.3);
    const k = p.keypoints;
    expect(frame?.cx).toBeCloseTo((k[5].x + k[6].x) / 2, 5);
    expectClose(normalizePose(transform(p, 0.5, 100, 100)), normalizePose(p), 1e-4);
  });

  it('returns all zeros when fewer than 2 points are visible', () => {
    const p = referencePose();
    p.keypoints.forEach((k, i) => (k.score = i === 0 ? 0.9 : 0));
    expect(Array.from(normalizePose(p)).every((v) => v === 0)).toBe(true);
  });

  it('rejects a minimum score outside 0–1', () => {
    expect(() => normalizePose(referencePose(), { minScore: 2 })).toThrow(ConfigError);
  });
});

describe('mirroring', () => {
  it('mirrorFeature of the features equals the features of the mirrored pose', () => {
    const p = referencePose();
    p.keypoints[3].score = 0; // one side masked: the mask must move to the other side
    expectClose(mirrorFeature(normalizePose(p)), normalizePose(mirrorPose(p, 500)), 1e-4);
  });

  it('mirroring twice gives the original back; once does not', () => {
    const oneArmUp = referencePose();
    oneArmUp.keypoints[9] = {
      ...oneArmUp.keypoints[9],
      x: oneArmUp.keypoints[5].x,
      y: oneArmUp.keypoints[5].y - 80,
    };
    const f = normalizePose(oneArmUp);
    expectClose(mirrorFeature(mirrorFeature(f)), f, 0);
    // The raised left wrist becomes a raised right wrist.
    expect(mirrorFeature(f)[10 * 3 + 1]).toBeCloseTo(f[9 * 3 + 1], 5);
    expect(Math.abs(mirrorFeature(f)[9 * 3 + 1] - f[9 * 3 + 1])).toBeGreaterThan(0.5);
  });
});

describe('pose feature extractor with the shared transfer pipeline', () => {
  it('extractTensor matches extract, and classifying leaves no tensors', async () => {
    const ex = createPoseFeatureExtractor();
    expect(ex.name).toBe(POSE_EXTRACTOR_NAME);
    const p = referencePose();
    const t = ex.extractTensor(p);
    expect(t.shape).toEqual([1, POSE_FEATURE_SIZE]);
    expectClose((await t.data()) as Float32Array, await ex.extract(p), 0);
    t.dispose();

    // Two real-proportioned classes: arms out (the photo) vs. arms up, with jitter.
    const rng = createRng(3);
    const jitter = (q: Pose) => ({
      ...q,
      keypoints: q.keypoints.map((k) => ({ ...k, x: k.x + (rng() - 0.5) * 8, y: k.y + (rng() - 0.5) * 8 })),
    });
    const armsUp = (q: Pose) => {
      const r = structuredClone(q);
      for (const [w, e, s] of [
        [9, 7, 5],
        [10, 8, 6],
      ]) {
        r.keypoints[e] = { ...r.keypoints[e], x: r.keypoints[s].x, y: r.keypoints[s].y - 40 };
        r.keypoints[w] = { ...r.keypoints[w], x: r.keypoints[s].x, y: r.keypoints[s].y - 80 };
      }
      return r;
    };
    const make = (f: (q: Pose) => Pose) =>
      Promise.all(
        Array.from({ length: 12 }, () =>
          ex.extract(transform(jitter(f(referencePose())), 0.5 + rng(), rng() * 300, rng() * 200)),
        ),
      );
    const features = [await make((q) => q), await make(armsUp)];
    const before = tf.memory().numTensors;
    const { model } = await trainHead(['out', 'up'], features, {
      epochs: 30,
      batchSize: 8,
      validationSplit: 0,
    });
    const probs = await classify(ex, model, transform(armsUp(referencePose()), 2, -50, 10));
    expect(probs[1]).toBeGreaterThan(0.8);
    disposeHead(model);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('pose model metadata', () => {
  it('exports the keypoint model and normalisation and imports them back', async () => {
    const ex = createPoseFeatureExtractor({ minScore: 0.25 });
    const rng = createRng(1);
    const feats = [0, 1].map((c) =>
      Array.from({ length: 6 }, () => Float32Array.from({ length: POSE_FEATURE_SIZE }, () => rng() + c)),
    );
    const { model } = await trainHead(['a', 'b'], feats, { epochs: 2, validationSplit: 0 });
    const meta = makePoseModelMetadata({
      labels: ['a', 'b'],
      keypointModel: 'movenet-thunder',
      normalization: ex.normalization,
    });
    const files = await exportTransferModelFiles(model, meta);
    const loaded = await loadTransferModel(files);
    expect(readPoseModelMetadata(loaded.metadata)).toEqual({
      keypointModel: 'movenet-thunder',
      normalization: ex.normalization,
    });
    const x = tf.tensor2d(feats[1][0], [1, POSE_FEATURE_SIZE]);
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.model.predict(x) as tf.Tensor];
    expectClose((await a.data()) as Float32Array, (await b.data()) as Float32Array, 1e-6);
    tf.dispose([x, a, b]);
    disposeHead(model);
    loaded.model.dispose();
  });

  it('refuses a model made with image features', () => {
    const meta = {
      ...makePoseModelMetadata({
        labels: ['a', 'b'],
        keypointModel: 'posenet',
        normalization: createPoseFeatureExtractor().normalization,
      }),
      extractor: 'centernet-mobilenetv3-gap120',
      featureSize: 120,
    };
    expect(() => readPoseModelMetadata(meta)).toThrow(InputError);
  });
});
