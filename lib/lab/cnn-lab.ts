// CNN lab: a palette of layers (conv, pool, dense, dropout) a learner stacks up, checked and turned
// into a lib/models ModelSpec on 28×28×1 digits, plus the views inside a trained CNN (filters, feature maps).
import * as tf from '@tensorflow/tfjs';

import type { LayerSpec, ModelSpec } from '../models';

/** One layer the learner picked from the palette. */
export type CnnLabLayer =
  | { kind: 'conv'; filters: number; kernelSize: number }
  | { kind: 'maxPool' | 'avgPool'; poolSize: number }
  | { kind: 'dense'; units: number }
  | { kind: 'dropout'; rate: number };

/** Palette layer kinds. */
export type CnnLabLayerKind = CnnLabLayer['kind'];

/** Why a stack cannot be built. `index` is the palette layer at fault. */
export type CnnStackProblem =
  | {
      index: number;
      code: 'tooSmall';
      /** Image side that goes in. */ side: number;
      /** Kernel or pool size. */ size: number;
    }
  | { index: number; code: 'afterDense' };

/** One row of the live summary: a palette layer, or one of the layers added automatically. */
export interface CnnSummaryRow {
  /** Palette index, or -1 for the automatic flatten and output layers. */
  index: number;
  name: string;
  className: string;
  /** [null, ...shape]; null is the batch. */
  outputShape: (number | null)[];
  params: number;
}

/** Result of checking a stack: the summary rows so far, any problems, and a spec when valid. */
export interface CnnStackCheck {
  rows: CnnSummaryRow[];
  totalParams: number;
  problems: CnnStackProblem[];
  spec: ModelSpec | null;
}

/** The image the lab's CNNs look at. */
export const CNN_INPUT_SHAPE = [28, 28, 1] as const;
/** A first stack that learns digits well in a minute: conv 8@3×3 → max pool 2 → dense 32 → dropout. */
export const DEFAULT_CNN_STACK: readonly CnnLabLayer[] = [
  { kind: 'conv', filters: 8, kernelSize: 3 },
  { kind: 'maxPool', poolSize: 2 },
  { kind: 'dense', units: 32 },
  { kind: 'dropout', rate: 0.2 },
];
/** A new layer of each kind, as the palette adds it. */
export const NEW_CNN_LAYER: Record<CnnLabLayerKind, CnnLabLayer> = {
  conv: { kind: 'conv', filters: 8, kernelSize: 3 },
  maxPool: { kind: 'maxPool', poolSize: 2 },
  avgPool: { kind: 'avgPool', poolSize: 2 },
  dense: { kind: 'dense', units: 32 },
  dropout: { kind: 'dropout', rate: 0.2 },
};

/**
 * Walks the stack the way tfjs will, computing each output shape and parameter count without
 * building anything (so the table can follow every slider move), and reports layers that cannot
 * work. Convolutions use 'valid' padding so a learner sees the image shrink (28 → 26 for 3×3);
 * pools use stride = pool size (floor). A flatten goes in automatically before the first dense
 * layer (or before the output), and a 10-way softmax output always ends the network.
 */
