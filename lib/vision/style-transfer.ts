// Neural style transfer by optimisation (Gatys et al. 2016) on the MobileNetV3 backbone.
import * as tf from '@tensorflow/tfjs';

import { ConfigError, InputError } from '../errors';
import type { VisionBackbone } from './backbone';
import { DEFAULT_STYLE_CONFIG, MIN_IMAGE_SIDE } from './constants';
import { keepColours, resizeImage, sizeForLongSide } from './image';
import type { StyleConfig, StyleLossParts, StyleResult, StyleRunOptions } from './types';

function checkRange(field: string, value: number, min: number, max: number, integer = false): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new ConfigError(field, value, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}

/** Copies a partial config, fills defaults and checks every field. Throws ConfigError naming the field. */
export function resolveStyleConfig(partial: Partial<StyleConfig> = {}): StyleConfig {
  const c: StyleConfig = {
    contentWeight: partial.contentWeight ?? DEFAULT_STYLE_CONFIG.contentWeight,
    styleWeight: partial.styleWeight ?? DEFAULT_STYLE_CONFIG.styleWeight,
    tvWeight: partial.tvWeight ?? DEFAULT_STYLE_CONFIG.tvWeight,
    iterations: partial.iterations ?? DEFAULT_STYLE_CONFIG.iterations,
    learningRate: partial.learningRate ?? DEFAULT_STYLE_CONFIG.learningRate,
    keepColours: partial.keepColours ?? DEFAULT_STYLE_CONFIG.keepColours,
    contentLayer: partial.contentLayer ?? DEFAULT_STYLE_CONFIG.contentLayer,
    styleLayers: [...(partial.styleLayers ?? DEFAULT_STYLE_CONFIG.styleLayers)],
    seed: partial.seed ?? DEFAULT_STYLE_CONFIG.seed,
  };
  checkRange('contentWeight', c.contentWeight, 0, 100);
  checkRange('styleWeight', c.styleWeight, 0, 10000);
  checkRange('tvWeight', c.tvWeight, 0, 1000);
  checkRange('iterations', c.iterations, 1, 1000, true);
  checkRange('learningRate', c.learningRate, 0.1, 50);
  checkRange('seed', c.seed, 0, 2 ** 32 - 1, true);
  if (typeof c.keepColours !== 'boolean')
    throw new ConfigError('keepColours', c.keepColours, 'true or false');
  if (typeof c.contentLayer !== 'string' || !c.contentLayer)
    throw new ConfigError('contentLayer', c.contentLayer, 'a node name');
  if (c.styleLayers.length === 0 || c.styleLayers.some((l) => typeof l !== 'string' || !l)) {
    throw new ConfigError('styleLayers', c.styleLayers, 'one or more node names');
  }
  return c;
}

/**
 * Gram matrix of feature maps [1, h, w, c]: how strongly each pair of channels fires together,
 * averaged over positions, [c, c]. It keeps textures and colours but forgets where things are,
 * which is why matching it transfers "style". Call inside tf.tidy.
 */
export function gramMatrix(features: tf.Tensor4D): tf.Tensor2D {
  const [, h, w, c] = features.shape;
  const flat = features.reshape([h * w, c]);
  return tf.div(tf.matMul(flat, flat, true, false), h * w);
}

/** Total variation: mean squared difference between neighbouring pixels, in (0–1 brightness)². Call inside tf.tidy. */
export function totalVariation(image: tf.Tensor3D): tf.Scalar {
  const [h, w] = image.shape;
  const x = tf.div(image, 255);
  const dy = tf.sub(x.slice([1, 0, 0], [h - 1, -1, -1]), x.slice([0, 0, 0], [h - 1, -1, -1]));
  const dx = tf.sub(x.slice([0, 1, 0], [-1, w - 1, -1]), x.slice([0, 0, 0], [-1, w - 1, -1]));
  return tf.add(tf.mean(tf.square(dy)), tf.mean(tf.square(dx)));
}

/** Targets computed once per run: content features and style Gram matrices (owned by the run). */
export interface StyleTargets {
  content: tf.Tensor4D;
  grams: tf.Tensor2D[];
  dispose(): void;
}

/** Computes the content features of `content` and the Gram matrices of `style` (both [h, w, 3] 0–255). */
export function computeStyleTargets(
  backbone: VisionBackbone,
  content: tf.Tensor3D,
  style: tf.Tensor3D,
  config: Pick<StyleConfig, 'contentLayer' | 'styleLayers'>,
): StyleTargets {
  const contentFeat = tf.tidy(
    () => backbone.activations(content.toFloat().expandDims(0) as tf.Tensor4D, [config.contentLayer])[0],
  );
  const grams = tf.tidy(() =>
    backbone.activations(style.toFloat().expandDims(0) as tf.Tensor4D, config.styleLayers).map(gramMatrix),
  );
  return {
    content: contentFeat,
    grams,
    dispose() {
      contentFeat.dispose();
      grams.forEach((g) => g.dispose());
    },
  };
}

/**
 * The weighted loss parts for an image [h, w, 3]. Content and style losses are relative errors
 * (divided by the size of the target), so their weights mean the same on every layer and size.
 * Call inside tf.tidy or an optimiser's minimize.
 */
