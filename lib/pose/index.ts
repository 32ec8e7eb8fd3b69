// Public entry of lib/pose: keypoint detectors (PoseNet, MoveNet) and pose features.
export * from './constants';
export type * from './types';
export { createPoseDetector, resolvePoseDetectorConfig } from './detector';
export {
  createPoseFeatureExtractor,
  mirrorFeature,
  mirrorPose,
  normalizePose,
  poseFrame,
  resolvePoseNormalization,
  type PoseFeatureExtractor,
} from './features';
export { makePoseModelMetadata, readPoseModelMetadata, type PoseModelMetadata } from './metadata';
