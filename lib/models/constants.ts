// Tables for the UI (activations, losses, optimizers) and frozen defaults for builders.
import type { ActivationName, LossName, OptimizerName, OptimizerConfig } from './types';

/** Every activation with a one-sentence explanation for learners. */
export const ACTIVATIONS: Readonly<Record<ActivationName, string>> = Object.freeze({
  linear: 'Passes the number through unchanged, so the layer can only draw straight lines.',
  sigmoid: 'Squashes any number into the range 0 to 1, which reads well as a probability.',
  relu: 'Keeps positive numbers and turns negative ones into 0; simple, fast and the usual first choice.',
  leakyRelu: 'Like ReLU, but lets a small slice of negative numbers through so neurons never go silent.',
  elu: 'Like ReLU for positive numbers, but bends smoothly below zero towards −1.',
  selu: 'A scaled ELU that keeps signals at a steady size through deep stacks of dense layers.',
  tanh: 'Squashes any number into the range −1 to 1, centred on zero.',
  softplus: 'A smooth version of ReLU that is always positive.',
  softmax: 'Turns a list of scores into probabilities that add up to 1, one per class.',
});

/** Explanation of PReLU, which is a layer (its negative slope is learned), not an activation name. */
export const PRELU_EXPLANATION =
  'Like Leaky ReLU, but the network learns how much of the negative numbers to let through.';

/** Every loss with a one-sentence explanation. */
export const LOSSES: Readonly<Record<LossName, string>> = Object.freeze({
  meanSquaredError: 'Average of squared differences; big mistakes count a lot. For predicting numbers.',
  meanAbsoluteError: 'Average size of the differences; every unit of error counts the same. For numbers.',
  huber: 'Squared error for small mistakes and absolute error for big ones, so outliers pull less.',
  binaryCrossentropy: 'For yes/no answers: punishes confident wrong probabilities from a sigmoid output.',
  categoricalCrossentropy: 'For one-of-many classes with one-hot labels and a softmax output.',
  sparseCategoricalCrossentropy: 'Like categorical cross-entropy, but labels are class numbers (0, 1, 2…).',
});

/** Every optimizer with a one-sentence explanation. */
export const OPTIMIZERS: Readonly<Record<OptimizerName, string>> = Object.freeze({
  sgd: 'Takes a small step downhill on the loss after every batch.',
  momentum: 'Like SGD, but keeps rolling in the direction it has been going, like a heavy ball.',
  nesterov: 'Momentum that looks ahead before stepping, so it overshoots less.',
  adagrad: 'Gives each weight its own step size, shrinking steps for weights that changed a lot.',
  rmsprop: 'Scales each step by a running average of recent gradient sizes.',
  adam: 'Combines momentum and RMSProp; a reliable default for most problems.',
});

/** Defaults for every optimizer field. `learningRate` is per optimizer, see DEFAULT_LEARNING_RATES. */
export const DEFAULT_OPTIMIZER_CONFIG: Readonly<Required<Omit<OptimizerConfig, 'name' | 'learningRate'>>> =
  Object.freeze({
    momentum: 0.9,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
    rho: 0.9,
    initialAccumulatorValue: 0.1,
  });

/** Default learning rate per optimizer. */
export const DEFAULT_LEARNING_RATES: Readonly<Record<OptimizerName, number>> = Object.freeze({
  sgd: 0.01,
  momentum: 0.01,
  nesterov: 0.01,
  adagrad: 0.01,
  rmsprop: 0.001,
  adam: 0.001,
});

/** Huber loss threshold between the squared and absolute regimes. */
export const HUBER_DELTA = 1;

/** Negative slope used for 'leakyRelu' (the tfjs and Keras default). */
export const LEAKY_RELU_ALPHA = 0.3;

/** Activations allowed inside recurrent layers. */
export const RECURRENT_ACTIVATIONS = Object.freeze([
  'tanh',
  'relu',
  'sigmoid',
  'linear',
  'elu',
  'selu',
  'softplus',
] as const);

/** All layer types accepted in a ModelSpec. */
export const LAYER_TYPES = Object.freeze([
  'dense',
  'dropout',
  'conv2d',
  'conv2dTranspose',
  'maxPool2d',
  'avgPool2d',
  'upSampling2d',
  'batchNorm',
  'flatten',
  'reshape',
  'simpleRnn',
  'lstm',
  'gru',
  'prelu',
  'activation',
] as const);

/** Defaults shared by the convenience builders. */
export const DEFAULT_BUILDER_CONFIG = Object.freeze({
  mlpActivation: 'relu' as ActivationName,
  mlpOutputActivation: 'linear' as ActivationName,
  cnnOutputActivation: 'softmax' as ActivationName,
  rnnOutputActivation: 'linear' as ActivationName,
  autoencoderOutputActivation: 'sigmoid' as ActivationName,
  dropout: 0,
});
