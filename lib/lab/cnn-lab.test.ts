// CNN lab tests: palette stacks → specs whose shapes and parameter counts match tfjs' own, invalid
// stacks named, feature maps and filters read out without leaks, and a tiny CNN learning real digits.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { digitsToTensor, evaluateDigits, labelsToOneHot } from '../digits';
import { buildModel, compileModel, summarizeModel } from '../models';
import { train } from '../training';
import {
  DEFAULT_CNN_STACK,
  checkCnnStack,
  convFilters,
  convLayerIndices,
  featureMaps,
  type CnnLabLayer,
} from './index';
import { parseMnist } from '../pretrained/digits';

const DIR = path.join(__dirname, '..', '..', 'public', 'data', 'mnist');
const digits = parseMnist(
  readFileSync(path.join(DIR, 'meta.json'), 'utf8'),
  new Uint8Array(readFileSync(path.join(DIR, 'images.bin'))),
  new Uint8Array(readFileSync(path.join(DIR, 'labels.bin'))),
);

const STACKS: CnnLabLayer[][] = [
  [...DEFAULT_CNN_STACK],
  [],
  [
    { kind: 'conv', filters: 4, kernelSize: 5 },
    { kind: 'avgPool', poolSize: 2 },
    { kind: 'dropout', rate: 0.3 },
    { kind: 'conv', filters: 6, kernelSize: 3 },
    { kind: 'maxPool', poolSize: 3 },
  ],
  [
    { kind: 'dense', units: 16 },
    { kind: 'dropout', rate: 0.1 },
    { kind: 'dense', units: 8 },
  ],
];

describe('checkCnnStack', () => {
  it.each(STACKS.map((s, i) => [i, s] as const))(
    'stack %i: shapes and parameter counts match the model tfjs builds',
    (_i, stack) => {
      const check = checkCnnStack(stack, 1);
      expect(check.problems).toEqual([]);
      const model = buildModel(check.spec!);
      try {
        const summary = summarizeModel(model);
        expect(check.totalParams).toBe(model.countParams());
        expect(summary.layers.map((l) => l.outputShape)).toEqual(check.rows.map((r) => r.outputShape));
        expect(summary.layers.map((l) => l.params)).toEqual(check.rows.map((r) => r.params));
        expect(check.rows.at(-1)!.outputShape).toEqual([null, 10]);
      } finally {
        model.dispose();
      }
    },
  );

  it('puts the flatten before the first dense layer and adds a 10-way softmax', () => {
    const { spec, rows } = checkCnnStack(DEFAULT_CNN_STACK);
    expect(spec!.layers.map((l) => l.type)).toEqual([
      'conv2d',
      'maxPool2d',
      'flatten',
      'dense',
      'dropout',
      'dense',
    ]);
    expect(rows.map((r) => r.index)).toEqual([0, 1, -1, 2, 3, -1]);
    expect(rows[0].outputShape).toEqual([null, 26, 26, 8]);
    expect(rows[0].params).toBe((3 * 3 + 1) * 8);
  });

  it('names the layer that shrinks the image below 1 pixel, and convolutions after a dense layer', () => {
    const tooSmall = checkCnnStack([
      { kind: 'maxPool', poolSize: 4 }, // 28 → 7
      { kind: 'conv', filters: 4, kernelSize: 3 }, // 7 → 5
      { kind: 'avgPool', poolSize: 6 }, // 5 → 0: bad
      { kind: 'dense', units: 4 },
    ]);
    expect(tooSmall.spec).toBeNull();
    expect(tooSmall.problems).toEqual([{ index: 2, code: 'tooSmall', side: 5, size: 6 }]);
    const bigKernel = checkCnnStack([
      { kind: 'maxPool', poolSize: 5 },
      { kind: 'conv', filters: 2, kernelSize: 7 },
    ]);
    expect(bigKernel.problems).toEqual([{ index: 1, code: 'tooSmall', side: 5, size: 7 }]);
    const after = checkCnnStack([
      { kind: 'dense', units: 8 },
      { kind: 'conv', filters: 2, kernelSize: 3 },
    ]);
    expect(after.problems).toEqual([{ index: 1, code: 'afterDense' }]);
    expect(after.rows).toHaveLength(2); // flatten + dense, shown up to the problem
  });
});

