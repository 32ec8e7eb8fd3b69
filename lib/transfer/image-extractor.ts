// Image features from the frozen MobileNetV3 backbone of CenterNet (global average pooled).
import * as tf from '@tensorflow/tfjs';

import { ConfigError } from '../errors';
import { loadCenternet } from '../pretrained/centernet/load-centernet';
import {
  CENTERNET_INPUT,
  CENTERNET_MODEL_URL,
  CENTERNET_NODE_120,
  CENTERNET_NODE_480,
  DEFAULT_IMAGE_FEATURE_MODE,
  IMAGE_FEATURE_SIZES,
  IMAGE_SIZE,
} from './constants';
import { centreSquare, toPixels } from './preprocess';
import type { FeatureExtractor, ImageExtractorConfig, ImageFeatureMode, ImageInput } from './types';

/** The image extractor adds pixel-level helpers to the generic interface. */
export interface ImageFeatureExtractor extends FeatureExtractor<ImageInput> {
  readonly inputSize: number;
  readonly mode: ImageFeatureMode;
  /** Backbone nodes the features come from. */
  readonly nodes: readonly string[];
  /** Features of an already cropped [size, size, 3] 0–255 image, [1, featureSize]. Call inside tf.tidy. */
  extractFromSquare(square: tf.Tensor3D): tf.Tensor2D;
  /** Features of a batch [n, size, size, 3] 0–255, [n, featureSize]. Call inside tf.tidy. */
  extractBatch(squares: tf.Tensor4D): tf.Tensor2D;
  /** Crops, resizes and optionally mirrors an input to the backbone's square. Call inside tf.tidy. */
  prepare(input: ImageInput, mirror?: boolean): tf.Tensor3D;
}

/** Checks and fills an ImageExtractorConfig. */
export function resolveImageExtractorConfig(
  partial: ImageExtractorConfig = {},
): Required<Omit<ImageExtractorConfig, 'onProgress'>> {
  const inputSize = partial.inputSize ?? IMAGE_SIZE;
  if (!Number.isInteger(inputSize) || inputSize < 32 || inputSize > 1024 || inputSize % 32 !== 0) {
    throw new ConfigError('inputSize', inputSize, 'a multiple of 32 between 32 and 1024');
  }
  const mode = partial.mode ?? DEFAULT_IMAGE_FEATURE_MODE;
  if (!(mode in IMAGE_FEATURE_SIZES))
    throw new ConfigError('mode', mode, Object.keys(IMAGE_FEATURE_SIZES).join(' or '));
  return { model: partial.model ?? CENTERNET_MODEL_URL, inputSize, mode, warmUp: partial.warmUp ?? true };
}

/**
 * Loads the centernet graph model and returns a feature extractor. The caller owns it and
 * calls `dispose()` when done.
 */
export async function createImageFeatureExtractor(
  config: ImageExtractorConfig = {},
): Promise<ImageFeatureExtractor> {
  const c = resolveImageExtractorConfig(config);
  const graph = await loadCenternet({
    model: c.model,
    what: 'The image backbone',
    onProgress: config.onProgress,
  });
  const nodes = c.mode === 'gap120' ? [CENTERNET_NODE_120] : [CENTERNET_NODE_120, CENTERNET_NODE_480];
  const featureSize = IMAGE_FEATURE_SIZES[c.mode];
  let disposed = false;

  const extractBatch = (squares: tf.Tensor4D): tf.Tensor2D => {
    const outs = graph.execute({ [CENTERNET_INPUT]: squares }, nodes);
    const maps = Array.isArray(outs) ? outs : [outs];
    // Global average pooling over height and width: one number per channel, whatever the size.
    const pooled = maps.map((m) => tf.mean(m, [1, 2]) as tf.Tensor2D);
    return pooled.length === 1 ? pooled[0] : (tf.concat(pooled, 1) as tf.Tensor2D);
  };
  const extractFromSquare = (square: tf.Tensor3D) => extractBatch(square.expandDims(0) as tf.Tensor4D);
  const prepare = (input: ImageInput, mirror = false) => centreSquare(toPixels(input), c.inputSize, mirror);
  const extractTensor = (input: ImageInput) => extractFromSquare(prepare(input));

  const extractor: ImageFeatureExtractor = {
    name: `centernet-mobilenetv3-${c.mode}`,
    featureSize,
    inputSize: c.inputSize,
    mode: c.mode,
    nodes,
    extractTensor: (input) => tf.tidy(() => extractTensor(input)),
    extractFromSquare,
    extractBatch,
    prepare,
    async extract(input) {
      const t = tf.tidy(() => extractTensor(input));
      try {
        return (await t.data()) as Float32Array;
      } finally {
        t.dispose();
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      graph.dispose();
    },
  };
  if (c.warmUp) {
    // One prediction at the real input size compiles shaders / allocates buffers up front.
    const warm = tf.tidy(() => extractBatch(tf.zeros([1, c.inputSize, c.inputSize, 3])));
    await warm.data();
    warm.dispose();
  }
  return extractor;
}
