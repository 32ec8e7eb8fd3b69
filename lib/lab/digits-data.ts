// Loads the MNIST digits in public/data/mnist (uint8 images N×784 and labels; first 8,000 train, last 2,000 test).
import { InputError } from '../errors';
import { DIGIT_PIXELS } from './autoencoder';

/** Digits as 0–1 pixels, split as meta.json says. */
export interface DigitsData {
  trainImages: Float32Array;
  trainLabels: Uint8Array;
  testImages: Float32Array;
  testLabels: Uint8Array;
}

/** Reads fetched bytes: `meta` (meta.json text), `images` and `labels`. Throws InputError on wrong sizes. */
export function parseDigits(metaText: string, images: Uint8Array, labels: Uint8Array): DigitsData {
  let trainCount: number;
  try {
    const meta = JSON.parse(metaText) as { count: number; split: { trainCount: number } };
    trainCount = meta.split.trainCount;
    if (images.length !== meta.count * DIGIT_PIXELS || labels.length !== meta.count) throw new Error('sizes');
  } catch {
    throw new InputError('The digit files (public/data/mnist) are damaged or do not match meta.json.');
  }
  const unit = (b: Uint8Array) => Float32Array.from(b, (v) => v / 255);
  return {
    trainImages: unit(images.subarray(0, trainCount * DIGIT_PIXELS)),
    trainLabels: labels.slice(0, trainCount),
    testImages: unit(images.subarray(trainCount * DIGIT_PIXELS)),
    testLabels: labels.slice(trainCount),
  };
}

/** Fetches the digits from `base` (defaults to '/data/mnist'). */
export async function loadDigits(base = '/data/mnist'): Promise<DigitsData> {
  const get = async (name: string) => {
    const res = await fetch(`${base}/${name}`);
    if (!res.ok) throw new InputError(`Could not load ${base}/${name} (HTTP ${res.status}).`, name);
    return res;
  };
  const [meta, images, labels] = await Promise.all([get('meta.json'), get('images.bin'), get('labels.bin')]);
  return parseDigits(
    await meta.text(),
    new Uint8Array(await images.arrayBuffer()),
    new Uint8Array(await labels.arrayBuffer()),
  );
}