export function checkCnnStack(stack: readonly CnnLabLayer[], seed?: number): CnnStackCheck {
  const rows: CnnSummaryRow[] = [];
  const problems: CnnStackProblem[] = [];
  const layers: LayerSpec[] = [];
  let side: number = CNN_INPUT_SHAPE[0];
  let channels: number = CNN_INPUT_SHAPE[2];
  let flat: number | null = null; // set once the image has been flattened
  const counts: Record<string, number> = {};
  const name = (base: string) => {
    counts[base] = (counts[base] ?? 0) + 1;
    return `${base}_${counts[base]}`;
  };
  const flatten = () => {
    flat = side * side * channels;
    layers.push({ type: 'flatten' });
    rows.push({
      index: -1,
      name: name('flatten'),
      className: 'Flatten',
      outputShape: [null, flat],
      params: 0,
    });
  };
  stack.forEach((l, index) => {
    if (problems.length) return; // shapes after the first problem would be meaningless
    if (l.kind === 'conv' || l.kind === 'maxPool' || l.kind === 'avgPool') {
      if (flat !== null) {
        problems.push({ index, code: 'afterDense' });
        return;
      }
      const size = l.kind === 'conv' ? l.kernelSize : l.poolSize;
      const out = l.kind === 'conv' ? side - size + 1 : Math.floor(side / size);
      if (out < 1) {
        problems.push({ index, code: 'tooSmall', side, size });
        return;
      }
      if (l.kind === 'conv') {
        const params = (size * size * channels + 1) * l.filters;
        channels = l.filters;
        layers.push({
          type: 'conv2d',
          filters: l.filters,
          kernelSize: size,
          padding: 'valid',
          activation: 'relu',
        });
        rows.push({
          index,
          name: name('conv'),
          className: 'Conv2D',
          outputShape: [null, out, out, channels],
          params,
        });
      } else {
        layers.push({ type: l.kind === 'maxPool' ? 'maxPool2d' : 'avgPool2d', poolSize: size });
        rows.push({
          index,
          name: name(l.kind),
          className: l.kind === 'maxPool' ? 'MaxPooling2D' : 'AveragePooling2D',
          outputShape: [null, out, out, channels],
          params: 0,
        });
      }
      side = out;
    } else if (l.kind === 'dense') {
      if (flat === null) flatten();
      const params = ((flat as number) + 1) * l.units;
      flat = l.units;
      layers.push({ type: 'dense', units: l.units, activation: 'relu' });
      rows.push({ index, name: name('dense'), className: 'Dense', outputShape: [null, l.units], params });
    } else if (l.kind === 'dropout') {
      layers.push({ type: 'dropout', rate: l.rate });
      const shape = flat === null ? [null, side, side, channels] : [null, flat];
      rows.push({ index, name: name('dropout'), className: 'Dropout', outputShape: shape, params: 0 });
    }
  });
  if (!problems.length) {
    if (flat === null) flatten();
    layers.push({ type: 'dense', units: 10, activation: 'softmax' });
    rows.push({
      index: -1,
      name: name('output'),
      className: 'Dense',
      outputShape: [null, 10],
      params: ((flat as unknown as number) + 1) * 10,
    });
  }
  return {
    rows,
    totalParams: rows.reduce((a, r) => a + r.params, 0),
    problems,
    spec: problems.length
      ? null
      : { inputShape: [...CNN_INPUT_SHAPE], layers, ...(seed === undefined ? {} : { seed }) },
  };
}

/** Indices (in `model.layers`) of the convolution layers, in order. */
export function convLayerIndices(model: tf.LayersModel): number[] {
  return model.layers.flatMap((l, i) => (l.getClassName() === 'Conv2D' ? [i] : []));
}

/** Activation maps of one layer for one digit: `maps[c]` is channel c, side×side, row-major. */
export interface FeatureMaps {
  side: number;
  maps: Float32Array[];
}

/**
 * What layer `layerIndex` of `model` (e.g. a Conv2D) outputs for one 28×28 image (784 values 0–1):
 * a sub-model from the input to that layer's output is run once and its channels split into
 * plain arrays, so the caller holds no tensors. At most `limit` channels.
 */
export function featureMaps(
  model: tf.LayersModel,
  image: Float32Array,
  layerIndex: number,
  limit = 32,
): FeatureMaps {
  const layer = model.layers[layerIndex];
  if (!layer) throw new RangeError(`The model has no layer ${layerIndex}.`);
  if (image.length !== 784) throw new RangeError(`A digit has 784 pixels, got ${image.length}.`);
  // tf.model() over existing layers shares their weights; it owns nothing that needs disposing.
  const probe = tf.model({ inputs: model.inputs, outputs: layer.output as tf.SymbolicTensor });
  const out = tf.tidy(() => probe.predict(tf.tensor4d(image, [1, 28, 28, 1])) as tf.Tensor);
  const [, h, w, c] = out.shape as number[];
  const values = out.dataSync() as Float32Array;
  out.dispose();
  const maps: Float32Array[] = [];
  for (let k = 0; k < Math.min(c, limit); k++) {
    const m = new Float32Array(h * w);
    for (let p = 0; p < h * w; p++) m[p] = values[p * c + k];
    maps.push(m);
  }
  return { side: h, maps };
}

/**
 * The filters of conv layer `layerIndex` as k×k images (first input channel, like
 * lib/digits' firstLayerWeights does for the first layer). At most `limit`.
 */
export function convFilters(
  model: tf.LayersModel,
  layerIndex: number,
  limit = 32,
): { side: number; images: Float32Array[] } {
  const layer = model.layers[layerIndex];
  const weights = layer?.getWeights() ?? [];
  if (!weights.length || weights[0].shape.length !== 4) {
    throw new RangeError(`Layer ${layerIndex} is not a convolution.`);
  }
  const [kh, kw, inC, outC] = weights[0].shape;
  const values = weights[0].dataSync() as Float32Array;
  const images: Float32Array[] = [];
  for (let f = 0; f < Math.min(outC, limit); f++) {
    const img = new Float32Array(kh * kw);
    for (let p = 0; p < kh * kw; p++) img[p] = values[p * inC * outC + f];
    images.push(img);
  }
  return { side: kh, images };
}
