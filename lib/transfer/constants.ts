// Constants for transfer learning: the image feature layout, the head defaults and project limits.
import type { HeadConfig, ImageFeatureMode, ImageFeatureSpec } from './types';

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

const P = 'tower_0/MobilenetV3/';

/**
 * The image feature layouts. `gap120` was the only one until feature version 2: the last
 * MobileNetV3 block, global-average-pooled. `multi784` pools five blocks from stride 8 to 32
 * (early blocks carry colour and texture, which small classroom tasks depend on) and scales each
 * block's part to length 1/√5, so no block drowns the others. It costs the same backbone pass as
 * gap120 (the pooling of four more blocks is cheap). Measured on the dev photos (lib/transfer/README.md): it beats gap120 at 1, 5
 * and 20 examples per class.
 */
export const IMAGE_FEATURE_SPECS: Readonly<Record<ImageFeatureMode, Readonly<ImageFeatureSpec>>> =
  Object.freeze({
    gap120: Object.freeze({
      nodes: Object.freeze([`${P}expanded_conv_14/add`]),
      flip: false,
      norm: 'none' as const,
      inputSize: 224,
      version: 1,
    }),
    'gap120+480': Object.freeze({
      nodes: Object.freeze([`${P}expanded_conv_14/add`, 'tower_0/extern1/hard_swish/mul_1']),
      flip: false,
      norm: 'none' as const,
      inputSize: 224,
      version: 1,
    }),
    multi784: Object.freeze({
      nodes: Object.freeze([
        `${P}expanded_conv_5/add`, // 32 channels, 1/8 of the input side
        `${P}expanded_conv_9/add`, // 64, 1/16
        `${P}expanded_conv_11/add`, // 88, 1/16
        `${P}expanded_conv_14/add`, // 120, 1/32 (gap120's block)
        'tower_0/extern1/hard_swish/mul_1', // 480, 1/32
      ]),
      // Flip averaging helped a little (0.336 → 0.344 at 1 example) but doubles the cost per frame.
      flip: false,
      norm: 'l2node' as const,
      inputSize: 224,
      version: 2,
    }),
  });

/** Feature layout used by default (see IMAGE_FEATURE_SPECS and the README's table). */
export const DEFAULT_IMAGE_FEATURE_MODE: ImageFeatureMode = 'multi784';

/** Version of the default image features; projects with another version are re-extracted on load. */
export const IMAGE_FEATURE_VERSION = IMAGE_FEATURE_SPECS[DEFAULT_IMAGE_FEATURE_MODE].version;

/** Feature length per mode. */
export const IMAGE_FEATURE_SIZES: Readonly<Record<ImageFeatureMode, number>> = Object.freeze({
  gap120: 120,
  'gap120+480': 600,
  multi784: 784,
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
