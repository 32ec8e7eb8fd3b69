// Public entry of lib/vision: digit preprocessing, deep dream, style transfer, procedural images and image utilities.
export * from './constants';
export { loadVisionBackbone, type VisionBackbone } from './backbone';
export {
  deepDream,
  dreamLayer,
  dreamObjective,
  dreamScore,
  dreamStep,
  resolveDreamConfig,
  type DreamStepOptions,
} from './deep-dream';
export {
  computeStyleTargets,
  gramMatrix,
  resolveStyleConfig,
  styleLossTensors,
  styleTransfer,
  totalVariation,
  type StyleTargets,
} from './style-transfer';
export {
  blendImages,
  fitSize,
  isOutOfMemoryError,
  keepColours,
  octaveSizes,
  resizeImage,
  rgbaToTensor,
  rgbToYcc,
  rollImage,
  sizeForLongSide,
  tensorToRgba,
  tileSpans,
  yccToRgb,
} from './image';
export { BUILTIN_IMAGES, renderBuiltinImage, type BuiltinImage, type BuiltinImageId } from './procedural';
export type * from './types';
export {
  DEFAULT_DIGIT_PREPROCESS_CONFIG,
  preprocessDigit,
  resolveDigitPreprocessConfig,
} from './digit-preprocess';
export type { DigitImageInput, DigitPreprocessConfig } from './digit-preprocess';
