// Public entry of lib/transfer: frozen feature extractors + trainable heads (image, pose, sound).
export * from './constants';
export type * from './types';
export {
  createImageFeatureExtractor,
  resolveImageExtractorConfig,
  type ImageFeatureExtractor,
} from './image-extractor';
export { augmentImage, centreSquare, toPixels, type AugmentOptions } from './preprocess';
export { checkTrainable, packFeatures, stratifiedSplit, stratifiedSplitIndices } from './dataset';
export { createHead, disposeHead, predictHead, resolveHeadConfig, trainHead } from './head';
export { classify, classifyImage, imageFrameExtractor, type ImageFrame } from './classifier';
export { augmentedImageFeatures } from './augment';
export {
  HeadModel,
  TrainingCancelledError,
  headLearner,
  headSummary,
  loadModelArtifacts,
  type HeadLearnerOptions,
  type LearnerResult,
  type TeachableLearner,
} from './learner';
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
  DEFAULT_AUGMENT,
  PROJECT_VERSION,
  classLabels,
  emptyProject,
  migrateProject,
  sampleCount,
  sampleFromV1,
  type AugmentSettings,
  type BaseTrainSettings,
  type ClipPayload,
  type EmptyProjectInput,
  type PicturePayload,
  type ProjectClass,
  type ProjectHead,
  type ProjectModel,
  type ProjectSample,
  type SamplePayload,
  type TeachableProject,
  type TransferProject,
} from './project';
export {
  PROJECT_FORMAT,
  PROJECT_FORMAT_V1,
  exportProjectZip,
  importProjectZip,
  isProjectZip,
} from './project-zip';
export { KNN_K, KNN_TEMPERATURE, KnnClassifier, knnPredict, type KnnOptions } from './knn';
export { reextractProject, type ReextractOptions, type ReextractTarget } from './reextract';
export {
  STANDALONE_INPUT,
  STANDALONE_OUTPUT,
  buildStandaloneImageModel,
  loadStandaloneModel,
  predictStandalone,
  type StandaloneImageModelInput,
  type StandaloneModelFiles,
} from './standalone';
export {
  STANDALONE_IMAGE_FORMAT,
  buildStandaloneImageExport,
  isStandaloneImageExport,
  loadStandaloneImageExport,
  standaloneImageFiles,
  standaloneImageMetadata,
  standaloneUsageSnippet,
  type StandaloneImageMetadata,
} from './standalone-export';
export {
  standaloneImagePage,
  standalonePosePage,
  type StandaloneImagePageInput,
  type StandalonePageTexts,
  type StandalonePosePageInput,
} from './standalone-page';
