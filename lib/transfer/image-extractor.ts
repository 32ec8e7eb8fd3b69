// Image features from the frozen MobileNetV3 backbone of CenterNet (global average pooled).
import * as tf from '@tensorflow/tfjs';

import { ConfigError } from '../errors';
import { loadCenternet } from '../pretrained/centernet/load-centernet';
import {
  CENTERNET_INPUT,
  CENTERNET_MODEL_URL,
  DEFAULT_IMAGE_FEATURE_MODE,
  IMAGE_FEATURE_SIZES,
  IMAGE_FEATURE_SPECS,
} from './constants';
import { centreSquare, toPixels } from './preprocess';
import type {
  FeatureExtractor,
  ImageExtractorConfig,
  ImageFeatureMode,
  ImageFeatureSpec,
  ImageInput,
} from './types';

/** The image extractor adds pixel-level helpers to the generic interface. */
export interface ImageFeatureExtractor extends FeatureExtractor<ImageInput> {
  readonly inputSize: number;
  readonly mode: ImageFeatureMode;
  /** Backbone nodes the features come from. */
  readonly nodes: readonly string[];
  /** How the features are made (nodes, flip averaging, normalisation, version). */
  readonly spec: Readonly<ImageFeatureSpec>;
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
  const mode = partial.mode ?? DEFAULT_IMAGE_FEATURE_MODE;
  if (!(mode in IMAGE_FEATURE_SIZES))
    throw new ConfigError('mode', mode, Object.keys(IMAGE_FEATURE_SIZES).join(' or '));
  const inputSize = partial.inputSize ?? IMAGE_FEATURE_SPECS[mode].inputSize;
  if (!Number.isInteger(inputSize) || inputSize < 32 || inputSize > 1024 || inputSize % 32 !== 0) {
    throw new ConfigError('inputSize', inputSize, 'a multiple of 32 between 32 and 1024');
  }
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
  const spec = IMAGE_FEATURE_SPECS[c.mode];
  const nodes = [...spec.nodes];
  const featureSize = IMAGE_FEATURE_SIZES[c.mode];
  let disposed = false;

  // Global average pooling over height and width: one number per channel, whatever the size.
  const pooledOne = (square: tf.Tensor4D): tf.Tensor2D[] => {
    const outs = graph.execute({ [CENTERNET_INPUT]: square }, nodes);
    return (Array.isArray(outs) ? outs : [outs]).map((m) => tf.mean(m, [1, 2]) as tf.Tensor2D);
  };
  const extractOne = (square: tf.Tensor4D): tf.Tensor2D => {
    let parts = pooledOne(square);
    if (spec.flip) {
      // The mirror's features averaged in: a left-right flip of the same scene gives the same numbers.
      const mirrored = pooledOne(tf.reverse(square, 2));
      parts = parts.map((p, i) => tf.div(tf.add(p, mirrored[i]), 2) as tf.Tensor2D);
    }
    if (spec.norm === 'l2node') {
      // Each block's part scaled to length 1/√parts (the whole vector to length 1), so the 480
      // channels of the last block do not drown the 32 colour-and-texture channels of the first.
      const scale = 1 / Math.sqrt(parts.length);
      parts = parts.map(
        (p) => tf.mul(p, tf.div(scale, tf.maximum(tf.norm(p, 'euclidean', 1, true), 1e-12))) as tf.Tensor2D,
      );
    }
    return parts.length === 1 ? parts[0] : (tf.concat(parts, 1) as tf.Tensor2D);
  };
  // The backbone's input is fixed at batch 1, so a batch runs one picture at a time.
  const extractBatch = (squares: tf.Tensor4D): tf.Tensor2D => {
    const n = squares.shape[0];
    if (n === 1) return extractOne(squares);
    return tf.concat(
      tf.split(squares, n, 0).map((s) => extractOne(s as tf.Tensor4D)),
      0,
    ) as tf.Tensor2D;
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
    spec,
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
