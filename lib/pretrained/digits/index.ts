// Public entry of lib/pretrained/digits: the shipped MNIST classifiers and their data.
export {
  DIGIT_CLASS_COUNT,
  DIGIT_INPUT_SIZE,
  DIGIT_LABELS,
  DIGIT_MODEL_NAMES,
  DIGIT_MODELS,
  MNIST_DATA_URL,
} from './constants';
export { loadDigitModel, parseMetadata } from './load-digit-model';
export { loadMnist, parseMnist } from './mnist-data';
export type {
  DigitModel,
  DigitModelInfo,
  DigitModelMetadata,
  DigitModelName,
  DigitModelSource,
  FetchLike,
  LoadDigitModelOptions,
  MnistData,
  MnistMeta,
} from './types';
export {
  DEFAULT_DIGIT_CALIBRATION,
  DIGIT_CALIBRATION,
  calibrateProbabilities,
  chooseUnsureThreshold,
  digitCalibration,
  expectedCalibrationError,
  fitTemperature,
  negativeLogLikelihood,
  unsureRates,
  type DigitCalibration,
  type UnsureRates,
} from './calibration';
