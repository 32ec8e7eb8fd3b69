// Pose features for teachable classifiers: keypoints normalised for position and scale, low-score
// points masked, and left/right mirroring (for augmentation and mirrored cameras).
import * as tf from '@tensorflow/tfjs';

import { ConfigError } from '../errors';
import type { FeatureExtractor } from '../transfer/types';
import {
  DEFAULT_POSE_NORMALIZATION,
  FEATURE_PER_KEYPOINT,
  KEYPOINT_NAMES,
  MIRROR_INDEX,
  NUM_KEYPOINTS,
  POSE_EXTRACTOR_NAME,
  POSE_FEATURE_SIZE,
} from './constants';
import type { Keypoint, Pose, PoseNormalization } from './types';

const L_SHOULDER = 5;
const R_SHOULDER = 6;
const L_HIP = 11;
const R_HIP = 12;

/** Checks and fills a PoseNormalization. */
export function resolvePoseNormalization(partial: Partial<PoseNormalization> = {}): PoseNormalization {
  const n: PoseNormalization = {
    ...DEFAULT_POSE_NORMALIZATION,
    ...partial,
    minScore: partial.minScore ?? DEFAULT_POSE_NORMALIZATION.minScore,
  };
  if (!(n.minScore >= 0 && n.minScore <= 1))
    throw new ConfigError('minScore', n.minScore, 'a number from 0 to 1');
  if (n.layout !== 'xy-visible') throw new ConfigError('layout', n.layout, '"xy-visible"');
  if (n.centre !== 'torso') throw new ConfigError('centre', n.centre, '"torso"');
  if (n.scale !== 'torso') throw new ConfigError('scale', n.scale, '"torso"');
  return n;
}

/** The reference frame of a pose: its centre and its size in input pixels (null when nothing is visible). */
export function poseFrame(
  keypoints: readonly Keypoint[],
  minScore: number,
): { cx: number; cy: number; size: number } | null {
  const ok = (i: number) => (keypoints[i]?.score ?? 0) >= minScore;
  const mid = (a: number, b: number) => ({
    x: (keypoints[a].x + keypoints[b].x) / 2,
    y: (keypoints[a].y + keypoints[b].y) / 2,
  });
  const dist = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
  const shoulders = ok(L_SHOULDER) && ok(R_SHOULDER) ? mid(L_SHOULDER, R_SHOULDER) : null;
  const hips = ok(L_HIP) && ok(R_HIP) ? mid(L_HIP, R_HIP) : null;
  // Size: the largest torso measure we can see, so turning sideways (narrow shoulders) or bending
  // over (short torso) changes it less than any single measure would.
  const sizes: number[] = [];
  if (shoulders && hips) sizes.push(dist(shoulders, hips));
  if (shoulders) sizes.push(dist(keypoints[L_SHOULDER], keypoints[R_SHOULDER]));
  if (hips) sizes.push(dist(keypoints[L_HIP], keypoints[R_HIP]));
  let centre =
    shoulders && hips
      ? { x: (shoulders.x + hips.x) / 2, y: (shoulders.y + hips.y) / 2 }
      : (shoulders ?? hips);
  let size = sizes.length ? Math.max(...sizes) : 0;
  if (!centre || !(size > 1e-6)) {
    // No usable torso (e.g. only a face in view): fall back to the box around the visible points.
    const vis = keypoints.filter((k) => k.score >= minScore);
    if (vis.length < 2) return null;
    const xs = vis.map((k) => k.x);
    const ys = vis.map((k) => k.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    centre = centre ?? { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    size = Math.max(x1 - x0, y1 - y0);
    if (!(size > 1e-6)) return null;
  }
  return { cx: centre.x, cy: centre.y, size };
}

/**
 * The feature vector of a pose: for each of the 17 keypoints (COCO order) its x and y relative
 * to the torso centre in torso units, and 1 if it is visible. Keypoints scored below `minScore`
 * are masked as (0, 0, 0), so the classifier learns "not seen" rather than a wrong place.
 * A pose with fewer than 2 visible points gives all zeros. Length 51.
 */
export function normalizePose(pose: Pose, normalization: Partial<PoseNormalization> = {}): Float32Array {
  const { minScore } = resolvePoseNormalization(normalization);
  const out = new Float32Array(POSE_FEATURE_SIZE);
  const frame = poseFrame(pose.keypoints, minScore);
  if (!frame) return out;
  for (let i = 0; i < NUM_KEYPOINTS; i++) {
    const k = pose.keypoints[i];
    if (!k || k.score < minScore) continue;
    out[i * FEATURE_PER_KEYPOINT] = (k.x - frame.cx) / frame.size;
    out[i * FEATURE_PER_KEYPOINT + 1] = (k.y - frame.cy) / frame.size;
    out[i * FEATURE_PER_KEYPOINT + 2] = 1;
  }
  return out;
}

/**
 * The left/right mirror image of a normalised feature vector: x changes sign and each left
 * keypoint swaps with its right twin. Mirroring twice gives the original back.
 */
export function mirrorFeature(feature: Float32Array): Float32Array {
  if (feature.length !== POSE_FEATURE_SIZE) {
    throw new ConfigError('feature.length', feature.length, `${POSE_FEATURE_SIZE} (17 keypoints × 3)`);
  }
  const out = new Float32Array(POSE_FEATURE_SIZE);
  for (let i = 0; i < NUM_KEYPOINTS; i++) {
    const j = MIRROR_INDEX[i] * FEATURE_PER_KEYPOINT;
    const o = i * FEATURE_PER_KEYPOINT;
    // A masked point stays exactly (0, 0, 0) rather than becoming -0.
    out[o] = feature[j] === 0 ? 0 : -feature[j];
    out[o + 1] = feature[j + 1];
    out[o + 2] = feature[j + 2];
  }
  return out;
}

/** The mirror image of a pose in an image `width` pixels wide (x → width − x, left ↔ right). */
export function mirrorPose(pose: Pose, width: number): Pose {
  return {
    score: pose.score,
    keypoints: KEYPOINT_NAMES.map((name, i) => {
      const k = pose.keypoints[MIRROR_INDEX[i]];
      return { name, x: width - k.x, y: k.y, score: k.score };
    }),
  };
}

/** The pose feature extractor adds its normalisation to the generic interface. */
export interface PoseFeatureExtractor extends FeatureExtractor<Pose> {
  readonly normalization: PoseNormalization;
}

/**
 * A {@link FeatureExtractor} over poses, so the shared teachable pieces (sample store, head
 * training, preview, export) work for poses exactly as for images. It owns no tensors.
 */
export function createPoseFeatureExtractor(
  normalization: Partial<PoseNormalization> = {},
): PoseFeatureExtractor {
  const n = resolvePoseNormalization(normalization);
  return {
    name: POSE_EXTRACTOR_NAME,
    featureSize: POSE_FEATURE_SIZE,
    normalization: n,
    extractTensor: (pose: Pose) => tf.tensor2d(normalizePose(pose, n), [1, POSE_FEATURE_SIZE]),
    extract: async (pose: Pose) => normalizePose(pose, n),
    dispose: () => undefined,
  };
}
