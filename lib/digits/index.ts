// Public entry of lib/digits: the networks learners build and train in the Digits studio.
export {
  DEFAULT_DIGIT_NET_CONFIG,
  DIGIT_LABELS,
  MNIST_PIXELS,
  MNIST_SIDE,
  UNSURE_THRESHOLD,
} from './constants';
export {
  buildDigitNet,
  digitNetSpec,
  digitsToTensor,
  evaluateDigits,
  firstLayerWeights,
  labelsToOneHot,
  predictDigit,
  resolveDigitNetConfig,
} from './digit-nets';
export type * from './types';
export { trainDigits, withDrawings } from './train';
export type { DigitsTrainData, LabelledDigit, TrainDigitsOptions, TrainDigitsResult } from './train';
