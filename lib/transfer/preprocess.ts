// Image preprocessing: centre square crop, resize, optional mirror and augmentation (all in tf ops).
import * as tf from '@tensorflow/tfjs';

import type { ImageInput } from './types';

/** Converts any supported input to a [h, w, 3] tensor of 0–255 values (int32 or float32). */
export function toPixels(input: ImageInput): tf.Tensor3D {
  if (input instanceof tf.Tensor) return input;
  return tf.browser.fromPixels(input as Parameters<typeof tf.browser.fromPixels>[0], 3);
}

/**
 * Crops the centred square of `pixels` and resizes it to `size`×`size`, as float32 0–255.
 * Call inside tf.tidy. Mirroring flips left–right, matching a mirrored webcam preview.
 */
export function centreSquare(pixels: tf.Tensor3D, size: number, mirror = false): tf.Tensor3D {
  const [h, w] = pixels.shape;
  const side = Math.min(h, w);
  const top = Math.floor((h - side) / 2);
  const left = Math.floor((w - side) / 2);
  let img = pixels.slice([top, left, 0], [side, side, 3]).toFloat() as tf.Tensor3D;
  if (side !== size) img = tf.image.resizeBilinear(img, [size, size], true);
  if (mirror) img = tf.reverse(img, 1);
  return img;
}

/** Which augmentations to apply to a training image before feature extraction. */
export interface AugmentOptions {
  /** Mirror left–right with probability 0.5. */
  flip: boolean;
  /** Crop a random 85–100% square and scale it back up. */
  crop: boolean;
  /** Multiply brightness by a random factor in [0.8, 1.2]. */
  brightness: boolean;
}

/**
 * A randomly altered copy of a [size, size, 3] 0–255 image, drawn from `random` (a seeded RNG
 * returning [0, 1)). Call inside tf.tidy.
 */
export function augmentImage(img: tf.Tensor3D, options: AugmentOptions, random: () => number): tf.Tensor3D {
  const size = img.shape[0];
  let out = img;
  if (options.crop) {
    const scale = 0.85 + 0.15 * random();
    const side = Math.max(1, Math.round(size * scale));
    const top = Math.floor((size - side) * random());
    const left = Math.floor((size - side) * random());
    out = tf.image.resizeBilinear(out.slice([top, left, 0], [side, side, 3]), [size, size], true);
  }
  if (options.flip && random() < 0.5) out = tf.reverse(out, 1);
  if (options.brightness) out = tf.clipByValue(tf.mul(out, 0.8 + 0.4 * random()), 0, 255) as tf.Tensor3D;
  return out;
}
