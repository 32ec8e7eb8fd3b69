// Public entry of lib/audio: resampling, log-mel spectrograms, 1-second examples, WAV files, model input tensors.
export {
  AUDIO_SAMPLE_RATE,
  DEFAULT_SPECTROGRAM_CONFIG,
  DEFAULT_SPLIT_CONFIG,
  EXAMPLE_SAMPLES,
  EXAMPLE_SECONDS,
} from './constants';
export { resolveSpectrogramConfig, resolveSplitConfig } from './config';
export { hzToMel, melToHz, melBandCentersHz, melFilterBank } from './mel';
export { resample, RESAMPLE_PROGRESS_EVERY, StreamingResampler, toMono } from './resample';
export { decodeSoundJob, decodeSoundOffThread, type SoundDecodeRequest } from './decode-job';
export { computeLogMel, frameCount, hannWindow, LogMelComputer, StreamingLogMel } from './spectrogram';
export { peak, rms, splitIntoExamples, toDb } from './segment';
export { decodeWav, encodeWav } from './wav';
export type { DecodedWav } from './wav';
export { fitNormalization, spectrogramsOf, spectrogramsToTensor } from './features';
export type { FeatureNormalization } from './features';
export type * from './types';
export {
  buildSoundModel,
  soundModelSpec,
  resolveSoundClassifierConfig,
  SoundClassifier,
  trainSoundClassifier,
} from './classifier';
export type { SoundClassifierMetadata, SoundTrainHooks, SoundTrainResult } from './classifier';
export { DEFAULT_SOUND_CLASSIFIER_CONFIG, SOUND_MODEL_FORMAT } from './constants';
export { DEFAULT_AUDIO_AUGMENT_CONFIG } from './constants';
export { augmentationActive, augmentExamples, augmentWaveform, resolveAudioAugmentConfig } from './augment';
export {
  DEFAULT_SOUND_TRAIN_SETTINGS,
  LEGACY_SOUND_PROJECT_FILE,
  SOUND_LEARNER_NAME,
  clipSample,
  exampleSamples,
  importSoundProjectFiles,
  isLegacySoundProject,
  migrateLegacySoundProject,
  soundCnnLearner,
  type SoundTrainSettings,
} from './teachable';
