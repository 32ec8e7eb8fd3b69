// Deep dream: gradient ascent on the input image to amplify what a chosen layer of the backbone sees.
import * as tf from '@tensorflow/tfjs';

import { ConfigError, InputError } from '../errors';
import type { VisionBackbone } from './backbone';
import { DEFAULT_DREAM_CONFIG, DREAM_LAYERS, MIN_IMAGE_SIDE } from './constants';
import { blendImages, octaveSizes, resizeImage, rollImage, tileSpans } from './image';
import { createRng } from '../data';
import type { DreamConfig, DreamLayerInfo, DreamResult, DreamRunOptions } from './types';

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

/** The layer info of a dream layer id. */
export function dreamLayer(id: string): DreamLayerInfo {
  const layer = DREAM_LAYERS.find((l) => l.id === id);
  if (!layer) throw new ConfigError('layer', id, DREAM_LAYERS.map((l) => l.id).join(', '));
  return layer;
}

/** Copies a partial config, fills defaults and checks every field. Throws ConfigError naming the field. */
export function resolveDreamConfig(partial: Partial<DreamConfig> = {}): DreamConfig {
  const c: DreamConfig = {
    layer: partial.layer ?? DEFAULT_DREAM_CONFIG.layer,
    channel: partial.channel === undefined ? DEFAULT_DREAM_CONFIG.channel : partial.channel,
    octaves: partial.octaves ?? DEFAULT_DREAM_CONFIG.octaves,
    octaveScale: partial.octaveScale ?? DEFAULT_DREAM_CONFIG.octaveScale,
    stepsPerOctave: partial.stepsPerOctave ?? DEFAULT_DREAM_CONFIG.stepsPerOctave,
    stepSize: partial.stepSize ?? DEFAULT_DREAM_CONFIG.stepSize,
    jitter: partial.jitter ?? DEFAULT_DREAM_CONFIG.jitter,
    strength: partial.strength ?? DEFAULT_DREAM_CONFIG.strength,
    tileSize: partial.tileSize ?? DEFAULT_DREAM_CONFIG.tileSize,
    seed: partial.seed ?? DEFAULT_DREAM_CONFIG.seed,
  };
  const layer = dreamLayer(c.layer);
  if (c.channel !== null) checkRange('channel', c.channel, 0, layer.channels - 1, true);
  checkRange('octaves', c.octaves, 1, 6, true);
  checkRange('octaveScale', c.octaveScale, 1.1, 2);
  checkRange('stepsPerOctave', c.stepsPerOctave, 1, 100, true);
  checkRange('stepSize', c.stepSize, 0.1, 20);
  checkRange('jitter', c.jitter, 0, 64, true);
  checkRange('strength', c.strength, 0, 1);
  checkRange('tileSize', c.tileSize, 64, 1024, true);
  checkRange('seed', c.seed, 0, 2 ** 32 - 1, true);
  return c;
}

/**
 * The quantity a dream step increases, for a [1, h, w, 3] 0–255 batch: the mean squared activation
 * of the whole layer (any strong response, positive or negative, grows), or the mean activation of
 * one channel (that one feature is pushed to fire). Call inside tf.tidy or tf.grad.
 */
export function dreamObjective(
  backbone: VisionBackbone,
  batch: tf.Tensor4D,
  layer: DreamLayerInfo,
  channel: number | null,
): tf.Scalar {
  const act = backbone.activations(batch, [layer.node])[0];
  if (channel === null) return tf.mean(tf.square(act));
  return tf.mean(act.slice([0, 0, 0, channel], [-1, -1, -1, 1]));
}

/** The objective's value for an image [h, w, 3] 0–255 (a plain number; no tensors kept). */
export async function dreamScore(
  backbone: VisionBackbone,
  image: tf.Tensor3D,
  layerId: DreamConfig['layer'],
  channel: number | null = null,
): Promise<number> {
  const layer = dreamLayer(layerId);
  const s = tf.tidy(() => dreamObjective(backbone, image.expandDims(0) as tf.Tensor4D, layer, channel));
  const v = (await s.data())[0];
  s.dispose();
  return v;
}

/** Settings of one gradient-ascent step. */
export interface DreamStepOptions {
  layer: DreamConfig['layer'];
  channel?: number | null;
  stepSize: number;
  tileSize?: number;
  /** Shift (dy, dx) applied before and undone after the step; (0, 0) for none. */
  shift?: [number, number];
}

/**
 * One gradient-ascent step: returns a new [h, w, 3] image (0–255) whose layer objective is higher.
 * The gradient is computed tile by tile (so big images fit in memory), normalised by its mean
 * absolute value so `stepSize` is the average change in brightness levels, then added.
 * Does not dispose `image`; the caller owns the result.
 */
export function dreamStep(
  backbone: VisionBackbone,
  image: tf.Tensor3D,
  options: DreamStepOptions,
): tf.Tensor3D {
  const [next, score] = dreamStepWithScore(backbone, image, options);
  score.dispose();
  return next;
}

