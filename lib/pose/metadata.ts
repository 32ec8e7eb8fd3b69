// Metadata of an exported pose classifier: which keypoint model and normalisation its features need.
import { InputError } from '../errors';
import { makeTransferMetadata } from '../transfer/export';
import type { TransferModelMetadata } from '../transfer/types';
import { KEYPOINT_NAMES, POSE_EXTRACTOR_NAME, POSE_FEATURE_SIZE, POSE_MODEL_NAMES } from './constants';
import { resolvePoseNormalization } from './features';
import type { PoseModelName, PoseNormalization } from './types';

/** Transfer-head metadata plus the pose section. */
export interface PoseModelMetadata extends TransferModelMetadata {
  pose: {
    keypointModel: PoseModelName;
    normalization: PoseNormalization;
    keypoints: string[];
  };
}

/** Builds metadata.json for an exported pose head. */
export function makePoseModelMetadata(input: {
  labels: string[];
  keypointModel: PoseModelName;
  normalization: PoseNormalization;
}): PoseModelMetadata {
  return {
    ...makeTransferMetadata({
      labels: input.labels,
      extractor: POSE_EXTRACTOR_NAME,
      featureSize: POSE_FEATURE_SIZE,
    }),
    pose: {
      keypointModel: input.keypointModel,
      normalization: { ...input.normalization },
      keypoints: [...KEYPOINT_NAMES],
    },
  };
}

/**
 * Reads the pose section of imported metadata (after lib/transfer's checkTransferMetadata).
 * @throws InputError when the model was not made by the Pose studio.
 */
export function readPoseModelMetadata(meta: TransferModelMetadata): {
  keypointModel: PoseModelName;
  normalization: PoseNormalization;
} {
  if (meta.extractor !== POSE_EXTRACTOR_NAME || meta.featureSize !== POSE_FEATURE_SIZE) {
    throw new InputError(
      `This model was trained on "${meta.extractor}" features (${meta.featureSize} numbers); the Pose studio needs "${POSE_EXTRACTOR_NAME}" (${POSE_FEATURE_SIZE}).`,
      'metadata.json',
    );
  }
  const pose = (meta as Partial<PoseModelMetadata>).pose;
  const model = pose?.keypointModel;
  if (!pose || !model || !(POSE_MODEL_NAMES as readonly string[]).includes(model)) {
    throw new InputError(
      `metadata.json does not name a keypoint model (one of ${POSE_MODEL_NAMES.join(', ')}).`,
      'metadata.json',
    );
  }
  let normalization: PoseNormalization;
  try {
    normalization = resolvePoseNormalization(pose.normalization ?? {});
  } catch (e) {
    throw new InputError(
      `metadata.json has a normalisation this studio does not know: ${e instanceof Error ? e.message : String(e)}`,
      'metadata.json',
    );
  }
  return { keypointModel: model, normalization };
}
