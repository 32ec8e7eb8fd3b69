// Checks the MNIST-style preprocessing of drawings, and that the CNN reads preprocessed drawings.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '@/lib/errors';
import { loadDigitModel, loadMnist, parseMetadata } from '@/lib/pretrained/digits';
import type { MnistData } from '@/lib/pretrained/digits';
import { REPO_ROOT, fsFetch, fsModelHandler, modelDir } from '@/lib/pretrained/digits/node-files.test-util';
import { preprocessDigit, resolveDigitPreprocessConfig } from './index';

/**
 * Draws a 28x28 digit (0-1, white on black) into an RGBA "canvas" as dark ink on white paper,
 * each source pixel becoming a `scale` x `scale` block with its top-left corner at (x0, y0).
 */
function renderOnCanvas(
  digit: Float32Array,
  width: number,
  height: number,
  scale: number,
  x0: number,
  y0: number,
): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < 28 * scale; y++) {
    for (let x = 0; x < 28 * scale; x++) {
      const v = digit[Math.floor(y / scale) * 28 + Math.floor(x / scale)];
      const i = ((y0 + y) * width + (x0 + x)) * 4;
      const gray = Math.round(255 * (1 - v));
      data[i] = data[i + 1] = data[i + 2] = gray;
    }
  }
  return data;
}

function centreOfMass(img: Float32Array): { x: number; y: number } {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = img[y * 28 + x];
      m += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return { x: sx / m, y: sy / m };
}

function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

let mnist: MnistData;
beforeAll(async () => {
  mnist = await loadMnist(fsFetch(path.join(REPO_ROOT, 'public', 'data', 'mnist')));
});

const testDigit = (i: number) => mnist.testImages.slice(i * 784, (i + 1) * 784);

describe('preprocessDigit', () => {
  it('returns null for a blank or nearly blank canvas', () => {
    const white = new Uint8ClampedArray(280 * 280 * 4).fill(255);
    expect(preprocessDigit({ data: white, width: 280, height: 280 })).toBeNull();
    const transparent = new Uint8ClampedArray(280 * 280 * 4);
    expect(preprocessDigit({ data: transparent, width: 280, height: 280 })).toBeNull();
    const speck = white.slice();
    for (const i of [0, 1, 2]) speck[(140 * 280 + 140) * 4 + i] = 0;
    expect(preprocessDigit({ data: speck, width: 280, height: 280 })).toBeNull();
  });

  it('gives a 28x28 image in [0, 1], longer side 20 px, centre of mass near (14, 14)', () => {
    const data = renderOnCanvas(testDigit(3), 400, 300, 6, 10, 20);
    const out = preprocessDigit({ data, width: 400, height: 300 })!;
    expect(out).toBeInstanceOf(Float32Array);
    expect(out.length).toBe(784);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    const com = centreOfMass(out);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    let top = 28;
    let bottom = -1;
    let left = 28;
    let right = -1;
    out.forEach((v, i) => {
      if (v > 0) {
        top = Math.min(top, Math.floor(i / 28));
        bottom = Math.max(bottom, Math.floor(i / 28));
        left = Math.min(left, i % 28);
        right = Math.max(right, i % 28);
      }
    });
    expect(Math.max(bottom - top + 1, right - left + 1)).toBe(20);
  });

  it('gives (nearly) the same image for a small off-centre digit as for a large centred one', () => {
    for (const i of [0, 1, 2, 3, 4]) {
      const large = preprocessDigit({
        data: renderOnCanvas(testDigit(i), 280, 280, 10, 0, 0),
        width: 280,
        height: 280,
      })!;
      const small = preprocessDigit({
        data: renderOnCanvas(testDigit(i), 280, 280, 3, 180, 10),
        width: 280,
        height: 280,
      })!;
      expect(meanAbsDiff(large, small)).toBeLessThan(0.03);
    }
  });

  it('reproduces the MNIST digit itself from a 10x rendering (MNIST is already normalised)', () => {
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const out = preprocessDigit({
        data: renderOnCanvas(testDigit(i), 300, 300, 10, 10, 10),
        width: 300,
        height: 300,
      })!;
      total += meanAbsDiff(out, testDigit(i));
    }
    expect(total / 20).toBeLessThan(0.03);
  });

  it('reads light ink on a dark canvas with inkIsDark: false, and one gray byte per pixel', () => {
    const dark = renderOnCanvas(testDigit(7), 280, 280, 10, 0, 0);
    const light = dark.map((v, i) => (i % 4 === 3 ? v : 255 - v));
    const a = preprocessDigit({ data: dark, width: 280, height: 280 })!;
    const b = preprocessDigit({ data: light, width: 280, height: 280 }, { inkIsDark: false })!;
    expect(meanAbsDiff(a, b)).toBeLessThan(1e-6);
    const gray = new Uint8Array(280 * 280).map((_, i) => dark[i * 4]);
    const c = preprocessDigit({ data: gray, width: 280, height: 280 })!;
    expect(meanAbsDiff(a, c)).toBeLessThan(0.01);
  });

  it('checks its config and input', () => {
    expect(() => resolveDigitPreprocessConfig({ digitSize: 40 })).toThrow(ConfigError);
    expect(() => resolveDigitPreprocessConfig({ inkThreshold: -1 })).toThrow(/inkThreshold/);
    expect(resolveDigitPreprocessConfig({})).toEqual({
      inkIsDark: true,
      inkThreshold: 0.1,
      minInkFraction: 0.0005,
      digitSize: 20,
      outputSize: 28,
    });
    expect(() => preprocessDigit({ data: new Uint8ClampedArray(10), width: 5, height: 5 })).toThrow(
      InputError,
    );
  });

  it('lets the CNN read MNIST digits drawn 10x larger, dark on light (>= 95 of 100)', async () => {
    const file = path.join(modelDir('digits-cnn'), 'metadata.json');
    const before = tf.memory().numTensors;
    const cnn = await loadDigitModel(fsModelHandler(modelDir('digits-cnn')), {
      metadata: parseMetadata(readFileSync(file, 'utf8'), file),
    });
    let correct = 0;
    for (let i = 0; i < 100; i++) {
      // Place each digit somewhere different on a canvas bigger than the digit.
      const x0 = (i * 37) % 100;
      const y0 = (i * 53) % 100;
      const input = preprocessDigit({
        data: renderOnCanvas(testDigit(i), 380, 380, 10, x0, y0),
        width: 380,
        height: 380,
      })!;
      const probs = cnn.predict(input);
      if (probs.indexOf(Math.max(...probs)) === mnist.testLabels[i]) correct++;
    }
    cnn.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(correct).toBeGreaterThanOrEqual(95);
  });
});
