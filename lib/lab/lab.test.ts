// Tests for the lab's data side (generators, features, CSV, URL state) and the Playground network.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { parseCsv } from '../data';
import { ConfigError, InputError } from '../errors';
import {
  DATASETS,
  DATASET_NAMES,
  DEFAULT_PLAYGROUND_STATE,
  allowedHeads,
  createPlaygroundNetwork,
  csvToDataset,
  decodeState,
  encodeState,
  encodeTargets,
  featureValue,
  featurize,
  generatePoints,
  gridPoints,
  makeDataset,
  pointsToDraw,
  resolveFeatures,
  splitPoints,
  type PlaygroundState,
} from './index';

describe('dataset generators', () => {
  it.each(DATASET_NAMES)(
    '%s: right count, finite points in the square, valid labels, deterministic',
    (name) => {
      const pts = generatePoints(name, 300, 0.1, 5);
      const info = DATASETS[name];
      expect(pts.length).toBeGreaterThanOrEqual(297);
      for (const p of pts) {
        expect(Number.isFinite(p.x1) && Number.isFinite(p.x2)).toBe(true);
        expect(Math.abs(p.x1)).toBeLessThan(12);
        if (info.problem === 'classification') {
          expect(Number.isInteger(p.label) && p.label >= 0 && p.label < info.numClasses).toBe(true);
        } else expect(Math.abs(p.label)).toBeLessThanOrEqual(1);
      }
      if (info.problem === 'classification') {
        const counts = new Array(info.numClasses).fill(0);
        pts.forEach((p) => counts[p.label]++);
        // Balanced classes (within 20%) so accuracy numbers mean what learners think.
        for (const c of counts) expect(c).toBeGreaterThan((0.8 * pts.length) / info.numClasses);
      }
      expect(generatePoints(name, 300, 0.1, 5)).toEqual(pts);
      expect(generatePoints(name, 300, 0.1, 6)).not.toEqual(pts);
    },
  );

  it('circle: clean points have class 1 inside radius 2.5 and class 0 outside 3.5', () => {
    for (const p of generatePoints('circle', 400, 0, 1)) {
      const r = Math.hypot(p.x1, p.x2);
      expect(p.label === 1 ? r <= 2.5 : r >= 3.5).toBe(true);
    }
  });

  it('xor: clean labels follow the sign of x₁·x₂', () => {
    for (const p of generatePoints('xor', 400, 0, 1)) expect(p.label).toBe(p.x1 * p.x2 >= 0 ? 1 : 0);
  });

  it('plane: the target is (x₁ + x₂) / 12 without noise', () => {
    for (const p of generatePoints('plane', 100, 0, 1)) expect(p.label).toBeCloseTo((p.x1 + p.x2) / 12, 6);
  });

  it('noise moves points: a noisy circle has class-1 points beyond radius 2.5', () => {
    const far = generatePoints('circle', 400, 0.5, 1).filter(
      (p) => p.label === 1 && Math.hypot(p.x1, p.x2) > 2.5,
    );
    expect(far.length).toBeGreaterThan(10);
  });

  it('rejects bad options with ConfigError naming the field', () => {
    expect(() => generatePoints('moon' as never, 10, 0, 1)).toThrow(/dataset/);
    expect(() => generatePoints('xor', 10, 0.9, 1)).toThrow(ConfigError);
    expect(() => generatePoints('xor', 2, 0, 1)).toThrow(/numPoints/);
    expect(() => splitPoints(generatePoints('xor', 10, 0, 1), 0.95, 1)).toThrow(/trainRatio/);
  });

  it('split keeps every point exactly once and follows the ratio', () => {
    const pts = generatePoints('spiral', 200, 0, 3);
    const { train, test } = splitPoints(pts, 0.7, 3);
    expect(train.length).toBe(140);
    expect(test.length).toBe(60);
    const key = (p: { x1: number; x2: number }) => `${p.x1},${p.x2}`;
    expect(new Set([...train, ...test].map(key))).toEqual(new Set(pts.map(key)));
  });

  it('pointsToDraw keeps at most max points, evenly spread, the same step for train and test', () => {
    const train = Array.from({ length: 35_000 }, (_, i) => i);
    const test = Array.from({ length: 15_000 }, (_, i) => -i);
    const d = pointsToDraw(train, test, 2000);
    expect(d.step).toBe(25);
    expect(d.total).toBe(50_000);
    expect(d.train).toHaveLength(1400);
    expect(d.test).toHaveLength(600);
    expect(d.train.slice(0, 3)).toEqual([0, 25, 50]);
    const odd = pointsToDraw(train.slice(0, 2001), [], 2000);
    expect(odd.step).toBe(2);
    expect(odd.train.length).toBeLessThanOrEqual(2000);
    expect(pointsToDraw([1, 2, 3], [4], 2000)).toEqual({ train: [1, 2, 3], test: [4], step: 1, total: 4 });
  });

  it('makeDataset reports problem kind and classes', () => {
    expect(makeDataset('blobs3')).toMatchObject({
      problem: 'classification',
      numClasses: 3,
      classNames: ['0', '1', '2'],
    });
    expect(makeDataset('multiGauss')).toMatchObject({ problem: 'regression', numClasses: 1 });
  });
});

