// Canvas helpers for the dream studio: decode files, draw built-ins, resize, and draw tensors.
import type * as tf from '@tensorflow/tfjs';

import { InputError } from '@/lib/errors';
import { decodePicture } from '@/lib/files';
import type { BuiltinImageId } from '@/lib/vision';

/** A picture chosen by the user: its pixels in a canvas, a name, and where it came from. */
export interface PickedImage {
  canvas: HTMLCanvasElement;
  name: string;
  /** Built-in picture id, when it is one (to show its source). */
  builtin?: BuiltinImageId;
}

/** Pictures bigger than this are shrunk while decoding, so a 50-megapixel photo cannot exhaust memory. */
const DECODE_LIMIT = 2048;

function canvasOf(width: number, height: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

function context(c: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new InputError('This browser cannot draw pictures (no 2D canvas).');
  return ctx;
}

/** Decodes an image file into a canvas (at most DECODE_LIMIT px long side). Throws InputError if it is not a picture. */
export async function loadImageFile(file: File): Promise<PickedImage> {
  // lib/files refuses pictures over its size and pixel limits and decodes large ones scaled down.
  const bitmap = await decodePicture(file, file.name);
  const k = Math.min(1, DECODE_LIMIT / Math.max(bitmap.width, bitmap.height));
  const c = canvasOf(Math.max(1, Math.round(bitmap.width * k)), Math.max(1, Math.round(bitmap.height * k)));
  context(c).drawImage(bitmap, 0, 0, c.width, c.height);
  bitmap.close();
  return { canvas: c, name: file.name.replace(/\.[^.]+$/, '') };
}

/** A canvas from a Blob (restored from IndexedDB). */
export async function canvasFromBlob(blob: Blob, name: string): Promise<PickedImage> {
  return loadImageFile(new File([blob], `${name}.png`, { type: blob.type || 'image/png' }));
}

/** Draws a built-in picture into a new canvas, big enough for the largest output size. */
export async function builtinCanvas(id: BuiltinImageId, width = 1024, height = 768): Promise<PickedImage> {
  const { renderBuiltinImage } = await import('@/lib/vision');
  const c = canvasOf(width, height);
  context(c).putImageData(new ImageData(renderBuiltinImage(id, width, height), width, height), 0, 0);
  return { canvas: c, name: id, builtin: id };
}

/** Copies a canvas (or video frame) at a new size. */
export function resizeCanvas(src: CanvasImageSource, width: number, height: number): HTMLCanvasElement {
  const c = canvasOf(width, height);
  const ctx = context(c);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, 0, 0, width, height);
  return c;
}

/** The RGBA bytes of a canvas. */
export function canvasRgba(c: HTMLCanvasElement): Uint8ClampedArray {
  return context(c).getImageData(0, 0, c.width, c.height).data;
}

/** Draws an [h, w, 3] 0–255 tensor onto `target`, scaled to fill it (octave previews are smaller). */
export async function drawTensor(target: HTMLCanvasElement, image: tf.Tensor3D): Promise<void> {
  const { tensorToRgba } = await import('@/lib/vision');
  const [h, w] = image.shape;
  const rgba = await tensorToRgba(image);
  const ctx = context(target);
  if (w === target.width && h === target.height) {
    ctx.putImageData(new ImageData(rgba, w, h), 0, 0);
    return;
  }
  const tmp = canvasOf(w, h);
  context(tmp).putImageData(new ImageData(rgba, w, h), 0, 0);
  ctx.drawImage(tmp, 0, 0, target.width, target.height);
}

/** Copies a canvas's pixels onto `target`, resizing `target` to match. */
export function copyCanvas(target: HTMLCanvasElement, src: HTMLCanvasElement): void {
  target.width = src.width;
  target.height = src.height;
  context(target).drawImage(src, 0, 0);
}

/** Encodes a canvas as a PNG Blob. */
export function canvasToPng(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    c.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The picture could not be encoded as PNG.'))),
      'image/png',
    ),
  );
}
