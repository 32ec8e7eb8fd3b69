// Types for the Neural network lab: 2-D datasets, input features, output heads and the Playground state.
import type { ActivationName, OptimizerName } from '../models';

/** Built-in 2-D datasets. Classification: circle, xor, gauss, spiral (2 classes), blobs3, spiral3 (3 classes). Regression: plane, multiGauss. */
export type DatasetName =
  'circle' | 'xor' | 'gauss' | 'spiral' | 'blobs3' | 'spiral3' | 'plane' | 'multiGauss';

/** What a dataset asks the network to do. */
export type ProblemKind = 'classification' | 'regression';

/** One point in the plane. Inputs live roughly in [-6, 6]. */
export interface Point2D {
  x1: number;
  x2: number;
  /** Class index (0, 1, 2 …) for classification; a value in about [-1, 1] for regression. */
  label: number;
}

/** A ready dataset: points split into train and test, plus what kind of problem it is. */
export interface LabDataset {
  problem: ProblemKind;
  /** Number of classes (2 or more) for classification; 1 for regression. */
  numClasses: number;
  /** Display names of the classes (classification only). */
  classNames: string[];
  train: Point2D[];
  test: Point2D[];
}

/** Options for generating a built-in dataset. */
export interface DatasetOptions {
  /** Number of points in total. Defaults to 500. */
  numPoints: number;
  /** Noise level from 0 (none) to 0.5 (a lot). Defaults to 0. */
  noise: number;
  /** Fraction of points used for training, 0.1–0.9. Defaults to 0.5. */
  trainRatio: number;
  /** Seed for the generator and the split. Defaults to 1. */
  seed: number;
}

/** The input features a learner can switch on, computed from (x₁, x₂). */
export type FeatureName = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sinx1' | 'sinx2';

/** How the output layer and the loss match the problem. */
export type OutputHead = 'sigmoid-bce' | 'softmax-ce' | 'linear-mse';

/** Weight penalty kind. */
export type RegularizationKind = 'none' | 'l1' | 'l2';

/** Controls a teacher can hide through the URL (`hide=` list). */
export type HideableControl =
  | 'dataset'
  | 'noise'
  | 'ratio'
  | 'batch'
  | 'features'
  | 'layers'
  | 'activation'
  | 'output'
  | 'regularization'
  | 'dropout'
  | 'optimizer'
  | 'learningRate'
  | 'csv';

/** Everything that defines a Playground experiment. Lives in the URL. */
export interface PlaygroundState {
  dataset: DatasetName;
  noise: number;
  /** Training fraction, 0.1–0.9. */
  trainRatio: number;
  batchSize: number;
  seed: number;
  features: FeatureName[];
  /** Neurons per hidden layer; 0–8 layers of 1–16 neurons. */
  hidden: number[];
  activation: Exclude<ActivationName, 'softmax' | 'selu'>;
  output: OutputHead;
  regularization: RegularizationKind;
  regularizationRate: number;
  dropout: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** Controls hidden from learners. */
  hide: HideableControl[];
}
