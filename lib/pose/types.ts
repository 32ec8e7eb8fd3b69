// Types of the pose capability: one Pose shape for every keypoint model, detector config, features.
import type * as tf from '@tensorflow/tfjs';

import type { KEYPOINT_NAMES, POSE_MODEL_NAMES } from './constants';

/** The 17 COCO keypoints, in COCO order (nose first, right ankle last). */
export type KeypointName = (typeof KEYPOINT_NAMES)[number];

/** Keypoint models we ship (all served from /models/). */
export type PoseModelName = (typeof POSE_MODEL_NAMES)[number];

/** One body point in input pixels, with the model's confidence (0–1). */
export interface Keypoint {
  name: KeypointName;
  x: number;
  y: number;
  score: number;
}

/** One person: 17 keypoints in COCO order and an overall score (0–1). */
export interface Pose {
  keypoints: Keypoint[];
  score: number;
}

/** What a detector accepts: pixels as a [h, w, 3] tensor or anything tf.browser.fromPixels takes. */
export type PoseInput =
  tf.Tensor3D | ImageData | HTMLImageElement | HTMLCanvasElement | HTMLVideoElement | ImageBitmap;

/** Options for {@link createPoseDetector}. */
export interface PoseDetectorConfig {
  /** Which keypoint model. Defaults to DEFAULT_POSE_MODEL ("movenet-lightning"). */
  model: PoseModelName;
  /** Where model.json is: a URL or a tf.io.IOHandler. Defaults to the model's entry in POSE_MODELS. */
  modelUrl?: string | tf.io.IOHandler;
  /**
   * PoseNet only: side of the square the image is resized to, in pixels (257, 353, 385, 449, 513…).
   * Bigger is more precise and slower. Defaults to 257.
   */
  inputResolution: number;
  /** PoseNet only: find several people (multi-person decoding). Defaults to false. */
  multiPose: boolean;
  /** PoseNet multi-person only: most people returned. Defaults to 5. */
  maxPoses: number;
  /** MoveNet only: smooth keypoints over video frames and follow the person. Defaults to true. */
  smoothing: boolean;
  /** Run one prediction at the model's input size after loading. Defaults to true. */
  warmUp: boolean;
}

/** Options of one estimate. */
export interface EstimateOptions {
  /** Mirror the result left↔right in x (for a mirrored selfie view). Defaults to false. */
  flipHorizontal?: boolean;
  /**
   * Time of a video frame in milliseconds (e.g. performance.now()). MoveNet smooths keypoints
   * between frames only when it is given; leave it out for still photos.
   */
  timestamp?: number;
}

/**
 * A loaded keypoint model. The same interface for PoseNet and MoveNet (as in tfjs-models
 * pose-detection): `estimatePoses` returns poses in input pixel coordinates.
 */
export interface PoseDetector {
  readonly model: PoseModelName;
  readonly config: Readonly<PoseDetectorConfig>;
  /** People found in one image or video frame (may be empty). Leaves no tensors behind. */
  estimatePoses(input: PoseInput, options?: EstimateOptions): Promise<Pose[]>;
  /** Forgets what was tracked across frames (call when the input changes, e.g. a new photo). */
  reset(): void;
  /** Releases the model; safe to call twice. */
  dispose(): void;
}

/** How keypoints become a feature vector (written into exported metadata). */
export interface PoseNormalization {
  /** Keypoints scored below this are masked (0, 0, visible 0). Defaults to 0.3. */
  minScore: number;
  /** Layout of the vector: 17 × (x, y, visible), COCO order. */
  layout: 'xy-visible';
  /** Centre: the middle of the shoulders' and hips' midpoints (whichever are visible). */
  centre: 'torso';
  /** Unit: max(torso length, shoulder width, hip width) of the visible torso points. */
  scale: 'torso';
}
