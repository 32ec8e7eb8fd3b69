// Types for the pretrained MNIST digit classifiers and the MNIST data served beside them.
import type * as tf from '@tensorflow/tfjs';

/** Names of the digit models shipped in public/models. */
export type DigitModelName = 'digits-mlp' | 'digits-cnn';

/** One row of the table of shipped digit models. */
export interface DigitModelInfo {
  /** Model name, also the folder under /models/. */
  name: DigitModelName;
  /** URL of model.json, under /models/ on our own origin. */
  url: string;
  /** URL of metadata.json. */
  metadataUrl: string;
  /** Number of trainable parameters. */
  params: number;
  /** Size of weights.bin in bytes. */
  bytes: number;
  /** Input shape, batch first: [null, 28, 28, 1]. */
  inputShape: readonly [null, number, number, number];
  /** Licence of the weights and of the data they were trained on. */
  licence: string;
  /** One line for the UI: what the network is. */
  description: string;
}

/** The metadata.json written beside each model by scripts/train-digits.py. */
export interface DigitModelMetadata {
  /** Model name, e.g. 'digits-cnn'. */
  name: string;
  /** Class labels in output order: '0'..'9'. */
  labels: string[];
  /** Input shape, batch first. */
  inputShape: (number | null)[];
  /** Number of trainable parameters. */
  params: number;
  /** Accuracy (0-1) on the 2,000 held-out MNIST digits. */
  testAccuracy: number;
  /** What the model was trained on. */
  trainedOn: string;
  /** The random distortions used in training, as the script recorded them. */
  augmentation: unknown;
  /** The script that produced the files. */
  script: string;
  /** Date of training, YYYY-MM-DD. */
  date: string;
  /** Any further fields the script recorded (epochs, seed, trainingSeconds ...). */
  [key: string]: unknown;
}

/** Where to load a digit model from: a shipped name, another URL, or a tfjs IOHandler. */
export type DigitModelSource = DigitModelName | { url: string; metadataUrl?: string } | tf.io.IOHandler;

/** Options for `loadDigitModel`. */
export interface LoadDigitModelOptions {
  /**
   * Metadata to use instead of fetching metadata.json. Needed with an IOHandler source unless the
   * handler's artifacts carry it as `userDefinedMetadata`; otherwise a minimal one is made.
   */
  metadata?: DigitModelMetadata;
  /** Called with the loaded fraction (0-1) while weights download. */
  onProgress?: (fraction: number) => void;
  /** fetch to use for URLs. Defaults to the global fetch. */
  fetchFunc?: typeof fetch;
}

/** A loaded, warmed-up digit classifier. */
export interface DigitModel {
  /** The tfjs model, owned by this object (disposed by `dispose`). */
  readonly model: tf.LayersModel;
  /** The model's metadata.json. */
  readonly metadata: DigitModelMetadata;
  /**
   * Classifies one 28x28 digit (784 values, row-major, white ink on black, 0-1, as
   * `preprocessDigit` returns). Returns the 10 class probabilities, digit 0 first.
   */
  predict(input28: Float32Array): number[];
  /** Classifies many digits at once: `inputs` holds n x 784 values. Returns n rows of 10. */
  predictBatch(inputs: Float32Array): number[][];
  /** Releases the model's weights. Safe to call twice. */
  dispose(): void;
}

/** Something that fetches a URL, like `fetch`. */
export type FetchLike = (
  url: string,
) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/** The `meta.json` beside the MNIST binary files. */
export interface MnistMeta {
  /** Number of digits in images.bin and labels.bin. */
  count: number;
  /** Image width in pixels (28). */
  width: number;
  /** Image height in pixels (28). */
  height: number;
  /** The fixed split: the first trainCount rows train, the last testCount rows test. */
  split: { trainCount: number; testCount: number; seed: number; rule: string; testIndices?: number[] };
  /** Where the digits come from. */
  source: string;
  /** Licence and credit. */
  licence: string;
  [key: string]: unknown;
}

/** The MNIST digits, split as the shipped models were trained and tested. */
export interface MnistData {
  /** trainCount x 784 values, 0-1, white ink on black. */
  trainImages: Float32Array;
  /** trainCount labels, 0-9. */
  trainLabels: Uint8Array;
  /** testCount x 784 values, 0-1. */
  testImages: Float32Array;
  /** testCount labels, 0-9. */
  testLabels: Uint8Array;
  /** Total number of digits (train + test). */
  count: number;
  /** The meta.json that came with the data. */
  meta: MnistMeta;
}