describe('feature transforms', () => {
  it('computes every feature', () => {
    const [a, b] = [1.5, -2];
    expect(featureValue('x1', a, b)).toBe(1.5);
    expect(featureValue('x2', a, b)).toBe(-2);
    expect(featureValue('x1sq', a, b)).toBe(2.25);
    expect(featureValue('x2sq', a, b)).toBe(4);
    expect(featureValue('x1x2', a, b)).toBe(-3);
    expect(featureValue('sinx1', a, b)).toBeCloseTo(Math.sin(1.5));
    expect(featureValue('sinx2', a, b)).toBeCloseTo(Math.sin(-2));
  });

  it('featurize lays out rows in display order regardless of the order asked', () => {
    const m = featurize(
      [
        { x1: 2, x2: 3 },
        { x1: -1, x2: 0 },
      ],
      ['x1x2', 'x1'],
    );
    expect(Array.from(m)).toEqual([2, 6, -1, -0]);
    expect(resolveFeatures(['sinx2', 'x2', 'x1'])).toEqual(['x1', 'x2', 'sinx2']);
    expect(() => resolveFeatures([])).toThrow(ConfigError);
    expect(() => resolveFeatures(['x3'])).toThrow(/features/);
  });

  it('gridPoints starts top-left and covers the square', () => {
    const g = gridPoints(4, 6);
    expect(g.length).toBe(16);
    expect(g[0]).toEqual({ x1: -4.5, x2: 4.5 });
    expect(g[15]).toEqual({ x1: 4.5, x2: -4.5 });
  });
});