export function styleLossTensors(
  backbone: VisionBackbone,
  image: tf.Tensor3D,
  targets: StyleTargets,
  config: Pick<StyleConfig, 'contentLayer' | 'styleLayers' | 'contentWeight' | 'styleWeight' | 'tvWeight'>,
): { total: tf.Scalar; content: tf.Scalar; style: tf.Scalar; tv: tf.Scalar } {
  const feats = backbone.activations(image.expandDims(0) as tf.Tensor4D, [
    config.contentLayer,
    ...config.styleLayers,
  ]);
  const contentRel = tf.div(
    tf.mean(tf.square(tf.sub(feats[0], targets.content))),
    tf.add(tf.mean(tf.square(targets.content)), 1e-6),
  );
  const styleTerms = feats.slice(1).map((f, i) => {
    const g = gramMatrix(f);
    const t = targets.grams[i];
    return tf.div(tf.sum(tf.square(tf.sub(g, t))), tf.add(tf.sum(tf.square(t)), 1e-6));
  });
  const styleRel = tf.div(tf.addN(styleTerms), styleTerms.length);
  const content = tf.mul(contentRel, config.contentWeight) as tf.Scalar;
  const style = tf.mul(styleRel, config.styleWeight) as tf.Scalar;
  const tv = tf.mul(totalVariation(image), config.tvWeight) as tf.Scalar;
  return { total: tf.addN([content, style, tv]) as tf.Scalar, content, style, tv };
}

/**
 * Paints `content` in the style of `style` by optimisation: the pixels of a copy of the content
 * image are changed by Adam, step by step, to lower content + style + smoothing losses. The style
 * image is resized so its long side matches the content's, so brush strokes keep their scale.
 * Reports every iteration (with an image to draw) and stops early, keeping the image, on abort.
 * Does not dispose its inputs; the caller owns `result.image`.
 */
export async function styleTransfer(
  backbone: VisionBackbone,
  content: tf.Tensor3D,
  style: tf.Tensor3D,
  config: Partial<StyleConfig> = {},
  options: StyleRunOptions = {},
): Promise<StyleResult> {
  const c = resolveStyleConfig(config);
  for (const [name, t] of [
    ['content', content],
    ['style', style],
  ] as const) {
    if (t.rank !== 3 || t.shape[2] !== 3)
      throw new InputError(`Expected an [h, w, 3] ${name} image, got [${t.shape}].`);
    if (t.shape[0] < MIN_IMAGE_SIDE || t.shape[1] < MIN_IMAGE_SIDE) {
      throw new InputError(
        `The ${name} image is too small: it needs at least ${MIN_IMAGE_SIDE} px per side.`,
        name,
      );
    }
  }
  const [h, w] = content.shape;
  const styleSize = sizeForLongSide(style.shape[1], style.shape[0], Math.max(h, w));
  const base = tf.tidy(() => content.toFloat());
  const styleSized = tf.tidy(() => resizeImage(style, styleSize.height, styleSize.width));
  let targets: StyleTargets | null = null;
  let image: tf.Variable<tf.Rank.R3> | null = null;
  const optimizer = tf.train.adam(c.learningRate);
  const losses: StyleLossParts[] = [];
  let cancelled = false;
  let done = 0;
  const finish = (img: tf.Tensor3D) =>
    tf.tidy(() => (c.keepColours ? keepColours(img, base) : tf.clipByValue(img, 0, 255)) as tf.Tensor3D);
  try {
    targets = computeStyleTargets(backbone, base, styleSized, c);
    // Starting from the photo (not noise) converges in tens of steps instead of hundreds.
    // tf.variable shares `base`'s data (reference counted) and gets its own on the first assign.
    image = tf.variable(base, true, undefined, 'float32') as tf.Variable<tf.Rank.R3>;
    const img = image;
    const tgt = targets;
    for (let i = 0; i < c.iterations; i++) {
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      let parts: tf.Scalar[] = [];
      const cost = optimizer.minimize(
        () => {
          const l = styleLossTensors(backbone, img, tgt, c);
          parts = [l.content, l.style, l.tv].map((t) => tf.keep(t.clone()));
          return l.total;
        },
        true,
        [img],
      );
      tf.tidy(() => {
        img.assign(tf.clipByValue(img, 0, 255));
      });
      const values = await Promise.all([cost!, ...parts].map(async (t) => (await t.data())[0]));
      cost?.dispose();
      parts.forEach((t) => t.dispose());
      const loss = { total: values[0], content: values[1], style: values[2], tv: values[3] };
      losses.push(loss);
      done++;
      if (options.onIteration) {
        const shown = finish(img);
        try {
          await options.onIteration({ iteration: i + 1, iterations: c.iterations, loss, image: shown });
        } finally {
          shown.dispose();
        }
      }
    }
    return { image: finish(img), cancelled, iterationsDone: done, losses };
  } finally {
    optimizer.dispose();
    image?.dispose();
    targets?.dispose();
    styleSized.dispose();
    base.dispose();
  }
}