/** {@link dreamStep} that also returns the objective before the step (area-weighted over tiles). */
function dreamStepWithScore(
  backbone: VisionBackbone,
  image: tf.Tensor3D,
  options: DreamStepOptions,
): [tf.Tensor3D, tf.Scalar] {
  const layer = dreamLayer(options.layer);
  const channel = options.channel ?? null;
  const tile = options.tileSize ?? DEFAULT_DREAM_CONFIG.tileSize;
  const [dy, dx] = options.shift ?? [0, 0];
  return tf.tidy(() => {
    const rolled = rollImage(image.toFloat(), dy, dx);
    const [h, w] = rolled.shape;
    const valueAndGrad = tf.valueAndGrad((x: tf.Tensor) =>
      dreamObjective(backbone, x as tf.Tensor4D, layer, channel),
    );
    const rows: tf.Tensor3D[] = [];
    let score: tf.Scalar = tf.scalar(0);
    for (const [y0, th] of tileSpans(h, tile)) {
      const cols: tf.Tensor3D[] = [];
      for (const [x0, tw] of tileSpans(w, tile)) {
        const patch = rolled.slice([y0, x0, 0], [th, tw, 3]).expandDims(0);
        const { value, grad } = valueAndGrad(patch);
        score = tf.add(score, tf.mul(value, (th * tw) / (h * w)));
        cols.push(grad.squeeze([0]) as tf.Tensor3D);
      }
      rows.push(cols.length === 1 ? cols[0] : (tf.concat(cols, 1) as tf.Tensor3D));
    }
    const grad = rows.length === 1 ? rows[0] : (tf.concat(rows, 0) as tf.Tensor3D);
    const norm = tf.add(tf.mean(tf.abs(grad)), 1e-8);
    const stepped = tf.clipByValue(tf.add(rolled, tf.mul(tf.div(grad, norm), options.stepSize)), 0, 255);
    return [rollImage(stepped as tf.Tensor3D, -dy, -dx), score] as [tf.Tensor3D, tf.Scalar];
  });
}

/**
 * Runs deep dream on `input` ([h, w, 3], 0–255) over several octaves: the image is dreamed at a
 * small size first (big patterns), then enlarged step by step; only the added detail is carried
 * from one octave to the next, so the original stays sharp. Reports every step and can be
 * cancelled through `options.signal`, returning the image as it is at that moment.
 * Does not dispose `input`; the caller owns `result.image`.
 */
export async function deepDream(
  backbone: VisionBackbone,
  input: tf.Tensor3D,
  config: Partial<DreamConfig> = {},
  options: DreamRunOptions = {},
): Promise<DreamResult> {
  const c = resolveDreamConfig(config);
  const [height, width] = input.shape;
  if (input.rank !== 3 || input.shape[2] !== 3)
    throw new InputError(`Expected an [h, w, 3] image, got [${input.shape}].`);
  if (height < MIN_IMAGE_SIDE || width < MIN_IMAGE_SIDE) {
    throw new InputError(`The image is ${width}×${height}; it needs at least ${MIN_IMAGE_SIDE} px per side.`);
  }
  const random = createRng(c.seed);
  const sizes = octaveSizes(height, width, c.octaves, c.octaveScale);
  const total = sizes.length * c.stepsPerOctave;
  const base = tf.tidy(() => input.toFloat());
  // `detail` is what dreaming has added so far (dreamed − original), carried between octaves.
  let detail: tf.Tensor3D = tf.zeros([sizes[0][0], sizes[0][1], 3]);
  const scores: number[] = [];
  let done = 0;
  let cancelled = false;
  try {
    octaves: for (let o = 0; o < sizes.length; o++) {
      const [oh, ow] = sizes[o];
      const octaveBase = tf.tidy(() => resizeImage(base, oh, ow));
      const grown = tf.tidy(() => resizeImage(detail, oh, ow));
      detail.dispose();
      let image = tf.tidy(() => tf.clipByValue(tf.add(octaveBase, grown), 0, 255) as tf.Tensor3D);
      grown.dispose();
      try {
        for (let s = 0; s < c.stepsPerOctave; s++) {
          if (options.signal?.aborted) {
            cancelled = true;
            break;
          }
          const shift: [number, number] = [
            Math.round((random() * 2 - 1) * c.jitter),
            Math.round((random() * 2 - 1) * c.jitter),
          ];
          const [next, before] = dreamStepWithScore(backbone, image, { ...c, shift });
          image.dispose();
          image = next;
          const score = (await before.data())[0];
          before.dispose();
          scores.push(score);
          done++;
          if (options.onStep) {
            const shown = tf.tidy(() => blendImages(octaveBase, image, c.strength));
            try {
              await options.onStep({
                octave: o + 1,
                octaves: sizes.length,
                step: s + 1,
                done,
                total,
                score,
                image: shown,
              });
            } finally {
              shown.dispose();
            }
          }
        }
        detail = tf.tidy(() => tf.sub(image, octaveBase));
      } finally {
        image.dispose();
        octaveBase.dispose();
      }
      if (cancelled) break octaves;
    }
    // Cancelled or finished: the detail so far, brought to full size, over the original.
    const result = tf.tidy(() =>
      blendImages(
        base,
        tf.clipByValue(tf.add(base, resizeImage(detail, height, width)), 0, 255) as tf.Tensor3D,
        c.strength,
      ),
    );
    return { image: result, cancelled, stepsDone: done, scores };
  } finally {
    detail.dispose();
    base.dispose();
  }
}