describe('output heads', () => {
  it('offers heads that fit the problem and encodes targets', () => {
    expect(allowedHeads('regression', 1)).toEqual(['linear-mse']);
    expect(allowedHeads('classification', 3)).not.toContain('sigmoid-bce');
    const pts = [
      { x1: 0, x2: 0, label: 2 },
      { x1: 0, x2: 0, label: 0 },
    ];
    expect(Array.from(encodeTargets(pts, 'softmax-ce', 'classification', 3))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(Array.from(encodeTargets(pts, 'sigmoid-bce', 'classification', 2))).toEqual([2, 0]);
  });
});

describe('CSV datasets', () => {
  const rows = Array.from({ length: 20 }, (_, i) => `${i},${i * 2},${i % 2 ? 'cat' : 'dog'},${i / 10}`);
  const csv = parseCsv(['a,b,animal,score', ...rows, '3,,dog,1'].join('\n'), 'pets.csv');

  it('builds a classification dataset from a text label, rescaling inputs to [-5, 5]', () => {
    const d = csvToDataset(csv, { x1: 'a', x2: 'b', label: 'animal' }, { trainRatio: 0.5 });
    expect(d.problem).toBe('classification');
    expect(d.classNames).toEqual(['cat', 'dog']);
    expect(d.dropped).toBe(1);
    expect(d.train.length + d.test.length).toBe(20);
    const all = [...d.train, ...d.test];
    expect(Math.min(...all.map((p) => p.x1))).toBeCloseTo(-5);
    expect(Math.max(...all.map((p) => p.x2))).toBeCloseTo(5);
    expect(d.ranges.x1).toEqual([0, 19]);
  });

  it('guesses regression for a fractional numeric target and scales it to [-1, 1]', () => {
    const d = csvToDataset(csv, { x1: 'a', x2: 'b', label: 'score' });
    expect(d.problem).toBe('regression');
    const labels = [...d.train, ...d.test].map((p) => p.label);
    expect(Math.min(...labels)).toBeCloseTo(-1);
    expect(Math.max(...labels)).toBeCloseTo(1);
  });

  it.each([
    [{ x1: 'a', x2: 'zz', label: 'animal' }, /no column "zz"/],
    [{ x1: 'animal', x2: 'b', label: 'score' }, /must hold only numbers/],
    [{ x1: 'a', x2: 'a', label: 'animal' }, /three different columns/],
    [{ x1: 'a', x2: 'b', label: 'animal', problem: 'regression' as const }, /holds text/],
  ])('bad column choice %j gets a clear InputError', (choice, message) => {
    expect(() => csvToDataset(csv, choice)).toThrow(InputError);
    expect(() => csvToDataset(csv, choice)).toThrow(message);
  });

  it('rejects one class, too many classes and too few rows', () => {
    const one = parseCsv(['a,b,c', ...Array.from({ length: 12 }, (_, i) => `${i},${i},x`)].join('\n'));
    expect(() => csvToDataset(one, { x1: 'a', x2: 'b', label: 'c' })).toThrow(/only one class/);
    const many = parseCsv(['a,b,c', ...Array.from({ length: 12 }, (_, i) => `${i},${i},k${i}`)].join('\n'));
    expect(() => csvToDataset(many, { x1: 'a', x2: 'b', label: 'c' })).toThrow(/at most 8 classes/);
    const few = parseCsv(['a,b,c', '1,2,x', '2,3,y'].join('\n'));
    expect(() => csvToDataset(few, { x1: 'a', x2: 'b', label: 'c' })).toThrow(/at least 10/);
  });
});

describe('URL state', () => {
  it('round-trips a full state', () => {
    const s: PlaygroundState = {
      ...DEFAULT_PLAYGROUND_STATE,
      dataset: 'spiral3',
      noise: 0.25,
      trainRatio: 0.7,
      batchSize: 20,
      seed: 9,
      features: ['x1', 'x2', 'sinx1', 'x1x2'],
      hidden: [8, 8, 3],
      activation: 'leakyRelu',
      output: 'linear-mse',
      regularization: 'l2',
      regularizationRate: 0.01,
      dropout: 0.2,
      optimizer: 'nesterov',
      learningRate: 0.003,
      hide: ['dataset', 'features'],
    };
    const { state, ignored } = decodeState(encodeState(s));
    expect(ignored).toEqual([]);
    expect(state).toEqual({ ...s, features: ['x1', 'x2', 'x1x2', 'sinx1'] });
  });

  it('round-trips zero hidden layers and the default state', () => {
    expect(decodeState(encodeState({ ...DEFAULT_PLAYGROUND_STATE, hidden: [] })).state.hidden).toEqual([]);
    expect(decodeState(encodeState(DEFAULT_PLAYGROUND_STATE)).state).toEqual(DEFAULT_PLAYGROUND_STATE);
    expect(decodeState('').state).toEqual(DEFAULT_PLAYGROUND_STATE);
  });

  it('falls back per field on hand-edited nonsense and lists what it ignored', () => {
    const { state, ignored } = decodeState('?data=moon&layers=4,99&lr=-1&act=relu&hide=dataset,bogus');
    expect(state.dataset).toBe('circle');
    expect(state.hidden).toEqual([4, 4]);
    expect(state.learningRate).toBe(0.01);
    expect(state.activation).toBe('relu');
    expect(state.hide).toEqual(['dataset']);
    expect(ignored).toEqual(['data', 'layers', 'hide', 'lr']);
  });
});

describe('Playground network', () => {
  async function trainDefault(dataset: 'xor' | 'circle', epochs: number) {
    const state = { ...DEFAULT_PLAYGROUND_STATE, dataset };
    const net = createPlaygroundNetwork(
      state,
      makeDataset(dataset, { seed: state.seed, trainRatio: state.trainRatio }),
    );
    const first = net.evaluate();
    let last = first;
    for (let i = 0; i < epochs; i++) last = await net.trainEpoch();
    net.dispose();
    return { first, last };
  }

  it.each(['xor', 'circle'] as const)(
    'reaches low test loss on %s with the default settings',
    async (name) => {
      const { first, last } = await trainDefault(name, 40);
      expect(last.testLoss).toBeLessThan(0.1);
      expect(last.testLoss).toBeLessThan(first.testLoss / 3);
      expect(last.testAcc).toBeGreaterThan(0.95);
    },
  );

  it('learns 3 classes with softmax + cross-entropy', async () => {
    const state: PlaygroundState = {
      ...DEFAULT_PLAYGROUND_STATE,
      dataset: 'blobs3',
      output: 'softmax-ce',
      hidden: [6],
    };
    const net = createPlaygroundNetwork(state, makeDataset('blobs3'));
    for (let i = 0; i < 25; i++) await net.trainEpoch();
    expect(net.evaluate().testAcc).toBeGreaterThan(0.9);
    const snap = net.snapshot(10);
    expect(snap.confidence).toBeDefined();
    expect(new Set(Array.from(snap.output))).toEqual(new Set([0, 1, 2]));
    const cm = net.testConfusion()!;
    expect(cm.flat().reduce((a, b) => a + b, 0)).toBe(net.dataset.test.length);
    // Mostly correct: the diagonal holds over 90% of the test points.
    expect(cm[0][0] + cm[1][1] + cm[2][2]).toBeGreaterThan(0.9 * net.dataset.test.length);
    net.dispose();
  });

  it('snapshot has one map per input feature and per neuron, and weights of the right shapes', () => {
    const state: PlaygroundState = {
      ...DEFAULT_PLAYGROUND_STATE,
      features: ['x1', 'x2', 'x1sq'],
      hidden: [5, 3],
      activation: 'leakyRelu',
      dropout: 0.2,
      regularization: 'l1',
    };
    const net = createPlaygroundNetwork(state, makeDataset('circle', { numPoints: 50 }));
    const s = net.snapshot(12);
    expect(s.inputs.length).toBe(3);
    expect(s.neurons.map((l) => l.length)).toEqual([5, 3]);
    expect(s.neurons[0][0].length).toBe(144);
    expect(s.weights.map((w) => [w.kernel.length, w.kernel[0].length, w.bias.length])).toEqual([
      [3, 5, 5],
      [5, 3, 3],
      [3, 1, 1],
    ]);
    // Leaky ReLU lets small negative values through, so a hidden map must contain some.
    expect(s.neurons[0].some((m) => m.some((v) => v < 0))).toBe(true);
    net.dispose();
  });

  it('the dense engine and tfjs train the same network to the same weights, losses and maps', async () => {
    const state: PlaygroundState = {
      ...DEFAULT_PLAYGROUND_STATE,
      dataset: 'spiral',
      features: ['x1', 'x2', 'sinx1'],
      hidden: [6, 4],
      activation: 'relu',
      regularization: 'l2',
      regularizationRate: 0.003,
      dropout: 0.1,
    };
    const data = makeDataset('spiral', { numPoints: 100 });
    const tensorsBefore = tf.memory().numTensors;
    const js = createPlaygroundNetwork(state, data);
    const ref = createPlaygroundNetwork(state, data, { engine: 'tfjs' });
    expect([js.engine, ref.engine]).toEqual(['js', 'tfjs']);
    for (let i = 0; i < 2; i++) {
      await js.trainEpoch();
      await ref.trainEpoch();
    }
    expect(js.lastBatchLoss).toBeCloseTo(ref.lastBatchLoss, 4);
    const a = js.snapshot(10);
    const b = ref.snapshot(10);
    a.weights.forEach((w, k) =>
      w.kernel.flat().forEach((v, i) => expect(v).toBeCloseTo(b.weights[k].kernel.flat()[i], 5)),
    );
    a.output.forEach((v, i) => expect(v).toBeCloseTo(b.output[i], 4));
    expect(js.evaluate().testLoss).toBeCloseTo(ref.evaluate().testLoss, 4);
    js.dispose();
    ref.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('does not leak tensors across create, train, snapshot, evaluate and dispose (tfjs engine)', async () => {
    const before = tf.memory().numTensors;
    const net = createPlaygroundNetwork(
      { ...DEFAULT_PLAYGROUND_STATE, optimizer: 'adam' },
      makeDataset('xor', { numPoints: 60 }),
      { engine: 'tfjs' },
    );
    await net.trainEpoch();
    net.snapshot(8);
    net.snapshot(16);
    net.evaluate();
    net.predictPoints([{ x1: 1, x2: 1 }]);
    net.testConfusion();
    net.dispose();
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a zero-hidden-layer network is a linear model and cannot solve XOR', async () => {
    const net = createPlaygroundNetwork({ ...DEFAULT_PLAYGROUND_STATE, hidden: [] }, makeDataset('xor'));
    for (let i = 0; i < 20; i++) await net.trainEpoch();
    expect(net.evaluate().testAcc).toBeLessThan(0.75);
    net.dispose();
  });
});
