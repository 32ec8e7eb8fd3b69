// Prediction helpers that return plain arrays and leave no tensors behind.
import * as tf from '@tensorflow/tfjs';
import { BINARY_THRESHOLD } from './constants';

/** Inputs: a tensor (not disposed) or nested arrays, first axis = examples. */
export type PredictInput = tf.Tensor | tf.TensorLike;

function toTensor(x: PredictInput): tf.Tensor {
  return x instanceof tf.Tensor ? x : tf.tensor(x as tf.TensorLike);
}

/**
 * Runs the model and returns each example's outputs as a flat row of numbers
 * (class probabilities for a softmax/sigmoid head, values for regression).
 */
export async function predictProbabilities(model: tf.LayersModel, x: PredictInput): Promise<number[][]> {
  const out = tf.tidy(() => {
    const p = model.predict(toTensor(x)) as tf.Tensor;
    return tf.reshape(p, [p.shape[0], -1]);
  });
  try {
    return (await out.array()) as number[][];
  } finally {
    out.dispose();
  }
}

/**
 * Runs the model and returns one class per example: the argmax of a multi-class output, or
 * 1 when a single sigmoid output is ≥ `threshold` (default 0.5).
 */
export async function predictClasses(
  model: tf.LayersModel,
  x: PredictInput,
  threshold = BINARY_THRESHOLD,
): Promise<number[]> {
  const out = tf.tidy(() => {
    const p = model.predict(toTensor(x)) as tf.Tensor;
    const flat = tf.reshape(p, [p.shape[0], -1]);
    return flat.shape[1] === 1
      ? tf.cast(tf.greaterEqual(tf.reshape(flat, [-1]), threshold), 'int32')
      : tf.argMax(flat, -1);
  });
  try {
    return Array.from(await out.data());
  } finally {
    out.dispose();
  }
}
