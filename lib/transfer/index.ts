// Public entry of lib/transfer: frozen feature extractors + trainable heads (image, pose, sound).
export * from './constants';
export type * from './types';
export {
  createImageFeatureExtractor,
  resolveImageExtractorConfig,
  type ImageFeatureExtractor,
} from './image-extractor';
export { augmentImage, centreSquare, toPixels, type AugmentOptions } from './preprocess';
export { checkTrainable, packFeatures, stratifiedSplit } from './dataset';
export { createHead, disposeHead, predictHead, resolveHeadConfig, trainHead } from './head';
export { classify } from './classifier';
export {
  APP_VERSION,
  checkTransferMetadata,
  exportTransferModelFiles,
  exportTransferModelZip,
  loadTransferModel,
  loadTransferModelFromUrl,
  makeTransferMetadata,
  usageSnippet,
  type TransferMetadataInput,
} from './export';
export {
  TM_IMAGE_SIZE,
  loadTeachableMachineModel,
  makeTeachableMachineStyleFiles,
  predictTeachableMachine,
  teachableMachineInput,
  type TeachableMachineMetadata,
  type TeachableMachineModel,
} from './teachable-machine';
export {
  exportProjectZip,
  importProjectZip,
  type AugmentSettings,
  type ProjectClass,
  type ProjectHead,
  type ProjectSample,
  type TransferProject,
} from './project';
