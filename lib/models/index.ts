// Public entry of lib/models: spec-driven builders, losses, optimizers, compile and summary.
export { buildModel, deriveSeed, initialDenseKernel } from './build-model';
export { resolveModelSpec } from './spec';
export {
  buildMlp,
  buildCnn,
  buildRnn,
  buildAutoencoder,
  mlpSpec,
  cnnSpec,
  rnnSpec,
  autoencoderSpecs,
} from './builders';
export { resolveLoss, huber, classificationKindOf } from './losses';
export type { ClassificationKind } from './losses';
export { createOptimizer, resolveOptimizerConfig, setLearningRate } from './optimizers';
export { compileModel } from './compile';
export { summarizeModel } from './summary';
export { SeededDropout } from './seeded-dropout';
export {
  ACTIVATIONS,
  PRELU_EXPLANATION,
  LOSSES,
  OPTIMIZERS,
  DEFAULT_OPTIMIZER_CONFIG,
  DEFAULT_LEARNING_RATES,
  DEFAULT_BUILDER_CONFIG,
  HUBER_DELTA,
  LEAKY_RELU_ALPHA,
  RECURRENT_ACTIVATIONS,
  LAYER_TYPES,
} from './constants';
export type * from './types';
