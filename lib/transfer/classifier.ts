// Predicting with a frozen extractor + trained head, in one tidy so nothing leaks per frame.
import * as tf from '@tensorflow/tfjs';

import type { FeatureExtractor } from './types';

/**
 * Class probabilities of one input: extractor → head → softmax, as plain numbers. Works with any
 * {@link FeatureExtractor} (image, pose, sound). Leaves no tensors behind.
 */
export async function classify<I>(
  extractor: FeatureExtractor<I>,
  head: tf.LayersModel,
  input: I,
): Promise<number[]> {
  const p = tf.tidy(() => head.predict(extractor.extractTensor(input)) as tf.Tensor);
  try {
    return Array.from(await p.data());
  } finally {
    p.dispose();
  }
}
