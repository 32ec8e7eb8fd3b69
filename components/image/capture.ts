// Canvas helpers for the Image studio: centre-square frames from the webcam or a picture, and JPEG thumbnails.
import { IMAGE_SIZE, THUMB_SIZE } from '@/lib/transfer/constants';

/** Anything with pixels we can draw. */
export type Drawable = HTMLVideoElement | ImageBitmap | HTMLImageElement | HTMLCanvasElement;

function sizeOf(src: Drawable): [number, number] {
  if (src instanceof HTMLVideoElement) return [src.videoWidth, src.videoHeight];
  return [src.width, src.height];
}

/** Draws the centred square of `src` into `canvas` (resized to its size), mirrored if asked. */
export function drawSquare(src: Drawable, canvas: HTMLCanvasElement, mirror: boolean): void {
  const [w, h] = sizeOf(src);
  const side = Math.min(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx || side === 0) return;
  ctx.save();
  if (mirror) {
    ctx.translate(canvas.width, 0);
    ctx.scale(-1, 1);
  }
  ctx.drawImage(src, (w - side) / 2, (h - side) / 2, side, side, 0, 0, canvas.width, canvas.height);
  ctx.restore();
}

/** A canvas of the given side. */
export function makeCanvas(side: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = side;
  c.height = side;
  return c;
}

/** Reusable canvases for one studio: the backbone's 224-px square and the thumbnail. */
export function makeCanvases() {
  return { square: makeCanvas(IMAGE_SIZE), thumb: makeCanvas(THUMB_SIZE) };
}

/** JPEG bytes of a small copy of `square`. */
export async function thumbnailBytes(
  square: HTMLCanvasElement,
  thumb: HTMLCanvasElement,
): Promise<Uint8Array> {
  const ctx = thumb.getContext('2d');
  ctx?.drawImage(square, 0, 0, thumb.width, thumb.height);
  const blob = await new Promise<Blob | null>((resolve) => thumb.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) return new Uint8Array(0);
  return new Uint8Array(await blob.arrayBuffer());
}

/** Why a file cannot be used as a picture, or null when it decoded. */
export type FileProblem = 'empty' | 'notImage' | 'corrupt';

/** Decodes an image file (JPEG, PNG, WebP, GIF first frame) or says what is wrong with it. */
export async function decodeImageFile(
  file: File,
): Promise<{ bitmap: ImageBitmap } | { problem: FileProblem }> {
  if (file.size === 0) return { problem: 'empty' };
  const looksLikeImage = file.type.startsWith('image/') || /\.(jpe?g|png|webp|gif|bmp)$/i.test(file.name);
  try {
    const bitmap = await createImageBitmap(file);
    if (bitmap.width === 0 || bitmap.height === 0) {
      bitmap.close();
      return { problem: 'corrupt' };
    }
    return { bitmap };
  } catch {
    return { problem: looksLikeImage ? 'corrupt' : 'notImage' };
  }
}
