// Loads the MNIST digits served in public/data/mnist (compact uint8 binaries) for in-browser training.
import { InputError } from '@/lib/errors';
import { DIGIT_INPUT_SIZE, MNIST_DATA_URL } from './constants';
import type { FetchLike, MnistData, MnistMeta } from './types';

const PIXELS = DIGIT_INPUT_SIZE * DIGIT_INPUT_SIZE;

/**
 * Fetches `meta.json`, `images.bin` (uint8, count x 784, white ink on black, 0-255) and
 * `labels.bin` (uint8, count) and splits them as the shipped models were trained: the first
 * `split.trainCount` rows are the training set, the last `split.testCount` the held-out test set.
 * Pixel values are scaled to 0-1, the range the models expect.
 *
 * `source` is the folder URL (defaults to '/data/mnist') or a fetch-like function that is given
 * the file names 'meta.json', 'images.bin' and 'labels.bin' (handy in tests and for caches).
 * Throws an InputError naming the file when one is missing or has the wrong size.
 */
export async function loadMnist(source: string | FetchLike = MNIST_DATA_URL): Promise<MnistData> {
  const read = async (name: string): Promise<ArrayBuffer> => {
    const url = typeof source === 'string' ? `${source.replace(/\/$/, '')}/${name}` : name;
    const doFetch: FetchLike = typeof source === 'string' ? globalThis.fetch : source;
    try {
      const response = await doFetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.arrayBuffer();
    } catch (error) {
      throw new InputError(
        `Could not fetch the MNIST file ${url}: ${error instanceof Error ? error.message : String(error)}`,
        name,
      );
    }
  };

  const [metaBuffer, imageBuffer, labelBuffer] = await Promise.all([
    read('meta.json'),
    read('images.bin'),
    read('labels.bin'),
  ]);
  return parseMnist(metaBuffer, new Uint8Array(imageBuffer), new Uint8Array(labelBuffer));
}

/**
 * Checks and splits MNIST bytes already in memory: `meta` (meta.json, as bytes or text), `images`
 * (uint8, count x 784) and `labels` (uint8, count). Pixels are scaled to 0-1.
 * Throws an InputError naming the file whose contents do not fit meta.json.
 */
export function parseMnist(meta: ArrayBuffer | string, images: Uint8Array, labels: Uint8Array): MnistData {
  const m = parseMeta(meta);
  if (images.length !== m.count * PIXELS) {
    throw new InputError(
      `images.bin has ${images.length} bytes; meta.json's count ${m.count} needs ` +
        `${m.count * PIXELS} (${PIXELS} per digit).`,
      'images.bin',
    );
  }
  if (labels.length !== m.count) {
    throw new InputError(
      `labels.bin has ${labels.length} bytes; meta.json's count is ${m.count}.`,
      'labels.bin',
    );
  }
  const bad = labels.findIndex((label) => label > 9);
  if (bad >= 0) {
    throw new InputError(`labels.bin row ${bad} is ${labels[bad]}; labels must be 0-9.`, 'labels.bin');
  }

  const trainCount = m.split.trainCount;
  const toUnit = (bytes: Uint8Array): Float32Array => {
    const out = new Float32Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] / 255;
    return out;
  };
  return {
    trainImages: toUnit(images.subarray(0, trainCount * PIXELS)),
    trainLabels: labels.slice(0, trainCount),
    testImages: toUnit(images.subarray(trainCount * PIXELS)),
    testLabels: labels.slice(trainCount),
    count: m.count,
    meta: m,
  };
}

function parseMeta(source: ArrayBuffer | string): MnistMeta {
  let meta: MnistMeta;
  try {
    meta = JSON.parse(typeof source === 'string' ? source : new TextDecoder().decode(source)) as MnistMeta;
  } catch (error) {
    throw new InputError(
      `meta.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      'meta.json',
    );
  }
  const split = meta?.split;
  const ok =
    Number.isInteger(meta?.count) &&
    meta.width === DIGIT_INPUT_SIZE &&
    meta.height === DIGIT_INPUT_SIZE &&
    Number.isInteger(split?.trainCount) &&
    Number.isInteger(split?.testCount) &&
    split.trainCount + split.testCount === meta.count;
  if (!ok) {
    throw new InputError(
      'meta.json must give count, width 28, height 28 and split {trainCount, testCount} adding up ' +
        'to count.',
      'meta.json',
    );
  }
  return meta;
}
