// The table of shipped digit models and the URLs of the MNIST data, all on our own origin.
import type { DigitModelInfo, DigitModelName } from './types';

const LICENCE =
  'Weights: MIT (Creative AI Studio, trained by scripts/train-digits.py). ' +
  'Training data: MNIST by Yann LeCun and Corinna Cortes, CC BY-SA 3.0.';

/** The shipped digit classifiers. Files are produced by scripts/train-digits.py. */
export const DIGIT_MODELS: Readonly<Record<DigitModelName, Readonly<DigitModelInfo>>> = Object.freeze({
  'digits-mlp': Object.freeze({
    name: 'digits-mlp',
    url: '/models/digits-mlp/model.json',
    metadataUrl: '/models/digits-mlp/metadata.json',
    params: 159_010,
    bytes: 636_040,
    inputShape: [null, 28, 28, 1] as const,
    licence: LICENCE,
    description: 'Multilayer perceptron 784-200-10: the classic first network.',
  }),
  'digits-cnn': Object.freeze({
    name: 'digits-cnn',
    url: '/models/digits-cnn/model.json',
    metadataUrl: '/models/digits-cnn/metadata.json',
    params: 130_890,
    bytes: 523_560,
    inputShape: [null, 28, 28, 1] as const,
    licence: LICENCE,
    description: 'Small convolutional network: three 3x3 convolutions with pooling, then dense.',
  }),
});

/** Names of the shipped digit models, in the order the UI lists them. */
export const DIGIT_MODEL_NAMES: readonly DigitModelName[] = Object.freeze(['digits-mlp', 'digits-cnn']);

/** Side of the square input image in pixels. */
export const DIGIT_INPUT_SIZE = 28;

/** Number of classes (digits 0-9). */
export const DIGIT_CLASS_COUNT = 10;

/** Class labels in output order. */
export const DIGIT_LABELS: readonly string[] = Object.freeze(
  Array.from({ length: DIGIT_CLASS_COUNT }, (_, i) => String(i)),
);

/** Folder (URL) of images.bin, labels.bin and meta.json. */
export const MNIST_DATA_URL = '/data/mnist';
