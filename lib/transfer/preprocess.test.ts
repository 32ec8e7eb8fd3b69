// Preprocessing: centre square crop, mirror, and seeded augmentation.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { createRng } from '../data';
import { augmentImage, centreSquare } from './preprocess';

describe('centreSquare', () => {
  it('crops the middle of a wide image and mirrors left–right', () => {
    // 2 rows × 4 columns; column value = its index, so the centre square is columns 1–2.
    const img = tf.tensor3d(
      Array.from({ length: 2 * 4 * 3 }, (_, i) => Math.floor(i / 3) % 4),
      [2, 4, 3],
    );
    const sq = centreSquare(img, 2);
    expect(sq.shape).toEqual([2, 2, 3]);
    expect(Array.from(sq.slice([0, 0, 0], [1, 2, 1]).dataSync())).toEqual([1, 2]);
    const mirrored = centreSquare(img, 2, true);
    expect(Array.from(mirrored.slice([0, 0, 0], [1, 2, 1]).dataSync())).toEqual([2, 1]);
    tf.dispose([img, sq, mirrored]);
  });
});

describe('augmentImage', () => {
  it('keeps the shape and 0–255 range, is reproducible from the seed, and leaks nothing', () => {
    const img = tf.randomUniform([32, 32, 3], 0, 255, 'float32', 3) as tf.Tensor3D;
    const options = { flip: true, crop: true, brightness: true };
    const before = tf.memory().numTensors;
    const a = tf.tidy(() => augmentImage(img, options, createRng(9)));
    const b = tf.tidy(() => augmentImage(img, options, createRng(9)));
    const c = tf.tidy(() => augmentImage(img, options, createRng(10)));
    expect(tf.memory().numTensors).toBe(before + 3);
    expect(a.shape).toEqual([32, 32, 3]);
    expect(a.max().dataSync()[0]).toBeLessThanOrEqual(255);
    expect(a.min().dataSync()[0]).toBeGreaterThanOrEqual(0);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    tf.dispose([img, a, b, c]);
  });
});
