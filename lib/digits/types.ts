// Types for the digit networks a learner builds and trains in the Digits studio.

/** Which network to build. */
export interface DigitNetConfig {
  /** 'mlp': flatten → dense hidden → softmax; 'cnn': two conv/pool blocks → dense → softmax. */
  kind: 'mlp' | 'cnn';
  /** Hidden neurons of the MLP. Defaults to 200 (the lesson's 784-200-10). */
  hidden: number;
  /** Filters in the CNN's first conv layer (the second has twice as many). Defaults to 16. */
  filters: number;
  /** Seed for the initial weights. Defaults to 1. */
  seed: number;
}

/** One test digit the network got wrong. */
export interface DigitMistake {
  /** Index into the test images. */
  index: number;
  pred: number;
  label: number;
  /** Probability the network gave its (wrong) answer. */
  confidence: number;
}

/** How a network did on a labelled set of digits. */
export interface DigitEvaluation {
  accuracy: number;
  perClass: number[];
  /** confusion[true][pred] counts. */
  confusion: number[][];
  mistakes: DigitMistake[];
}

/** What the first layer learned, ready to draw. */
export type FirstLayerView =
  | { kind: 'dense'; side: 28; images: Float32Array[] }
  | { kind: 'conv'; side: number; images: Float32Array[] };
