// Public entry of lib/pretrained/centernet: the shipped CenterNet (MobileNetV3) graph model.
export {
  CENTERNET,
  CENTERNET_INPUT,
  CENTERNET_MODEL_URL,
  CENTERNET_NODE_120,
  CENTERNET_NODE_480,
  CENTERNET_SOURCE,
} from './constants';
export { loadCenternet } from './load-centernet';
export type { CenternetInfo, LoadCenternetOptions } from './types';
