// Turns a drawing (canvas RGBA pixels) into a 28x28 MNIST-style digit, the way MNIST was made.
import { ConfigError, InputError } from '@/lib/errors';

/** How to read and normalise a drawing. */
export interface DigitPreprocessConfig {
  /** True when the ink is darker than the paper (black pen on white). Defaults to true. */
  inkIsDark: boolean;
  /** Ink level (0-1) above which a pixel counts towards the bounding box. Defaults to 0.1. */
  inkThreshold: number;
  /**
   * Smallest share of the canvas (0-1) that must be ink, or the drawing counts as blank and the
   * result is null. Defaults to 0.0005 (40 pixels of a 280x280 canvas; at least one pixel).
   */
  minInkFraction: number;
  /** Length in pixels of the longer side of the digit after scaling. Defaults to 20 (MNIST). */
  digitSize: number;
  /** Width and height of the output in pixels. Defaults to 28 (MNIST). */
  outputSize: number;
}

/** MNIST's own recipe: a 20-pixel digit centred by its centre of mass in a 28x28 field. */
export const DEFAULT_DIGIT_PREPROCESS_CONFIG: Readonly<DigitPreprocessConfig> = Object.freeze({
  inkIsDark: true,
  inkThreshold: 0.1,
  minInkFraction: 0.0005,
  digitSize: 20,
  outputSize: 28,
});

/** A grayscale or RGBA image as a canvas gives it (`ctx.getImageData`). */
export interface DigitImageInput {
  /** RGBA bytes, 4 per pixel, row-major (ImageData.data), or 1 gray byte per pixel. */
  data: Uint8ClampedArray | Uint8Array;
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
}

/** Fills defaults (with ??) and checks ranges; throws a ConfigError naming the field. */
export function resolveDigitPreprocessConfig(
  partial: Partial<DigitPreprocessConfig> = {},
): DigitPreprocessConfig {
  const config: DigitPreprocessConfig = {
    inkIsDark: partial.inkIsDark ?? DEFAULT_DIGIT_PREPROCESS_CONFIG.inkIsDark,
    inkThreshold: partial.inkThreshold ?? DEFAULT_DIGIT_PREPROCESS_CONFIG.inkThreshold,
    minInkFraction: partial.minInkFraction ?? DEFAULT_DIGIT_PREPROCESS_CONFIG.minInkFraction,
    digitSize: partial.digitSize ?? DEFAULT_DIGIT_PREPROCESS_CONFIG.digitSize,
    outputSize: partial.outputSize ?? DEFAULT_DIGIT_PREPROCESS_CONFIG.outputSize,
  };
  if (typeof config.inkIsDark !== 'boolean') {
    throw new ConfigError('inkIsDark', config.inkIsDark, 'true or false');
  }
  if (!(config.inkThreshold >= 0 && config.inkThreshold < 1)) {
    throw new ConfigError('inkThreshold', config.inkThreshold, 'a number from 0 up to (not incl.) 1');
  }
  if (!(config.minInkFraction >= 0 && config.minInkFraction <= 1)) {
    throw new ConfigError('minInkFraction', config.minInkFraction, 'a number from 0 to 1');
  }
  if (!Number.isInteger(config.outputSize) || config.outputSize < 1) {
    throw new ConfigError('outputSize', config.outputSize, 'a positive whole number of pixels');
  }
  if (!Number.isInteger(config.digitSize) || config.digitSize < 1 || config.digitSize > config.outputSize) {
    throw new ConfigError(
      'digitSize',
      config.digitSize,
      `a whole number of pixels from 1 to outputSize (${config.outputSize})`,
    );
  }
  return config;
}

/**
 * Prepares a drawing for the digit models exactly as the MNIST authors prepared their scans:
 * find the ink's bounding box, scale it (keeping its aspect ratio, with area-averaging
 * anti-aliasing) so its longer side is 20 pixels, and paste it into a 28x28 field so that its
 * centre of mass lies at the centre, (14, 14) in pixel-index coordinates. The result is white ink
 * on black with values from 0 to 1, row-major, ready for a [1, 28, 28, 1] tensor.
 *
 * Transparent pixels count as paper, so an untouched transparent canvas is blank.
 * Returns null when the canvas is blank or nearly blank (see `minInkFraction`).
 */
