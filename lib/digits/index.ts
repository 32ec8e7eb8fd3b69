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
/** Calibrated confidence and the "I'm not sure" threshold of the shipped models (and the default). */
export {
  calibrateProbabilities,
  digitCalibration,
  type DigitCalibration,
} from '../pretrained/digits/calibration';
