// Canvas helpers for the Image studio: centre-square frames from the webcam or a picture, and JPEG thumbnails.
import { FileError, decodePicture, type Translate } from '@/lib/files';
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

/** A decoded picture, or what is wrong with the file (a FileError names the limit it passed). */
export type DecodedImage = { bitmap: ImageBitmap } | { problem: FileProblem } | { error: FileError };

/**
 * Decodes an image file (JPEG, PNG, WebP, GIF first frame) or says what is wrong with it. Large
 * pictures are decoded scaled down, and ones over lib/files' limits are refused before decoding.
 */
export async function decodeImageFile(file: File): Promise<DecodedImage> {
  if (file.size === 0) return { problem: 'empty' };
  const looksLikeImage = file.type.startsWith('image/') || /\.(jpe?g|png|webp|gif|bmp)$/i.test(file.name);
  try {
    return { bitmap: await decodePicture(file, file.name) };
  } catch (e) {
    if (e instanceof FileError && e.key !== 'files.image.notImage') return { error: e };
    return { problem: looksLikeImage ? 'corrupt' : 'notImage' };
  }
}

/** The translated message for a file {@link decodeImageFile} could not use. */
export function imageProblemText(
  decoded: Exclude<DecodedImage, { bitmap: ImageBitmap }>,
  name: string,
  t: Translate,
): string {
  return 'error' in decoded ? decoded.error.text(t) : t(`image.file.${decoded.problem}`, { name });
}
