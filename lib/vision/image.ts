// Image utilities on tensors: sizes, resizing, blending, colour keeping, shifting and RGBA conversion.
import * as tf from '@tensorflow/tfjs';

import { InputError } from '../errors';
import { MAX_OUTPUT_SIZE, MIN_IMAGE_SIDE } from './constants';
import type { FittedSize } from './types';

/** Fits width × height inside a long side of `maxSide` (never enlarges), keeping the aspect ratio. */
export function fitSize(width: number, height: number, maxSide: number): FittedSize {
  if (!(width > 0 && height > 0)) throw new InputError(`The image has no pixels (${width}×${height}).`);
  const limit = Math.min(maxSide, MAX_OUTPUT_SIZE);
  const long = Math.max(width, height);
  const k = long > limit ? limit / long : 1;
  return {
    width: Math.max(MIN_IMAGE_SIDE, Math.round(width * k)),
    height: Math.max(MIN_IMAGE_SIDE, Math.round(height * k)),
    scaled: k < 1,
  };
}

/** Scales width × height so that the long side is exactly `side` (may enlarge), keeping the aspect ratio. */
export function sizeForLongSide(width: number, height: number, side: number): FittedSize {
  const k = side / Math.max(width, height);
  return {
    width: Math.max(MIN_IMAGE_SIDE, Math.round(width * k)),
    height: Math.max(MIN_IMAGE_SIDE, Math.round(height * k)),
    scaled: k !== 1,
  };
}

/** RGBA bytes (as from a canvas) → [h, w, 3] float tensor 0–255. */
export function rgbaToTensor(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
): tf.Tensor3D {
  if (rgba.length !== width * height * 4) {
    throw new InputError(
      `Expected ${width * height * 4} RGBA bytes for ${width}×${height}, got ${rgba.length}.`,
    );
  }
  const rgb = new Float32Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3]);
}

/** [h, w, 3] tensor 0–255 → RGBA bytes (opaque), rounded and clipped. Does not dispose the input. */
export async function tensorToRgba(image: tf.Tensor3D): Promise<Uint8ClampedArray<ArrayBuffer>> {
  const [h, w] = image.shape;
  const clipped = tf.tidy(() => tf.clipByValue(image, 0, 255));
  const rgb = await clipped.data();
  clipped.dispose();
  const out = new Uint8ClampedArray(w * h * 4);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    out[i] = rgb[j];
    out[i + 1] = rgb[j + 1];
    out[i + 2] = rgb[j + 2];
    out[i + 3] = 255;
  }
  return out;
}

/** Bilinear resize of [h, w, 3] to height × width (float). Call inside tf.tidy. */
export function resizeImage(image: tf.Tensor3D, height: number, width: number): tf.Tensor3D {
  if (image.shape[0] === height && image.shape[1] === width) return image.toFloat() as tf.Tensor3D;
  return tf.image.resizeBilinear(image.toFloat() as tf.Tensor3D, [height, width], true);
}

/** original + strength × (dreamed − original): 0 gives the original, 1 the dream. Call inside tf.tidy. */
export function blendImages(original: tf.Tensor3D, changed: tf.Tensor3D, strength: number): tf.Tensor3D {
  return tf.clipByValue(tf.add(original, tf.mul(tf.sub(changed, original), strength)), 0, 255) as tf.Tensor3D;
}

// ITU-R BT.601 RGB ↔ YCbCr (full range), the split JPEG uses between brightness and colour.
const TO_YCC = [
  [0.299, -0.168736, 0.5],
  [0.587, -0.331264, -0.418688],
  [0.114, 0.5, -0.081312],
];
const FROM_YCC = [
  [1, 1, 1],
  [0, -0.344136, 1.772],
  [1.402, -0.714136, 0],
];

/** [h, w, 3] RGB 0–255 → Y, Cb, Cr (Cb, Cr centred on 0). Call inside tf.tidy. */
export function rgbToYcc(image: tf.Tensor3D): tf.Tensor3D {
  const [h, w] = image.shape;
  return tf.matMul(image.reshape([h * w, 3]), tf.tensor2d(TO_YCC)).reshape([h, w, 3]);
}

/** Inverse of {@link rgbToYcc}. Call inside tf.tidy. */
export function yccToRgb(image: tf.Tensor3D): tf.Tensor3D {
  const [h, w] = image.shape;
  return tf.matMul(image.reshape([h * w, 3]), tf.tensor2d(FROM_YCC)).reshape([h, w, 3]);
}

/**
 * "Keep original colours": brightness from `styled`, colour (Cb, Cr) from `original`.
 * Both [h, w, 3] 0–255 of the same size. Call inside tf.tidy.
 */
export function keepColours(styled: tf.Tensor3D, original: tf.Tensor3D): tf.Tensor3D {
  const y = rgbToYcc(styled).slice([0, 0, 0], [-1, -1, 1]);
  const cc = rgbToYcc(original).slice([0, 0, 1], [-1, -1, 2]);
  return tf.clipByValue(yccToRgb(tf.concat([y, cc], 2) as tf.Tensor3D), 0, 255);
}

/** Shifts an [h, w, c] image by (dy, dx) pixels with wrap-around (like numpy.roll). Call inside tf.tidy. */
export function rollImage<T extends tf.Tensor3D>(image: T, dy: number, dx: number): T {
  const [h, w] = image.shape;
  const sy = ((Math.round(dy) % h) + h) % h;
  const sx = ((Math.round(dx) % w) + w) % w;
  let out: tf.Tensor3D = image;
  if (sy)
    out = tf.concat([out.slice([h - sy, 0, 0], [sy, -1, -1]), out.slice([0, 0, 0], [h - sy, -1, -1])], 0);
  if (sx)
    out = tf.concat([out.slice([0, w - sx, 0], [-1, sx, -1]), out.slice([0, 0, 0], [-1, w - sx, -1])], 1);
  return out as T;
}

/** Splits `length` into `ceil(length / tile)` nearly equal parts: [start, size] pairs. */
export function tileSpans(length: number, tile: number): [number, number][] {
  const n = Math.max(1, Math.ceil(length / tile));
  const spans: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.round((i * length) / n);
    const end = Math.round(((i + 1) * length) / n);
    spans.push([start, end - start]);
  }
  return spans;
}

/** Octave sizes from smallest to full size: full / scale^(n−1), …, full. */
export function octaveSizes(
  height: number,
  width: number,
  octaves: number,
  scale: number,
): [number, number][] {
  const sizes: [number, number][] = [];
  for (let i = octaves - 1; i >= 0; i--) {
    const k = scale ** i;
    sizes.push([
      Math.max(MIN_IMAGE_SIDE, Math.round(height / k)),
      Math.max(MIN_IMAGE_SIDE, Math.round(width / k)),
    ]);
  }
  return sizes;
}

/**
 * True when an error looks like the graphics card ran out of memory (WebGL texture allocation,
 * lost context, WebGPU buffer) so the UI can offer a smaller size instead of a stack trace.
 */
export function isOutOfMemoryError(e: unknown): boolean {
  const msg = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /out of memory|OOM|allocat|texture size|context lost|CONTEXT_LOST|exceeds|too large|Array buffer allocation/i.test(
    msg,
  );
}
