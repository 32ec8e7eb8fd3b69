// Constants for transfer learning: the image feature layout, the head defaults and project limits.
import type { HeadConfig, ImageFeatureMode } from './types';

// The backbone's URL, input node, feature nodes and source live with its loader.
export {
  CENTERNET_INPUT,
  CENTERNET_MODEL_URL,
  CENTERNET_NODE_120,
  CENTERNET_NODE_480,
  CENTERNET_SOURCE,
} from '../pretrained/centernet/constants';

/** Side of the square image fed to the backbone. */
export const IMAGE_SIZE = 224;

/**
 * Feature layout used by default. Measured on the 32 fixture images (tests/fixtures/image, 224×224,
 * CPU): nearest-centroid leave-one-out accuracy was 32/32 for all three layouts, and the
 * between-class / within-class spread (standardised features) was 1.056 for gap120, 0.932 for the
 * 480 channels alone and 0.956 for gap120+480. The 120-d vector separates at least as well, is 5×
 * smaller to store for 1,000+ samples and makes the head faster, so it is the default.
 */
export const DEFAULT_IMAGE_FEATURE_MODE: ImageFeatureMode = 'gap120';

/** Feature length per mode. */
export const IMAGE_FEATURE_SIZES: Readonly<Record<ImageFeatureMode, number>> = Object.freeze({
  gap120: 120,
  'gap120+480': 600,
});

/** Teachable Machine's defaults: 50 epochs, batch 16, learning rate 0.001, 15% held out; dense 100 head. */
export const DEFAULT_HEAD_CONFIG: Readonly<HeadConfig> = Object.freeze({
  epochs: 50,
  batchSize: 16,
  learningRate: 0.001,
  validationSplit: 0.15,
  hidden: Object.freeze([100]) as unknown as number[],
  seed: 42,
});

/**
 * Examples every class needs before some are held out to measure accuracy. With fewer, one or two
 * pictures per class would be tested and the "accuracy" would be 0% or 100% by luck (5 per class:
 * "cat 100%, dog 0%" where 50 unseen photos each gave 76% / 64%), so the model trains on all of
 * them and the studio says that accuracy needs more examples.
 */
export const MIN_EXAMPLES_TO_HOLD_OUT = 10;

/** Fewest and most classes a project may have. */
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 20;

/** Format tag of exported heads. */
export const TRANSFER_FORMAT = 'creative-ai-studio/transfer-head';

/** Name of the default image extractor (what projects and exported models record). */
export const IMAGE_EXTRACTOR_NAME = `centernet-mobilenetv3-${DEFAULT_IMAGE_FEATURE_MODE}`;

/** Side of the stored thumbnails in pixels (also the source of augmented copies). */
export const THUMB_SIZE = 112;
