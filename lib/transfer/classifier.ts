// Predicting with a frozen extractor + trained head, in one tidy so nothing leaks per frame.
import * as tf from '@tensorflow/tfjs';

import type { ImageFeatureExtractor } from './image-extractor';
import type { FeatureExtractor, ImageInput } from './types';

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

/**
 * Class probabilities of a picture: centre square (mirrored when `mirror`, like a mirrored webcam
 * preview) → image extractor → head. Leaves no tensors behind.
 */
export function classifyImage(
  extractor: ImageFeatureExtractor,
  head: tf.LayersModel,
  input: ImageInput,
  mirror = false,
): Promise<number[]> {
  return classify(imageFrameExtractor(extractor), head, { image: input, mirror });
}

/** A picture with the mirroring of the view it came from. */
export interface ImageFrame {
  image: ImageInput;
  mirror?: boolean;
}

/**
 * The image extractor seen as a {@link FeatureExtractor} of {@link ImageFrame}s, so a mirrored
 * webcam frame and an uploaded picture both go through `classify`. It shares (does not own) the
 * extractor: its `dispose()` does nothing.
 */
export function imageFrameExtractor(extractor: ImageFeatureExtractor): FeatureExtractor<ImageFrame> {
  const extractTensor = (f: ImageFrame) =>
    tf.tidy(() => extractor.extractFromSquare(extractor.prepare(f.image, f.mirror ?? false)));
  return {
    name: extractor.name,
    featureSize: extractor.featureSize,
    extractTensor,
    async extract(f) {
      const t = extractTensor(f);
      try {
        return (await t.data()) as Float32Array;
      } finally {
        t.dispose();
      }
    },
    dispose() {},
  };
}
