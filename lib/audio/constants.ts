// Constants of lib/audio: the one sample rate every sound is converted to, and default settings.
import type { AudioAugmentConfig, SoundClassifierConfig, SpectrogramConfig, SplitConfig } from './types';

/** Every sound in the studio is resampled to this rate (Hz) before features are computed. */
export const AUDIO_SAMPLE_RATE = 16000;

/** Length of one example, in seconds. */
export const EXAMPLE_SECONDS = 1;

/** Samples in one example at AUDIO_SAMPLE_RATE. */
export const EXAMPLE_SAMPLES = AUDIO_SAMPLE_RATE * EXAMPLE_SECONDS;

/** Default log-mel settings: 32 ms frames every 20 ms, 40 mel bands from 60 Hz to 8 kHz. */
export const DEFAULT_SPECTROGRAM_CONFIG: Readonly<SpectrogramConfig> = Object.freeze({
  sampleRate: AUDIO_SAMPLE_RATE,
  fftSize: 512,
  hopLength: 320,
  numMelBins: 40,
  minHz: 60,
  maxHz: 8000,
  logFloor: 1e-6,
});

/** Default splitting of long recordings into 1-second examples. */
export const DEFAULT_SPLIT_CONFIG: Readonly<SplitConfig> = Object.freeze({
  seconds: EXAMPLE_SECONDS,
  silenceDb: -45,
  minFraction: 0.5,
  maxExamples: 120,
});

/** Taps on each side of the windowed-sinc resampling kernel (more = sharper anti-alias filter). */
export const RESAMPLE_HALF_TAPS = 16;

/** Default spectrogram CNN and training settings. */
export const DEFAULT_SOUND_CLASSIFIER_CONFIG: Readonly<SoundClassifierConfig> = Object.freeze({
  filters: [8, 16],
  denseUnits: 32,
  dropout: 0.25,
  epochs: 20,
  batchSize: 16,
  learningRate: 0.001,
  validationFraction: 0.2,
  seed: 42,
});

/** Format tag written into exported metadata.json, checked on import. */
export const SOUND_MODEL_FORMAT = 'creative-ai-studio/sound-classifier@1';

/** Default augmentation of the user's examples (measured in bench/sound-fewshot.eval.ts; see README). */
export const DEFAULT_AUDIO_AUGMENT_CONFIG: Readonly<AudioAugmentConfig> = Object.freeze({
  timeShift: true,
  noise: true,
  gain: true,
  speed: true,
  copies: 4,
  maxShiftSeconds: 0.2,
  noiseLevel: Object.freeze([0.3, 1]) as unknown as [number, number],
  gainDb: 6,
  speedRange: 0.08,
  seed: 7,
});
