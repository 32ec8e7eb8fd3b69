// Public entry of lib/vision: image preprocessing (and, later, deep dream and style transfer).
export {
  DEFAULT_DIGIT_PREPROCESS_CONFIG,
  preprocessDigit,
  resolveDigitPreprocessConfig,
} from './digit-preprocess';
export type { DigitImageInput, DigitPreprocessConfig } from './digit-preprocess';