export function preprocessDigit(
  image: DigitImageInput,
  options: Partial<DigitPreprocessConfig> = {},
): Float32Array | null {
  const config = resolveDigitPreprocessConfig(options);
  const ink = inkLevels(image, config.inkIsDark);
  const { width, height } = image;

  // Bounding box of the ink.
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  let inkPixels = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > config.inkThreshold) {
        inkPixels++;
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  const minPixels = Math.max(1, Math.ceil(config.minInkFraction * width * height));
  if (inkPixels < minPixels) return null;

  // Scale the box so its longer side is digitSize, keeping the aspect ratio.
  const boxW = right - left + 1;
  const boxH = bottom - top + 1;
  const scale = config.digitSize / Math.max(boxW, boxH);
  const outW = Math.max(1, Math.min(config.digitSize, Math.round(boxW * scale)));
  const outH = Math.max(1, Math.min(config.digitSize, Math.round(boxH * scale)));
  const small = resampleArea(ink, width, left, top, boxW, boxH, outW, outH);

  // Centre of mass of the scaled digit, in pixel-index coordinates (MNIST's convention).
  let mass = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const v = small[y * outW + x];
      mass += v;
      sumX += v * x;
      sumY += v * y;
    }
  }
  if (mass <= 0) return null;
  const centre = config.outputSize / 2;
  // Whole-pixel shifts, as MNIST did, so the strokes stay as sharp as the scaling left them.
  const offsetX = Math.round(centre - sumX / mass);
  const offsetY = Math.round(centre - sumY / mass);

  const size = config.outputSize;
  const out = new Float32Array(size * size);
  for (let y = 0; y < outH; y++) {
    const ty = y + offsetY;
    if (ty < 0 || ty >= size) continue;
    for (let x = 0; x < outW; x++) {
      const tx = x + offsetX;
      if (tx < 0 || tx >= size) continue;
      out[ty * size + tx] = Math.min(1, Math.max(0, small[y * outW + x]));
    }
  }
  return out;
}

/** Ink level 0-1 per pixel: transparent pixels are paper; dark ink is inverted. */
function inkLevels(image: DigitImageInput, inkIsDark: boolean): Float32Array {
  const { data, width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new InputError(
      `The drawing is ${width}x${height} pixels; width and height must be positive whole numbers.`,
    );
  }
  const count = width * height;
  const channels = data.length === count * 4 ? 4 : data.length === count ? 1 : 0;
  if (channels === 0) {
    throw new InputError(
      `The drawing has ${data.length} values for ${width}x${height} pixels; expected ` +
        `${count * 4} (RGBA, as ImageData) or ${count} (one gray value per pixel).`,
    );
  }
  const ink = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let gray: number;
    if (channels === 4) {
      const alpha = data[i * 4 + 3] / 255;
      const rgb = 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
      // Composite over the paper: white paper for dark ink, black paper for light ink.
      gray = rgb * alpha + (inkIsDark ? 255 : 0) * (1 - alpha);
    } else {
      gray = data[i];
    }
    ink[i] = inkIsDark ? (255 - gray) / 255 : gray / 255;
  }
  return ink;
}

/**
 * Area-averaging resample of a box of `src` (row stride `stride`) to outW x outH: each output
 * pixel is the mean of the source area it covers, with partial pixels weighted by their overlap.
 * This is the anti-aliasing that keeps thin strokes visible as grey when a drawing shrinks.
 */
function resampleArea(
  src: Float32Array,
  stride: number,
  left: number,
  top: number,
  boxW: number,
  boxH: number,
  outW: number,
  outH: number,
): Float32Array {
  const wx = overlapWeights(boxW, outW);
  const wy = overlapWeights(boxH, outH);
  // Columns first (boxH x outW), then rows (outH x outW).
  const tmp = new Float32Array(boxH * outW);
  for (let y = 0; y < boxH; y++) {
    const row = (top + y) * stride + left;
    for (const { out, src: s, weight } of wx) tmp[y * outW + out] += weight * src[row + s];
  }
  const result = new Float32Array(outH * outW);
  for (const { out, src: s, weight } of wy) {
    for (let x = 0; x < outW; x++) result[out * outW + x] += weight * tmp[s * outW + x];
  }
  return result;
}

/** For one axis: which source pixels each output pixel covers, and by what share. */
function overlapWeights(inSize: number, outSize: number): { out: number; src: number; weight: number }[] {
  const ratio = inSize / outSize; // source pixels per output pixel
  const weights: { out: number; src: number; weight: number }[] = [];
  for (let o = 0; o < outSize; o++) {
    const start = o * ratio;
    const end = start + ratio;
    for (let s = Math.floor(start); s < Math.min(inSize, Math.ceil(end)); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      if (overlap > 1e-9) weights.push({ out: o, src: s, weight: overlap / ratio });
    }
  }
  return weights;
}
