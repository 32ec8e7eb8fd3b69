// The shipped keypoint models load from disk on the CPU backend and find the person in pose.jpg.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../errors';
import { KEYPOINT_NAMES } from './constants';
import { createPoseDetector, resolvePoseDetectorConfig } from './detector';
import { pck, poseModelFromDisk, readPosePhoto, referenceKeypoints, torsoSize } from './test-utils';
import type { Pose, PoseDetectorConfig, PoseModelName } from './types';

describe('resolvePoseDetectorConfig', () => {
  it('fills defaults', () => {
    expect(resolvePoseDetectorConfig()).toMatchObject({
      model: 'movenet-lightning',
      inputResolution: 257,
      multiPose: false,
    });
  });
  it.each<[Partial<PoseDetectorConfig>, string]>([
    [{ model: 'blazepose' as PoseModelName }, 'model'],
    [{ model: 'posenet', inputResolution: 256 }, 'inputResolution'],
    [{ model: 'posenet', inputResolution: 1025 }, 'inputResolution'],
    [{ model: 'movenet-thunder', multiPose: true }, 'multiPose'],
    [{ model: 'posenet', maxPoses: 0 }, 'maxPoses'],
  ])('rejects %j naming %s', (partial, field) => {
    expect(() => resolvePoseDetectorConfig(partial)).toThrow(ConfigError);
    expect(() => resolvePoseDetectorConfig(partial)).toThrow(field);
  });
});

// Minimum PCK@0.2 per model. The reference is BlazePose's, whose shoulders and knees sit a little
// differently from COCO-trained models; PoseNet at 257 px also swaps the far ankle (13/17 measured).
describe.each<[PoseModelName, Partial<PoseDetectorConfig>, number]>([
  ['posenet', { inputResolution: 257 }, 0.7],
  ['movenet-lightning', {}, 0.8],
  ['movenet-thunder', {}, 0.8],
])('%s on pose.jpg', (model, extra, minPck) => {
  let photo: tf.Tensor3D;
  let pose: Pose;
  let leaked: number;
  let before: number;
  const ref = referenceKeypoints();
  const near = (name: (typeof KEYPOINT_NAMES)[number]) => {
    const i = KEYPOINT_NAMES.indexOf(name);
    return Math.hypot(pose.keypoints[i].x - ref[i].x, pose.keypoints[i].y - ref[i].y) / torsoSize(ref);
  };

  beforeAll(async () => {
    photo = readPosePhoto();
    before = tf.memory().numTensors;
    const detector = await createPoseDetector({
      model,
      modelUrl: poseModelFromDisk(model),
      warmUp: false,
      smoothing: false,
      ...extra,
    });
    const n = tf.memory().numTensors;
    const poses = await detector.estimatePoses(photo);
    leaked = tf.memory().numTensors - n;
    pose = poses[0];
    detector.dispose();
    detector.dispose();
  });
  afterAll(() => photo.dispose());

  it('finds one person with 17 COCO keypoints and a good score', () => {
    expect(pose.keypoints.map((k) => k.name)).toEqual([...KEYPOINT_NAMES]);
    expect(pose.score).toBeGreaterThan(0.4);
  });

  it('puts the nose and both wrists within 0.2 torso lengths of the reference', () => {
    // Torso ≈ 75 px in the 500 px photo, so 0.2 torso ≈ 15 px; a swapped or missed wrist is 200+ px off.
    expect(near('nose')).toBeLessThan(0.2);
    expect(near('left_wrist')).toBeLessThan(0.2);
    expect(near('right_wrist')).toBeLessThan(0.2);
  });

  it('gets most keypoints right (PCK@0.2)', () => {
    expect(pck(pose, ref, 0.2)).toBeGreaterThanOrEqual(minPck);
  });

  it('leaves no tensors behind (estimate and dispose)', () => {
    expect(leaked).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('posenet multi-person', () => {
  it('finds the person among several candidates, without leaks', async () => {
    const photo = readPosePhoto();
    const before = tf.memory().numTensors;
    const detector = await createPoseDetector({
      model: 'posenet',
      multiPose: true,
      modelUrl: poseModelFromDisk('posenet'),
    });
    const poses = await detector.estimatePoses(photo);
    detector.dispose();
    expect(tf.memory().numTensors).toBe(before);
    photo.dispose();
    expect(poses.length).toBeGreaterThanOrEqual(1);
    const best = poses.reduce((a, b) => (b.score > a.score ? b : a));
    expect(pck(best, referenceKeypoints(), 0.2)).toBeGreaterThanOrEqual(0.7);
  });

  it('reports a missing model file as a ModelLoadError', async () => {
    await expect(
      createPoseDetector({
        model: 'movenet-lightning',
        modelUrl: { load: () => Promise.reject(new Error('no such file')) },
      }),
    ).rejects.toThrow(/movenet-lightning keypoint model could not be loaded/);
  });
});
