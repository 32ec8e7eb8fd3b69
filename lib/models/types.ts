// Types for building models from plain JSON specs, losses, optimizers and summaries.
import type * as tf from '@tensorflow/tfjs';

/** Activation names the studio understands (see ACTIVATIONS for explanations). */
export type ActivationName =
  'linear' | 'sigmoid' | 'relu' | 'leakyRelu' | 'elu' | 'selu' | 'tanh' | 'softplus' | 'softmax';

/** L1 and/or L2 weight penalties added to the loss. */
export interface RegularizerSpec {
  /** L1 strength (sum of |w|). Defaults to 0. */
  l1?: number;
  /** L2 strength (sum of w²). Defaults to 0. */
  l2?: number;
}

/** A fully connected layer. */
export interface DenseSpec {
  type: 'dense';
  /** Number of neurons. */
  units: number;
  /** Defaults to 'linear'. */
  activation?: ActivationName;
  /** Defaults to true. */
  useBias?: boolean;
  regularizer?: RegularizerSpec;
}

/** Randomly zeroes a fraction of inputs during training only. */
export interface DropoutSpec {
  type: 'dropout';
  /** Fraction dropped, in [0, 1). */
  rate: number;
}

/** A 2-D convolution (or its transpose, which upsamples). Input [height, width, channels]. */
export interface Conv2dSpec {
  type: 'conv2d' | 'conv2dTranspose';
  filters: number;
  /** Square kernel side, or [height, width]. */
  kernelSize: number | [number, number];
  /** Defaults to 1. */
  strides?: number | [number, number];
  /** Defaults to 'same'. */
  padding?: 'same' | 'valid';
  /** Defaults to 'linear'. */
  activation?: ActivationName;
  regularizer?: RegularizerSpec;
}

/** Max or average pooling. */
export interface Pool2dSpec {
  type: 'maxPool2d' | 'avgPool2d';
  poolSize: number | [number, number];
  /** Defaults to poolSize. */
  strides?: number | [number, number];
}

/** Repeats rows and columns (nearest-neighbour upsampling). */
export interface UpSampling2dSpec {
  type: 'upSampling2d';
  size: number | [number, number];
}

/** A layer with no settings. */
export interface PlainSpec {
  type: 'batchNorm' | 'flatten' | 'prelu';
}

/** Reshapes each example (batch dimension excluded). */
export interface ReshapeSpec {
  type: 'reshape';
  targetShape: number[];
}

/** A recurrent layer. Input [timesteps, features]. */
export interface RecurrentSpec {
  type: 'simpleRnn' | 'lstm' | 'gru';
  units: number;
  /** Output every time step (needed when stacking). Defaults to false. */
  returnSequences?: boolean;
  /** Defaults to 'tanh'. */
  activation?: RecurrentActivationName;
}

/** Activations allowed inside recurrent cells. */
export type RecurrentActivationName = 'tanh' | 'relu' | 'sigmoid' | 'linear' | 'elu' | 'selu' | 'softplus';

/** A standalone activation layer. */
export interface ActivationSpec {
  type: 'activation';
  activation: ActivationName;
}

/** One layer of a model spec, discriminated on `type`. */
export type LayerSpec =
  | DenseSpec
  | DropoutSpec
  | Conv2dSpec
  | Pool2dSpec
  | UpSampling2dSpec
  | PlainSpec
  | ReshapeSpec
  | RecurrentSpec
  | ActivationSpec;

/** Layer type names. */
export type LayerType = LayerSpec['type'];

/** A whole model as plain JSON. */
export interface ModelSpec {
  /** Shape of one example, without the batch dimension, e.g. [28, 28, 1]. */
  inputShape: number[];
  layers: LayerSpec[];
  /** Seed for initialisers and dropout; the same spec and seed give identical weights. Unset: random. */
  seed?: number;
}

/** Options for a multi-layer perceptron. */
export interface MlpConfig {
  inputSize: number;
  /** Hidden layer widths, e.g. [16, 8]. May be empty. */
  hidden: number[];
  /** Hidden activation. Defaults to 'relu'. */
  activation?: ActivationName;
  outputSize: number;
  /** Defaults to 'linear'. */
  outputActivation?: ActivationName;
  /** Dropout rate after each hidden layer. Defaults to 0 (none). */
  dropout?: number;
  regularizer?: RegularizerSpec;
  seed?: number;
}

