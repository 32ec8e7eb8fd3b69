// Types for transfer learning: frozen feature extractors, trainable heads and labelled samples.
import type * as tf from '@tensorflow/tfjs';

/**
 * A frozen network (or hand-made function) that turns one input into a fixed-length feature
 * vector. The Image studio's extractor takes pixels; the Pose studio's takes keypoints; the Sound
 * studio's takes spectrograms. Everything downstream (sample store, head training, preview,
 * export) only sees the Float32Array, so any studio plugs in by implementing this.
 */
export interface FeatureExtractor<I> {
  /** Stable name written into exported metadata, e.g. "centernet-mobilenetv3-gap120". */
  readonly name: string;
  /** Length of every feature vector `extract` returns. */
  readonly featureSize: number;
  /** Features of one input, as a tensor of shape [1, featureSize]. Sync: call inside tf.tidy. */
  extractTensor(input: I): tf.Tensor2D;
  /** Features of one input as plain numbers (leaves no tensors behind). */
  extract(input: I): Promise<Float32Array>;
  /** Releases what the extractor owns; safe to call twice. */
  dispose(): void;
}

/** Pixels the image extractor accepts: a [h, w, 3] 0–255 tensor or anything tf.browser.fromPixels takes. */
export type ImageInput =
  | tf.Tensor3D
  | tf.PixelData
  | ImageData
  | HTMLImageElement
  | HTMLCanvasElement
  | HTMLVideoElement
  | ImageBitmap
  | OffscreenCanvas;

/** Which backbone activations make up the image feature vector. */
export type ImageFeatureMode = 'gap120' | 'gap120+480' | 'multi784';

/** How one feature layout is made from the backbone. */
export interface ImageFeatureSpec {
  /** Backbone nodes, each global-average-pooled, concatenated in this order. */
  nodes: readonly string[];
  /** Average the features of the picture and of its left-right mirror. */
  flip: boolean;
  /** 'l2node': scale each node's pooled part to length 1/√(number of nodes); 'none': raw. */
  norm: 'none' | 'l2node';
  /** Side of the square fed to the backbone, in pixels. */
  inputSize: number;
  /** Feature version recorded in projects and exports (changes when the numbers change). */
  version: number;
}

/** Options for {@link createImageFeatureExtractor}. */
export interface ImageExtractorConfig {
  /** URL of the patched centernet model.json, or a tf.io.IOHandler. Defaults to CENTERNET_MODEL_URL. */
  model?: string | tf.io.IOHandler;
  /** Side of the square the input is cropped and resized to, in pixels. Defaults to the mode's size. */
  inputSize?: number;
  /** Feature layout. Defaults to DEFAULT_IMAGE_FEATURE_MODE. */
  mode?: ImageFeatureMode;
  /** Run one warm-up prediction after loading. Defaults to true. */
  warmUp?: boolean;
  /** Loading progress, 0–1: the download, then 1 before the warm-up prediction. */
  onProgress?: (fraction: number) => void;
}

/** Settings of the trainable head and its training (Teachable Machine's defaults). */
export interface HeadConfig {
  /** Passes over the training examples. Defaults to 50. */
  epochs: number;
  /** Examples per weight update. Defaults to 16. */
  batchSize: number;
  /** Adam learning rate. Defaults to 0.001. */
  learningRate: number;
  /** Fraction of each class held out to check the model on unseen examples. Defaults to 0.15. */
  validationSplit: number;
  /** Widths of the hidden dense layers. Defaults to [100]. */
  hidden: number[];
  /** Seed for the split, the initial weights and shuffling. Defaults to 42. */
  seed: number;
}

/** Feature vectors grouped by class (index = class). */
export type FeaturesByClass = readonly (readonly Float32Array[])[];

/** A stratified split into training and held-out examples. */
export interface TransferSplit {
  trainX: Float32Array[];
  trainY: number[];
  valX: Float32Array[];
  valY: number[];
}

/** Progress reported after each epoch of head training (plain numbers). */
export interface HeadEpochInfo {
  epoch: number;
  epochs: number;
  loss: number;
  acc?: number;
  valLoss?: number;
  valAcc?: number;
}

