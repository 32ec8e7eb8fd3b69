// Proof that the builders really learn: CNN on bar images, each RNN cell on a sine wave,
// and both autoencoder kinds. Tiny, seeded and CPU-friendly.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chronologicalSplit, createRng, makeWindows, randomNormal } from '@/lib/data';
import { accuracy, mse, predictClasses, predictProbabilities, train } from '@/lib/training';
import { buildAutoencoder, buildCnn, buildRnn, compileModel } from './index';

/** n 8×8 images, each a horizontal (label 0) or vertical (label 1) bar, with a little noise. */
function barImages(n: number, seed: number): { x: tf.Tensor4D; labels: number[] } {
  const rng = createRng(seed);
  const data = new Float32Array(n * 64);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const vertical = i % 2;
    const pos = 1 + Math.floor(rng() * 6);
    for (let r = 0; r < 8; r++) {
      for (let c = 0; c < 8; c++) {
        const on = vertical ? c === pos : r === pos;
        data[i * 64 + r * 8 + c] = Math.min(1, Math.max(0, (on ? 0.9 : 0.1) + 0.05 * randomNormal(rng)));
      }
    }
    labels.push(vertical);
  }
  return { x: tf.tensor4d(data, [n, 8, 8, 1]), labels };
}

describe('CNN', () => {
  it('tells horizontal from vertical bars (≥ 0.9 test accuracy)', async () => {
    const tr = barImages(40, 1);
    const te = barImages(20, 2);
    const y = tf.tensor1d(tr.labels);
    const m = buildCnn({
      inputShape: [8, 8, 1],
      blocks: [{ filters: 4, kernelSize: 3, pool: 'max' }],
      dense: [8],
      outputSize: 2,
      seed: 3,
    });
    compileModel(m, {
      optimizer: { name: 'adam', learningRate: 0.01 },
      loss: 'sparseCategoricalCrossentropy',
    });
    await train(m, { x: tr.x, y }, { epochs: 8, batchSize: 8, seed: 1 });
    const pred = await predictClasses(m, te.x);
    expect(accuracy(te.labels, pred)).toBeGreaterThanOrEqual(0.9);
    tf.dispose([tr.x, te.x, y]);
    m.dispose();
  });
});

describe('RNN cells on a sine wave', () => {
  const series = Array.from({ length: 90 }, (_, t) => Math.sin(0.3 * t));
  const { x, y } = makeWindows(series, { window: 8 });
  const split = chronologicalSplit(x.length, { train: 0.75, validation: 0, test: 0.25 });
  const pick = <T>(arr: T[], idx: number[]) => idx.map((i) => arr[i]);
  const testY = pick(y, split.test);
  // The naive forecast: tomorrow equals today.
  const naive = mse(
    testY,
    pick(x, split.test).map((w) => [w[w.length - 1][0]]),
  );

  it.each(['simpleRnn', 'lstm', 'gru'] as const)(
    '%s predicts the next value better than repeating the last',
    async (cell) => {
      const trainX = tf.tensor3d(pick(x, split.train));
      const trainY = tf.tensor2d(pick(y, split.train));
      const m = buildRnn({ cell, units: [8], timesteps: 8, features: 1, outputSize: 1, seed: 5 });
      compileModel(m, { optimizer: { name: 'adam', learningRate: 0.02 }, loss: 'meanSquaredError' });
      await train(m, { x: trainX, y: trainY }, { epochs: 10, batchSize: 8, seed: 1, yieldEvery: 4 });
      const pred = await predictProbabilities(m, pick(x, split.test));
      const err = mse(testY, pred);
      expect(err).toBeLessThan(0.01);
      expect(err).toBeLessThan(naive);
      tf.dispose([trainX, trainY]);
      m.dispose();
    },
  );
});

describe('autoencoders', () => {
  it('dense: reconstruction error falls; encoder and decoder share the trained weights', async () => {
    // 16-D points that really live on 2 hidden factors, squashed to [0, 1].
    const rng = createRng(4);
    const rows = Array.from({ length: 48 }, () => {
      const a = rng();
      const b = rng();
      return Array.from({ length: 16 }, (_, j) => 0.5 + 0.4 * Math.sin(a * 3 + j * 0.4) * (b - 0.5) * 2);
    });
    const data = tf.tensor2d(rows);
    const ae = buildAutoencoder({ kind: 'dense', inputShape: [16], hidden: [8], bottleneck: 2, seed: 1 });
    compileModel(ae.autoencoder, {
      optimizer: { name: 'adam', learningRate: 0.02 },
      loss: 'meanSquaredError',
    });
    const codeBefore = await predictProbabilities(ae.encoder, data);
    const r = await train(ae.autoencoder, { x: data, y: data }, { epochs: 20, batchSize: 8, seed: 1 });
    expect(r.history.loss.at(-1)!).toBeLessThan(0.3 * r.history.loss[0]);
    const codeAfter = await predictProbabilities(ae.encoder, data);
    expect(codeAfter[0]).toHaveLength(2);
    expect(codeAfter).not.toEqual(codeBefore); // training the autoencoder trained the encoder
    const rec = await predictProbabilities(ae.decoder, codeAfter);
    expect(rec[0]).toHaveLength(16);
    expect(mse(rows, rec)).toBeCloseTo(r.history.loss.at(-1)!, 1);
    data.dispose();
    ae.dispose();
  });

  it('conv: reconstruction error falls and the halves work alone', async () => {
    const { x } = barImages(16, 6);
    const ae = buildAutoencoder({ kind: 'conv', inputShape: [8, 8, 1], hidden: [4], bottleneck: 4, seed: 2 });
    compileModel(ae.autoencoder, {
      optimizer: { name: 'adam', learningRate: 0.01 },
      loss: 'meanSquaredError',
    });
    const r = await train(ae.autoencoder, { x, y: x }, { epochs: 12, batchSize: 8, seed: 1 });
    expect(r.history.loss.at(-1)!).toBeLessThan(0.7 * r.history.loss[0]);
    const code = ae.encoder.predict(x) as tf.Tensor;
    const rec = ae.decoder.predict(code) as tf.Tensor;
    expect(code.shape).toEqual([16, 4]);
    expect(rec.shape).toEqual([16, 8, 8, 1]);
    tf.dispose([x, code, rec]);
    ae.dispose();
  });
});