describe('feature maps and filters', () => {
  const stack: CnnLabLayer[] = [
    { kind: 'conv', filters: 4, kernelSize: 3 },
    { kind: 'maxPool', poolSize: 2 },
    { kind: 'conv', filters: 6, kernelSize: 5 },
  ];

  it('returns each conv layer’s maps and filters as plain arrays, without leaking tensors', () => {
    const model = buildModel(checkCnnStack(stack, 3).spec!);
    try {
      const image = digits.testImages.subarray(0, 784);
      const convs = convLayerIndices(model);
      expect(convs).toHaveLength(2);
      const before = tf.memory().numTensors;
      const first = featureMaps(model, image, convs[0]);
      const second = featureMaps(model, image, convs[1]);
      const f1 = convFilters(model, convs[0]);
      const f2 = convFilters(model, convs[1], 4);
      expect(tf.memory().numTensors).toBe(before);
      expect(first.side).toBe(26);
      expect(first.maps).toHaveLength(4);
      expect(first.maps[0]).toBeInstanceOf(Float32Array);
      expect(first.maps[0].length).toBe(26 * 26);
      expect(second.side).toBe(9); // 26 → pool 13 → conv5 9
      expect(second.maps).toHaveLength(6);
      // ReLU maps: never negative, and the digit makes some of them light up.
      expect(Math.min(...first.maps.flatMap((m) => Array.from(m)))).toBeGreaterThanOrEqual(0);
      expect(Math.max(...first.maps.flatMap((m) => Array.from(m)))).toBeGreaterThan(0);
      expect(f1.side).toBe(3);
      expect(f1.images).toHaveLength(4);
      expect(f2.side).toBe(5);
      expect(f2.images).toHaveLength(4);
      // Filter 0's top-left weight is kernel[0,0,0,0].
      expect(f1.images[0][0]).toBeCloseTo(
        (model.layers[convs[0]].getWeights()[0].dataSync() as Float32Array)[0],
      );
      expect(() => featureMaps(model, new Float32Array(10), convs[0])).toThrow(/784/);
      expect(() => convFilters(model, convs[0] + 1)).toThrow(/not a convolution/);
    } finally {
      model.dispose();
    }
  });
});

describe('training a palette CNN on real digits', () => {
  it('learns 600 MNIST digits well above chance on held-out digits, without leaking', async () => {
    const before = tf.memory().numTensors;
    const { spec } = checkCnnStack(
      [
        { kind: 'conv', filters: 8, kernelSize: 3 },
        { kind: 'maxPool', poolSize: 2 },
        { kind: 'dense', units: 32 },
      ],
      5,
    );
    const model = buildModel(spec!);
    compileModel(model, {
      optimizer: { name: 'adam', learningRate: 0.003 },
      loss: 'categoricalCrossentropy',
    });
    const n = 600;
    const x = digitsToTensor(digits.trainImages, n);
    const y = labelsToOneHot(digits.trainLabels.subarray(0, n));
    try {
      const res = await train(model, { x, y }, { epochs: 4, batchSize: 32, seed: 1 });
      expect(res.history.loss.at(-1)!).toBeLessThan(res.history.loss[0]);
    } finally {
      x.dispose();
      y.dispose();
    }
    const ev = await evaluateDigits(
      model,
      digits.testImages.subarray(0, 500 * 784),
      digits.testLabels.subarray(0, 500),
    );
    // Chance is 10%; a tiny CNN on 600 digits reaches well over 70%.
    expect(ev.accuracy).toBeGreaterThan(0.7);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000); // a generous limit: it ran past 120 s when the two cores were shared with builds
});
