// Deep dream and style transfer on the real backbone, CPU backend, tiny images so each test takes seconds.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import {
  deepDream,
  dreamScore,
  dreamStep,
  FIRST_CONV_NODE,
  loadVisionBackbone,
  renderBuiltinImage,
  rgbaToTensor,
  styleTransfer,
  tensorToRgba,
  type VisionBackbone,
} from './index';
import { backboneFromDisk } from './test-utils';

let backbone: VisionBackbone;
let photo: tf.Tensor3D;
let painting: tf.Tensor3D;

// Shallow layers keep the CPU tests fast; the code path is the same for every layer.
const FAST_STYLE = {
  contentLayer: 'tower_0/MobilenetV3/expanded_conv_2/add',
  styleLayers: [FIRST_CONV_NODE, 'tower_0/MobilenetV3/expanded_conv_2/add'],
};

beforeAll(async () => {
  backbone = await loadVisionBackbone({ model: backboneFromDisk() });
  photo = rgbaToTensor(renderBuiltinImage('landscape', 64, 48), 64, 48);
  painting = rgbaToTensor(renderBuiltinImage('swirls', 48, 48), 48, 48);
});

afterAll(() => {
  tf.dispose([photo, painting]);
  backbone.dispose();
  backbone.dispose();
});

describe('backbone', () => {
  it('dispose releases every weight, and twice is safe', async () => {
    const before = tf.memory().numTensors;
    const b = await loadVisionBackbone({ model: backboneFromDisk(), warmUp: false });
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    b.dispose();
    b.dispose();
    expect(b.disposed).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => b.activations(photo.expandDims(0) as tf.Tensor4D, [FIRST_CONV_NODE])).toThrow(/disposed/);
  });
});

describe('deep dream', () => {
  it('one step increases the chosen layer activation, without leaking', async () => {
    const before = tf.memory().numTensors;
    const s0 = await dreamScore(backbone, photo, 'textures');
    const next = dreamStep(backbone, photo, { layer: 'textures', stepSize: 2 });
    const s1 = await dreamScore(backbone, next, 'textures');
    expect(s1).toBeGreaterThan(s0);
    expect(next.shape).toEqual(photo.shape);
    next.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('one step on a single channel increases that channel, computed in tiles', async () => {
    const s0 = await dreamScore(backbone, photo, 'textures', 5);
    // tileSize 64 on a 64×48 image with a shift: still one tile wide, so force two tiles with 64 < width via a wider image.
    const wide = tf.tidy(() => tf.concat([photo, photo], 1) as tf.Tensor3D);
    const next = dreamStep(backbone, wide, {
      layer: 'textures',
      channel: 5,
      stepSize: 2,
      tileSize: 64,
      shift: [3, -5],
    });
    const left = tf.tidy(() => next.slice([0, 0, 0], [-1, 64, -1]) as tf.Tensor3D);
    const s1 = await dreamScore(backbone, left, 'textures', 5);
    expect(s1).toBeGreaterThan(s0);
    expect(next.shape).toEqual([48, 128, 3]);
    tf.dispose([wide, next, left]);
  });

  it('returns a valid image of the input size, reports progress, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const result = await deepDream(
      backbone,
      photo,
      { layer: 'textures', octaves: 2, octaveScale: 1.3, stepsPerOctave: 1 },
      { onStep: (p) => void seen.push(p.done, p.image.shape[0]) },
    );
    expect(result.cancelled).toBe(false);
    expect(result.stepsDone).toBe(2);
    expect(seen).toEqual([1, 37, 2, 48]);
    expect(result.image.shape).toEqual([48, 64, 3]);
    const px = await tensorToRgba(result.image);
    expect(px.length).toBe(64 * 48 * 4);
    const values = await result.image.data();
    expect(values.every((v) => Number.isFinite(v) && v >= 0 && v <= 255)).toBe(true);
    const diff = tf.tidy(() => tf.mean(tf.abs(tf.sub(result.image, photo))).dataSync()[0]);
    expect(diff).toBeGreaterThan(0.5);
    result.image.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cancel stops at the next step and keeps the image so far', async () => {
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    const result = await deepDream(
      backbone,
      photo,
      { layer: 'textures', octaves: 2, stepsPerOctave: 5 },
      { signal: ctrl.signal, onStep: () => ctrl.abort() },
    );
    expect(result.cancelled).toBe(true);
    expect(result.stepsDone).toBe(1);
    expect(result.image.shape).toEqual([48, 64, 3]);
    result.image.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('strength 0 gives back the original', async () => {
    const result = await deepDream(backbone, photo, {
      layer: 'textures',
      octaves: 1,
      stepsPerOctave: 1,
      strength: 0,
    });
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(result.image, photo))).dataSync()[0]);
    expect(diff).toBeLessThan(1e-3);
    result.image.dispose();
  });

  it('rejects an image that is too small', async () => {
    const tiny = tf.zeros([8, 8, 3]) as tf.Tensor3D;
    await expect(deepDream(backbone, tiny)).rejects.toThrow(InputError);
    tiny.dispose();
  });
});

describe('style transfer', () => {
  it('style loss falls over iterations, output has the content size, nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const iterations: number[] = [];
    const result = await styleTransfer(
      backbone,
      photo,
      painting,
      { ...FAST_STYLE, iterations: 5, learningRate: 6, styleWeight: 10 },
      { onIteration: (p) => void iterations.push(p.iteration) },
    );
    expect(iterations).toEqual([1, 2, 3, 4, 5]);
    const first = result.losses[0];
    const last = result.losses[result.losses.length - 1];
    expect(last.style).toBeLessThan(first.style * 0.9);
    expect(last.total).toBeLessThan(first.total);
    expect(result.image.shape).toEqual([48, 64, 3]);
    const values = await result.image.data();
    expect(values.every((v) => Number.isFinite(v) && v >= 0 && v <= 255)).toBe(true);
    result.image.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps original colours and stops on cancel without leaking', async () => {
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    const result = await styleTransfer(
      backbone,
      photo,
      painting,
      { ...FAST_STYLE, iterations: 10, keepColours: true },
      { signal: ctrl.signal, onIteration: (p) => (p.iteration === 2 ? ctrl.abort() : undefined) },
    );
    expect(result.cancelled).toBe(true);
    expect(result.iterationsDone).toBe(2);
    expect(result.image.shape).toEqual([48, 64, 3]);
    result.image.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
