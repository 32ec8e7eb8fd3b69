// Test helpers (Node only): keypoint models from disk, the pose.jpg fixture and its reference keypoints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';

import { modelFromDisk, readPpm } from '../test-utils';
import { KEYPOINT_NAMES } from './constants';
import type { Pose, PoseModelName } from './types';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pose');

/** An IOHandler that reads public/models/<name> from disk (run `npm run models` first). */
export function poseModelFromDisk(name: PoseModelName): tf.io.IOHandler {
  return modelFromDisk(name);
}

/** pose.jpg at 500×334 (tests/fixtures/pose/pose-500.ppm) as a [h, w, 3] int32 tensor. */
export function readPosePhoto(): tf.Tensor3D {
  return readPpm(join(FIXTURES, 'pose-500.ppm'));
}

/** Reference keypoints of pose.jpg scaled to the 500×334 photo, in COCO order. */
export function referenceKeypoints(): { x: number; y: number }[] {
  const ref = JSON.parse(readFileSync(join(FIXTURES, 'pose-keypoints.json'), 'utf8')) as {
    width: number;
    height: number;
    keypoints: Record<string, [number, number]>;
  };
  const sx = 500 / ref.width;
  const sy = 334 / ref.height;
  return KEYPOINT_NAMES.map((n) => ({ x: ref.keypoints[n][0] * sx, y: ref.keypoints[n][1] * sy }));
}

/** Torso size of reference keypoints: distance from the shoulders' midpoint to the hips' midpoint. */
export function torsoSize(k: { x: number; y: number }[]): number {
  const sx = (k[5].x + k[6].x) / 2;
  const sy = (k[5].y + k[6].y) / 2;
  const hx = (k[11].x + k[12].x) / 2;
  const hy = (k[11].y + k[12].y) / 2;
  return Math.hypot(sx - hx, sy - hy);
}

/** Fraction of keypoints within `fraction` × torso size of the reference (PCK). */
export function pck(pose: Pose, ref: { x: number; y: number }[], fraction = 0.2): number {
  const limit = fraction * torsoSize(ref);
  const hits = pose.keypoints.filter((k, i) => Math.hypot(k.x - ref[i].x, k.y - ref[i].y) <= limit).length;
  return hits / ref.length;
}