/** One convolution block: conv (relu) → optional batch norm → optional pooling (2×2). */
export interface CnnBlock {
  filters: number;
  kernelSize: number;
  pool?: 'max' | 'avg';
  batchNorm?: boolean;
}

/** Options for a small convolutional classifier. */
export interface CnnConfig {
  /** [height, width, channels]. */
  inputShape: number[];
  blocks: CnnBlock[];
  /** Dense layer widths after flattening. */
  dense: number[];
  outputSize: number;
  /** Defaults to 'softmax'. */
  outputActivation?: ActivationName;
  /** Dropout before the output layer. Defaults to 0. */
  dropout?: number;
  seed?: number;
}

/** Options for a stacked recurrent model. */
export interface RnnConfig {
  cell: 'simpleRnn' | 'lstm' | 'gru';
  /** Units per stacked layer, e.g. [16] or [32, 16]. */
  units: number[];
  timesteps: number;
  features: number;
  outputSize: number;
  /** Defaults to 'linear'. */
  outputActivation?: ActivationName;
  /** Predict at every time step instead of only after the last. Defaults to false. */
  returnSequences?: boolean;
  seed?: number;
}

/** Options for an autoencoder. */
export interface AutoencoderConfig {
  /** 'dense' flattens the input; 'conv' needs [height, width, channels]. */
  kind: 'dense' | 'conv';
  inputShape: number[];
  /** Dense: layer widths. Conv: filters per block (each block halves height and width). */
  hidden: number[];
  /** Size of the code vector. */
  bottleneck: number;
  /** Output activation; 'sigmoid' suits data scaled to [0, 1]. Defaults to 'sigmoid'. */
  outputActivation?: ActivationName;
  seed?: number;
}

/** An autoencoder and its two halves, which share weights with it. */
export interface Autoencoder {
  /** input → code → reconstruction; train this one. */
  autoencoder: tf.LayersModel;
  /** input → code [bottleneck]. */
  encoder: tf.Sequential;
  /** code → reconstruction (shaped like the input). */
  decoder: tf.Sequential;
  /**
   * Releases all three models' weights; safe to call twice. Do not dispose `encoder` or
   * `decoder` on their own: tfjs counts them as layers of the autoencoder, and disposing one
   * first makes the autoencoder's own dispose throw.
   */
  dispose(): void;
}

/** Loss names the studio understands. */
export type LossName =
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'huber'
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy';

/** What `model.compile` accepts as a loss. */
export type CompiledLoss = string | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor);

/** Optimizer names the studio understands. */
export type OptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';

/** Optimizer settings; unset fields take per-optimizer defaults. */
export interface OptimizerConfig {
  name: OptimizerName;
  /** Step size. Defaults to 0.001 for adam/rmsprop, 0.01 otherwise. */
  learningRate?: number;
  /** Momentum for momentum/nesterov/rmsprop. Defaults to 0.9 (0 for rmsprop). */
  momentum?: number;
  /** Adam first-moment decay. Defaults to 0.9. */
  beta1?: number;
  /** Adam second-moment decay. Defaults to 0.999. */
  beta2?: number;
  /** Small constant for numerical stability (adam, rmsprop). Defaults to 1e-7. */
  epsilon?: number;
  /** RMSProp decay of the squared-gradient average. Defaults to 0.9. */
  rho?: number;
  /** Adagrad starting accumulator. Defaults to 0.1. */
  initialAccumulatorValue?: number;
}

/** Settings for `compileModel`. */
export interface CompileConfig {
  optimizer: OptimizerConfig;
  loss: LossName;
  /** tfjs metric names, e.g. ['accuracy']. Defaults to none (train() computes accuracy itself). */
  metrics?: string[];
}

/** One row of a model summary. */
export interface LayerSummary {
  name: string;
  className: string;
  /** Output shape; null is the batch dimension (or any unknown size). */
  outputShape: (number | null)[];
  params: number;
  trainable: boolean;
}

/** A model summary for a UI table. */
export interface ModelSummary {
  layers: LayerSummary[];
  totalParams: number;
  trainableParams: number;
}
