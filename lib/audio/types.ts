// Types of lib/audio: spectrogram settings, spectrograms and the 1-second example splitter.

/** How a waveform becomes a log-mel spectrogram. All fields are resolved by `resolveSpectrogramConfig`. */
export interface SpectrogramConfig {
  /** Sample rate the waveform must have, in Hz. Defaults to 16000. */
  sampleRate: number;
  /** FFT size and window length, in samples (a power of two). Defaults to 512 (32 ms at 16 kHz). */
  fftSize: number;
  /** Step between frame starts, in samples. Defaults to 320 (20 ms at 16 kHz). */
  hopLength: number;
  /** Number of mel bands. Defaults to 40. */
  numMelBins: number;
  /** Lowest frequency covered by the mel bands, in Hz. Defaults to 60. */
  minHz: number;
  /** Highest frequency covered by the mel bands, in Hz (at most sampleRate / 2). Defaults to 8000. */
  maxHz: number;
  /** Small power added before the logarithm so silence stays finite. Defaults to 1e-6. */
  logFloor: number;
}

/** A log-mel spectrogram: `frames` rows of `bins` values, row-major (time first). */
export interface Spectrogram {
  frames: number;
  bins: number;
  /** Natural-log mel energies, length frames × bins. */
  data: Float32Array;
}

/** How a long recording is cut into fixed-length examples. */
export interface SplitConfig {
  /** Length of each example, in seconds. Defaults to 1. */
  seconds: number;
  /** A window whose loudness (RMS, dB full scale) is below this is silence and skipped. Defaults to -45. */
  silenceDb: number;
  /** A trailing piece shorter than one example is kept (padded with silence) if at least this fraction long. Defaults to 0.5. */
  minFraction: number;
  /** At most this many examples per recording. Defaults to 120. */
  maxExamples: number;
}

/** What `splitIntoExamples` returns. */
export interface SplitResult {
  /** The examples, each exactly `seconds × sampleRate` samples. */
  examples: Float32Array[];
  /** How many windows were skipped as silence. */
  silentSkipped: number;
  /** True when `maxExamples` cut the recording short. */
  truncated: boolean;
}

/** Settings of the small spectrogram CNN and its training. Resolved by `resolveSoundClassifierConfig`. */
export interface SoundClassifierConfig {
  /** Filters of the two convolution blocks (each: 3×3 conv, ReLU, 2×2 max pool). Defaults to [8, 16]. */
  filters: number[];
  /** Neurons in the dense layer after the convolutions. Defaults to 32. */
  denseUnits: number;
  /** Fraction of dense outputs dropped while training, against memorising. Defaults to 0.25. */
  dropout: number;
  /** Passes over the examples. Defaults to 20. */
  epochs: number;
  /** Examples per step. Defaults to 16. */
  batchSize: number;
  /** Adam step size. Defaults to 0.001. */
  learningRate: number;
  /** Fraction of each class held out to check the model on sounds it never trained on. Defaults to 0.2. */
  validationFraction: number;
  /** Seed for weights, split and shuffles: same examples and seed, same model. Defaults to 42. */
  seed: number;
}

/** Labelled spectrograms to learn from. */
export interface SoundDataset {
  /** Class names in output order. */
  labels: string[];
  spectrograms: Spectrogram[];
  /** Class index of each spectrogram. */
  classes: number[];
}

/** Which augmentations make extra training copies of the user's examples. Resolved by `resolveAudioAugmentConfig`. */
export interface AudioAugmentConfig {
  /** Move the sound up to `maxShiftSeconds` earlier or later (circularly). Defaults to true. */
  timeShift: boolean;
  /** Mix in a stretch of the background-noise class's recordings. Defaults to true. */
  noise: boolean;
  /** Louder or quieter by up to `gainDb`. Defaults to true. */
  gain: boolean;
  /** Faster or slower (pitch and tempo together) by up to `speedRange`. Defaults to true. */
  speed: boolean;
  /** Augmented copies made of each example. Defaults to 4. */
  copies: number;
  /** Largest time shift, in seconds. Defaults to 0.2. */
  maxShiftSeconds: number;
  /** Factor range for the mixed-in noise, relative to its recorded level. Defaults to [0.3, 1]. */
  noiseLevel: [number, number];
  /** Largest gain change, in dB (either way). Defaults to 6. */
  gainDb: number;
  /** Largest relative speed change (0.08 = ±8 %). Defaults to 0.08. */
  speedRange: number;
  /** Seed: same examples and seed, same copies. Defaults to 7. */
  seed: number;
}
