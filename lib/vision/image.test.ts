// Image utilities and config validation: fast checks without the network.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { ConfigError, InputError } from '../errors';
import {
  BUILTIN_IMAGES,
  fitSize,
  isOutOfMemoryError,
  keepColours,
  octaveSizes,
  renderBuiltinImage,
  resolveDreamConfig,
  resolveStyleConfig,
  rgbaToTensor,
  rgbToYcc,
  rollImage,
  tensorToRgba,
  tileSpans,
  yccToRgb,
} from './index';

describe('resolveDreamConfig', () => {
  it('fills defaults without mutating them', () => {
    const c = resolveDreamConfig({ octaves: 2 });
    expect(c.octaves).toBe(2);
    expect(c.layer).toBe('patterns');
    expect(resolveDreamConfig().octaves).toBe(3);
  });
  it.each([
    ['layer', { layer: 'eyes' }],
    ['octaves', { octaves: 0 }],
    ['octaves', { octaves: 7 }],
    ['octaves', { octaves: 2.5 }],
    ['octaveScale', { octaveScale: 3 }],
    ['stepsPerOctave', { stepsPerOctave: 0 }],
    ['stepSize', { stepSize: Number.NaN }],
    ['jitter', { jitter: -1 }],
    ['strength', { strength: 1.5 }],
    ['tileSize', { tileSize: 32 }],
    ['channel', { layer: 'textures', channel: 24 }],
  ])('rejects a bad %s', (field, partial) => {
    expect(() => resolveDreamConfig(partial as never)).toThrow(ConfigError);
    try {
      resolveDreamConfig(partial as never);
    } catch (e) {
      expect((e as ConfigError).field).toBe(field);
    }
  });
});

describe('resolveStyleConfig', () => {
  it.each([
    ['styleWeight', { styleWeight: -1 }],
    ['iterations', { iterations: 0 }],
    ['learningRate', { learningRate: 0 }],
    ['keepColours', { keepColours: 'yes' }],
    ['styleLayers', { styleLayers: [] }],
  ])('rejects a bad %s', (field, partial) => {
    try {
      resolveStyleConfig(partial as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).field).toBe(field);
    }
  });
});

describe('sizes', () => {
  it('fits a huge photo inside the limit and says it was scaled', () => {
    expect(fitSize(4000, 3000, 512)).toEqual({ width: 512, height: 384, scaled: true });
    expect(fitSize(300, 200, 512)).toEqual({ width: 300, height: 200, scaled: false });
    expect(fitSize(8000, 100, 99999).width).toBe(1024);
    expect(() => fitSize(0, 10, 512)).toThrow(InputError);
  });
  it('splits into tiles that cover the length exactly', () => {
    for (const [len, tile] of [
      [100, 512],
      [1000, 512],
      [1024, 256],
      [777, 100],
    ]) {
      const spans = tileSpans(len, tile);
      expect(spans[0][0]).toBe(0);
      expect(spans.reduce((s, [, n]) => s + n, 0)).toBe(len);
      expect(Math.max(...spans.map(([, n]) => n))).toBeLessThanOrEqual(tile);
    }
  });
  it('makes octaves from small to full size', () => {
    expect(octaveSizes(400, 200, 3, 2)).toEqual([
      [100, 50],
      [200, 100],
      [400, 200],
    ]);
  });
});

describe('tensor helpers', () => {
  it('round-trips RGBA bytes and rolls with wrap-around', async () => {
    const rgba = new Uint8ClampedArray([
      10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255, 100, 110, 120, 255,
    ]);
    const t = rgbaToTensor(rgba, 2, 2);
    expect(Array.from(await tensorToRgba(t))).toEqual(Array.from(rgba));
    const rolled = tf.tidy(() => rollImage(t, 1, 1));
    const back = tf.tidy(() => rollImage(rolled, -1, -1));
    expect(Array.from(await rolled.data()).slice(0, 3)).toEqual([100, 110, 120]);
    expect(Array.from(await back.data())).toEqual(Array.from(await t.data()));
    tf.dispose([t, rolled, back]);
  });
  it('converts RGB to YCbCr and back, and keeps colours takes brightness only from the styled image', async () => {
    const before = tf.memory().numTensors;
    const a = tf.tensor3d([200, 30, 40, 10, 220, 90], [1, 2, 3]);
    const b = tf.tensor3d([120, 120, 120, 180, 170, 160], [1, 2, 3]);
    const round = tf.tidy(() => yccToRgb(rgbToYcc(a)));
    expect(Array.from(await round.data()).map((v) => Math.round(v))).toEqual([200, 30, 40, 10, 220, 90]);
    const kept = tf.tidy(() => keepColours(b, a));
    const yKept = tf.tidy(() => rgbToYcc(kept).slice([0, 0, 0], [-1, -1, 1]));
    const yB = tf.tidy(() => rgbToYcc(b).slice([0, 0, 0], [-1, -1, 1]));
    const dk = await yKept.data();
    const db = await yB.data();
    // Brightness follows the styled image except where clipping to 0–255 changes it.
    expect(Math.abs(dk[0] - db[0])).toBeLessThan(1);
    expect(Math.abs(dk[1] - db[1])).toBeLessThan(1);
    const colours = await kept.data();
    expect(colours[0]).toBeGreaterThan(colours[1]);
    tf.dispose([a, b, round, kept, yKept, yB]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('built-in pictures', () => {
  it('are opaque, deterministic, not flat, and name their source', () => {
    for (const img of BUILTIN_IMAGES) {
      const a = renderBuiltinImage(img.id, 40, 30);
      expect(a.length).toBe(40 * 30 * 4);
      expect(Array.from(renderBuiltinImage(img.id, 40, 30))).toEqual(Array.from(a));
      expect(new Set(Array.from(a.filter((_, i) => i % 4 === 0))).size).toBeGreaterThan(3);
      expect(a.every((v, i) => i % 4 !== 3 || v === 255)).toBe(true);
      expect(img.source).toMatch(/licen|MIT/i);
    }
  });
});

describe('isOutOfMemoryError', () => {
  it.each([
    [new Error('Failed to allocate texture of size 8192x8192'), true],
    [new Error('WebGL context lost'), true],
    [new Error('Requested texture size [16384x4] greater than WebGL maximum'), true],
    [new Error('Kernel Conv2D not registered'), false],
    ['plain string', false],
  ])('%s → %s', (e, expected) => {
    expect(isOutOfMemoryError(e)).toBe(expected);
  });
});
