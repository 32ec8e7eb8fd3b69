// Public entry of lib/pretrained/sound-embedding: the shipped sound embedding and its feature extractor.
export * from './constants';
export type * from './types';
export { createSoundFeatureExtractor, loadSoundEmbedding } from './load-sound-embedding';
export { DEFAULT_SOUND_HEAD_CONFIG, trainSoundHead } from './train';
export type { TrainSoundHeadOptions, TrainSoundHeadResult } from './train';
export { SoundTransferClassifier } from './transfer-classifier';
export {
  DEFAULT_SOUND_STUDIO_SETTINGS,
  resolveSoundStudioSettings,
  soundLearner,
  soundSettingsFor,
} from './learner';
export type { SoundAugmentSwitches, SoundModelKind, SoundStudioModel, SoundStudioSettings } from './learner';
export {
  bandStats,
  bandStatsTensor,
  DEFAULT_SOUND_STANDARDISE_CONFIG,
  extractSoundFeatures,
  fitSoundStandardisation,
  foldSoundStandardisation,
  SOUND_BAND_STATS_SIZE,
  SOUND_STATS_FIXED_SCALE,
  soundFeaturesTensor,
  standardiseSoundFeature,
  trainStandardisedSoundHead,
} from './band-stats';
export type { SoundStandardisation, SoundStandardiseConfig } from './band-stats';