/** Options for {@link trainHead}. */
export interface TrainHeadOptions {
  signal?: AbortSignal;
  /** Yield to the page every this many batches. Defaults to 8. */
  yieldEvery?: number;
  onEpochEnd?: (info: HeadEpochInfo) => void;
}

/** What {@link trainHead} returns: the model (caller owns it) and the held-out evaluation. */
export interface TrainHeadResult {
  model: tf.LayersModel;
  history: { loss: number[]; acc?: number[]; valLoss?: number[]; valAcc?: number[] };
  epochsRun: number;
  cancelled: boolean;
  /** Wall time of training in milliseconds. */
  ms: number;
  /** Held-out examples: true and predicted class per example. */
  validation: { trueY: number[]; predY: number[] };
  /** Confusion matrix on the held-out examples, [true][predicted]. */
  confusion: number[][];
  /** Accuracy per class on the held-out examples (null where a class had none held out). */
  perClassAccuracy: (number | null)[];
  /** Number of examples trained on and held out. */
  counts: { train: number; validation: number };
  /**
   * True when a held-out share was asked for but none was kept, because a class had fewer than
   * MIN_EXAMPLES_TO_HOLD_OUT examples: everything trained, and accuracy needs more examples.
   */
  tooFewToTest: boolean;
}

/** Metadata written beside an exported head (model.json + weights.bin + metadata.json). */
export interface TransferModelMetadata {
  [key: string]: unknown;
  format: 'creative-ai-studio/transfer-head';
  formatVersion: 1;
  labels: string[];
  extractor: string;
  featureSize: number;
  imageSize?: number;
  backbone?: { name: string; node: string[]; source: string };
  versions: { tfjs: string; app: string };
  createdAt: string;
}

/** Metrics at the end of an epoch (plain numbers); validation ones are missing without a held-out set. */
export interface LearnerEpochMetrics {
  loss: number;
  acc?: number;
  valLoss?: number;
  valAcc?: number;
}

/**
 * How a learner reports progress and notices a cancel. Every field is optional, so a test can pass
 * `{}`; components/training's `TrainingRunContext` fits it as it is.
 */
export interface LearnerProgress {
  signal?: AbortSignal;
  /** Moves to a phase, with progress 0–1 within it (or null when unknown). */
  setPhase?(phase: 'preparing' | 'training' | 'evaluating', progress?: number | null): void;
  /** Progress 0–1 within the current phase. */
  setProgress?(fraction: number | null): void;
  /** Epochs planned. */
  setEpochs?(epochs: number): void;
  /** Called after each epoch with the count of finished epochs. */
  onEpochEnd?(finished: number, metrics: LearnerEpochMetrics): void;
}

/** What a training run tells a teacher, whatever the learner (no tensors, no model). */
export interface TrainSummary {
  /** Class names in output order. */
  labels: string[];
  epochsRun: number;
  cancelled: boolean;
  /** Wall time of training in milliseconds. */
  ms: number;
  /** Number of examples trained on and held out. */
  counts: { train: number; validation: number };
  /** Confusion matrix on the held-out examples, [true][predicted]. */
  confusion: number[][];
  /** Accuracy per class on the held-out examples (null where a class had none held out). */
  perClassAccuracy: (number | null)[];
  /** Accuracy over all held-out examples, or null without any. */
  validationAccuracy: number | null;
  /** True when none were held out because a class had too few examples (see TrainHeadResult). */
  tooFewToTest?: boolean;
}

/**
 * A trained model a studio predicts with: a dense head on a frozen extractor, or a whole model
 * (the Sound studio's spectrogram network). The studio owns it and calls `dispose()`.
 */
export interface TeachableModel<I> {
  /** Class names in output order. */
  readonly labels: readonly string[];
  /** The tfjs model that is saved with the project and exported. */
  readonly model: tf.LayersModel;
  /** Class probabilities of one input (plain numbers; leaves no tensors). */
  predict(input: I): Promise<number[]>;
  /** What must be stored beside the weights to rebuild it (undefined when nothing). */
  metadata(): Record<string, unknown> | undefined;
  /** Releases its tensors; safe to call twice. */
  dispose(): void;
}
