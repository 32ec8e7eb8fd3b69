// The Playground networks the lab bench and bench/engine-micro measure (one definition for both).
import { DEFAULT_PLAYGROUND_STATE, type PlaygroundState } from '../../lib/lab';

/** The Playground network: 2 inputs, 4 hidden layers of 8 tanh neurons, batch 10. */
export const PG_STATE: PlaygroundState = {
  ...DEFAULT_PLAYGROUND_STATE,
  dataset: 'circle' as const,
  hidden: [8, 8, 8, 8],
  activation: 'tanh' as const,
  batchSize: 10,
  optimizer: 'sgd' as const,
  learningRate: 0.03,
};
/** The same network with the Playground's extras on: an L2 penalty, 10% dropout and Adam. */
export const PG_FEATURES: PlaygroundState = {
  ...PG_STATE,
  regularization: 'l2',
  regularizationRate: 0.001,
  dropout: 0.1,
  optimizer: 'adam',
  learningRate: 0.01,
};
