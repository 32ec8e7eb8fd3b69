// Pictures: their size read from the file's header (PNG, JPEG, GIF, WebP, BMP) before decoding,
// refused above MAX_IMAGE_PIXELS and decoded already scaled down above MAX_DECODE_PIXELS.
import { MAX_DECODE_PIXELS, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, SCALED_IMAGE_SIDE } from './constants';
import { FileError, checkFileSize } from './errors';

/** Width and height in pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

/** Bytes of a file's start read to find its size (JPEG puts EXIF, up to 64 KB, first). */
export const IMAGE_HEADER_BYTES = 256 * 1024;

const ascii = (b: Uint8Array, o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));

function jpegSize(b: Uint8Array, v: DataView): ImageSize | null {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return null;
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      o += 2;
      continue;
    }
    const len = v.getUint16(o + 2);
    // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the frame's height and width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: v.getUint16(o + 5), width: v.getUint16(o + 7) };
    if (len < 2) return null;
    o += 2 + len;
  }
  return null;
}

/**
 * The picture's width and height from its first bytes, or null when the format is not one we
 * know (the browser then decides) or the header is cut short.
 */
export function readImageSize(head: Uint8Array): ImageSize | null {
  const b = head;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && ascii(b, 12, 4) === 'IHDR')
    return { width: v.getUint32(16), height: v.getUint32(20) };
  if (b.length >= 10 && ascii(b, 0, 4) === 'GIF8')
    return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
  if (b.length >= 26 && ascii(b, 0, 2) === 'BM')
    return { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ')
      return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = v.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') {
      const u24 = (o: number) => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16);
      return { width: u24(24) + 1, height: u24(27) + 1 };
    }
    return null;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b, v);
  return null;
}

/**
 * How to decode a picture of this size: null for as it is, or the scaled size to ask
 * createImageBitmap for. Throws FileError above MAX_IMAGE_PIXELS.
 */
export function planImageDecode(name: string, size: ImageSize): ImageSize | null {
  const pixels = size.width * size.height;
  if (pixels > MAX_IMAGE_PIXELS)
    throw new FileError('files.image.tooManyPixels', {
      name,
      width: size.width,
      height: size.height,
      mp: Math.round(pixels / 1e6),
      max: MAX_IMAGE_PIXELS / 1e6,
    });
  if (pixels <= MAX_DECODE_PIXELS) return null;
  const scale = SCALED_IMAGE_SIDE / Math.max(size.width, size.height);
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

/**
 * Decodes a picture file in the browser, safely: refuses files over MAX_IMAGE_BYTES or
 * MAX_IMAGE_PIXELS (read from the header before decoding) and decodes large ones scaled down
 * so that their longest side is SCALED_IMAGE_SIDE. The caller closes the bitmap.
 * @throws FileError naming the file and the limit.
 */
export async function decodePicture(file: Blob, name: string): Promise<ImageBitmap> {
  checkFileSize(name, file.size, MAX_IMAGE_BYTES, 'image');
  const head = new Uint8Array(await file.slice(0, IMAGE_HEADER_BYTES).arrayBuffer());
  const size = readImageSize(head);
  const scaled = size ? planImageDecode(name, size) : null;
  let bitmap: ImageBitmap;
  try {
    bitmap = scaled
      ? await createImageBitmap(file, {
          resizeWidth: scaled.width,
          resizeHeight: scaled.height,
          resizeQuality: 'medium',
        })
      : await createImageBitmap(file);
  } catch {
    throw new FileError('files.image.notImage', { name });
  }
  if (bitmap.width === 0 || bitmap.height === 0) {
    bitmap.close();
    throw new FileError('files.image.notImage', { name });
  }
  return bitmap;
}
