import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

import { DEFAULT_AUTOENCODER_CONFIG } from '../lab/autoencoder';
import { DEFAULT_CNN_STACK } from '../lab/cnn-lab';
import { DEFAULT_FORECAST_CONFIG } from '../lab/forecast';
import { DEFAULT_MIN_SCORE, DEFAULT_POSE_MODEL } from '../pose/constants';
import { DEFAULT_DREAM_CONFIG, DEFAULT_STYLE_CONFIG } from '../vision/constants';
import {
  DRAWING_PIXELS,
  DrawingsSchema,
  MAX_STORED_CNN_LAYERS,
  MAX_STORED_DRAWINGS,
  PlaygroundCsvSchema,
  StoredTuningSchema,
  cnnLabSchema,
  digitsAutoencoderSchema,
  dreamSettingsSchema,
  poseSettingsSchema,
  readStored,
  sequenceLabSchema,
  storedList,
  storedObject,
  styleSettingsSchema,
  tableAutoencoderSchema,
  type StoredDreamSettings,
  type StoredPoseSettings,
  type StoredStyleSettings,
  type StoredTableAutoencoder,
} from './stored';

/** Values a hostile or damaged store might hold in place of anything. */
const GARBAGE: unknown[] = [
  undefined,
  null,
  NaN,
  Infinity,
  -1e308,
  'x'.repeat(10_000),
  '<img src=x onerror=alert(1)>',
  [],
  new Array(100_000).fill(7),
  {},
  { __proto__: { polluted: true } },
  () => 1,
  true,
];

describe('storedObject', () => {
  const schema = storedObject<{ a: number; b: string }>(
    { a: v.pipe(v.number(), v.minValue(0), v.maxValue(10)), b: v.picklist(['x', 'y']) },
    { a: 5, b: 'x' },
  );

  it('gives all defaults for a value that is not an object, and never throws', () => {
    for (const g of GARBAGE) expect(readStored(schema, g)).toEqual({ a: 5, b: 'x' });
  });

  it('repairs each field on its own and keeps the good ones', () => {
    expect(readStored(schema, { a: 3, b: 'nope' })).toEqual({ a: 3, b: 'x' });
    expect(readStored(schema, { a: NaN, b: 'y' })).toEqual({ a: 5, b: 'y' });
    expect(readStored(schema, { a: 11, b: 'y' })).toEqual({ a: 5, b: 'y' });
    expect(readStored(schema, { b: 'y' })).toEqual({ a: 5, b: 'y' });
  });

  it('drops unknown keys', () => {
    expect(readStored(schema, { a: 1, b: 'y', evil: 1 })).toEqual({ a: 1, b: 'y' });
  });

  it('hands out a copy of the defaults, never the defaults themselves', () => {
    const defaults = { list: [1, 2] };
    const s = storedObject<{ list: number[] }>({ list: v.array(v.number()) }, defaults);
    const read = readStored(s, 'garbage');
    read.list.push(3);
    expect(defaults.list).toEqual([1, 2]);
  });
});

describe('storedList', () => {
  const schema = storedList(v.pipe(v.number(), v.integer()), 3, [9]);
  it('gives the defaults for a value that is not a list', () => {
    for (const g of [null, undefined, 'abc', { length: 2 }, 4]) expect(readStored(schema, g)).toEqual([9]);
  });
  it('drops bad items and cuts the list to its limit before reading it', () => {
    expect(readStored(schema, [1, 2.5, 3, 4])).toEqual([1, 3]);
    expect(readStored(schema, new Array(1_000_000).fill(1))).toEqual([1, 1, 1]);
  });
  it('gives the defaults when no item is good, and keeps an empty list empty', () => {
    expect(readStored(schema, ['a', 0.5, null])).toEqual([9]);
    expect(readStored(schema, [])).toEqual([]);
  });
});

describe('Pose settings', () => {
  const defaults: StoredPoseSettings = {
    model: DEFAULT_POSE_MODEL,
    multiPose: false,
    inputResolution: 257,
    minScore: DEFAULT_MIN_SCORE,
    mirror: true,
  };
  const schema = poseSettingsSchema(defaults);

  it('keeps good settings', () => {
    const good: StoredPoseSettings = {
      model: 'posenet',
      multiPose: true,
      inputResolution: 353,
      minScore: 0.55,
      mirror: false,
    };
    expect(readStored(schema, good)).toEqual(good);
  });

  it('repairs wrong types, NaN, unknown models and resolutions, and out-of-range scores', () => {
    const bad = { model: 'evil-net', multiPose: 'yes', inputResolution: 300, minScore: NaN, mirror: 1 };
    expect(readStored(schema, bad)).toEqual(defaults);
    expect(readStored(schema, { ...defaults, minScore: 7 })).toEqual(defaults);
    expect(readStored(schema, { ...defaults, minScore: -0.1 })).toEqual(defaults);
    expect(readStored(schema, { ...defaults, model: 'posenet' }).model).toBe('posenet');
    for (const g of GARBAGE) expect(readStored(schema, g)).toEqual(defaults);
  });
});

describe('CNN lab', () => {
  const defaults = {
    stack: [...DEFAULT_CNN_STACK],
    settings: { epochs: 2, batchSize: 32, learningRate: 0.003, subset: 2000 },
  };
  const schema = cnnLabSchema(defaults);

  it('keeps a good stack and settings', () => {
    const good = {
      stack: [
        { kind: 'conv', filters: 16, kernelSize: 5 },
        { kind: 'avgPool', poolSize: 3 },
        { kind: 'dropout', rate: 0.5 },
        { kind: 'dense', units: 64 },
      ],
      settings: { epochs: 5, batchSize: 64, learningRate: 0.01, subset: 4000 },
    };
    expect(readStored(schema, good)).toEqual(good);
  });

  it('drops damaged layers, cuts a huge stack and repairs each setting', () => {
    const read = readStored(schema, {
      stack: [
        { kind: 'conv', filters: 8, kernelSize: 3 },
        { kind: 'conv', filters: 1e9, kernelSize: 3 },
        { kind: 'lstm', units: 4 },
        { kind: 'dropout', rate: NaN },
        'conv',
        null,
      ],
      settings: { epochs: 'ten', batchSize: 64, learningRate: Infinity, subset: -5 },
    });
    expect(read.stack).toEqual([{ kind: 'conv', filters: 8, kernelSize: 3 }]);
    expect(read.settings).toEqual({ ...defaults.settings, batchSize: 64 });
    const huge = readStored(schema, { stack: new Array(50_000).fill({ kind: 'dense', units: 32 }) });
    expect(huge.stack).toHaveLength(MAX_STORED_CNN_LAYERS);
  });

  it('gives the default stack when the stack is not a list', () => {
    expect(readStored(schema, { stack: { 0: 'x' } }).stack).toEqual(defaults.stack);
    for (const g of GARBAGE) expect(readStored(schema, g)).toEqual(defaults);
  });
});

describe('Sequence lab', () => {
  const SOURCES = ['sine', 'co2', 'csv'] as const;
  const defaults = { source: 'sine' as (typeof SOURCES)[number], config: { ...DEFAULT_FORECAST_CONFIG } };
  const schema = sequenceLabSchema(SOURCES, defaults);

  it('keeps a good experiment with its table', () => {
    const good = {
      source: 'csv' as const,
      config: {
        ...DEFAULT_FORECAST_CONFIG,
        cell: 'gru' as const,
        units: [8, 8],
        window: 30,
        split: { train: 0.6, validation: 0.2, test: 0.2 },
      },
      csv: { name: 'a.csv', text: 'd,v\n1,2\n', date: 'd', value: 'v' },
    };
    expect(readStored(schema, good)).toEqual(good);
  });

  it('repairs each config field, an unknown source and a damaged table', () => {
    const read = readStored(schema, {
      source: 'evil',
      config: {
        ...DEFAULT_FORECAST_CONFIG,
        cell: 'transformer',
        units: new Array(1000).fill(16),
        window: NaN,
        horizon: 6,
        split: { train: 0.9, validation: 0.9, test: 0.9 },
        learningRate: 0,
      },
      csv: { name: 5, text: 'a,b' },
    });
    expect(read).toEqual({ source: 'sine', config: { ...DEFAULT_FORECAST_CONFIG, horizon: 6 } });
    for (const g of GARBAGE) expect(readStored(schema, g)).toEqual(defaults);
  });
});

describe('Autoencoder lab', () => {
  it('digits: keeps good settings and repairs bad ones field by field', () => {
    const defaults = { mode: 'all' as const, normalDigit: 1, config: { ...DEFAULT_AUTOENCODER_CONFIG } };
    const schema = digitsAutoencoderSchema(defaults);
    const good = {
      mode: 'anomaly' as const,
      normalDigit: 7,
      config: { ...DEFAULT_AUTOENCODER_CONFIG, kind: 'conv' as const, bottleneck: 8 },
    };
    expect(readStored(schema, good)).toEqual(good);
    expect(
      readStored(schema, {
        mode: 'anomaly',
        normalDigit: 12,
        config: { kind: 'gan', bottleneck: 3, epochs: -1, batchSize: 1e12 },
      }),
    ).toEqual({ mode: 'anomaly', normalDigit: 1, config: { ...DEFAULT_AUTOENCODER_CONFIG, bottleneck: 3 } });
    for (const g of GARBAGE) expect(readStored(schema, g)).toEqual(defaults);
  });

  it('table: keeps a good choice and upload, repairs bad ones', () => {
    const defaults: StoredTableAutoencoder = {
      source: 'seattle',
      choice: { features: ['a', 'b'], label: 'w', normal: ['sun'] },
      bottleneck: 2,
      epochs: 60,
    };
    const schema = tableAutoencoderSchema(defaults);
    const good: StoredTableAutoencoder = {
      source: 'csv',
      choice: { features: ['x'], label: null, normal: [] },
      bottleneck: 4,
      epochs: 100,
      upload: { name: 't.csv', text: 'x\n1\n' },
    };
    expect(readStored(schema, good)).toEqual(good);
    const read = readStored(schema, {
      source: 'ftp',
      choice: { features: [], label: 3, normal: new Array(10_000).fill('a') },
      bottleneck: 2.5,
      epochs: 150,
      upload: { name: 't.csv', text: 42 },
    });
    expect(read).toEqual({ ...defaults, epochs: 150 });
    for (const g of GARBAGE) expect(readStored(schema, g)).toEqual(defaults);
  });
});

describe('Playground table', () => {
  it('keeps a good saved table', () => {
    const good = {
      name: 'p.csv',
      text: 'a,b,c\n1,2,x\n',
      choice: { x1: 'a', x2: 'b', label: 'c', problem: 'auto' },
    };
    expect(readStored(PlaygroundCsvSchema, good)).toEqual(good);
  });
  it('reads a damaged one as no table at all', () => {
    expect(readStored(PlaygroundCsvSchema, { name: 'p.csv', text: ['a'], choice: {} })).toBeNull();
    expect(
      readStored(PlaygroundCsvSchema, {
        name: 'p.csv',
        text: 'a',
        choice: { x1: 'a', x2: 'b', label: 'c', problem: 'magic' },
      }),
    ).toBeNull();
    for (const g of GARBAGE) expect(readStored(PlaygroundCsvSchema, g)).toBeNull();
  });
});

describe('Digits drawings', () => {
  const drawing = (label: number) => ({ pixels: new Array<number>(DRAWING_PIXELS).fill(0.5), label });
  it('keeps good drawings and drops damaged ones', () => {
    const short = { pixels: [0.5, 0.5], label: 3 };
    const bright = { pixels: new Array<number>(DRAWING_PIXELS).fill(2), label: 3 };
    const nan = { ...drawing(1), label: NaN };
    expect(readStored(DrawingsSchema, [drawing(3), short, bright, nan, 'x', drawing(9)])).toEqual([
      drawing(3),
      drawing(9),
    ]);
  });
  it('cuts a huge list and reads garbage as no drawings', () => {
    const many = new Array(MAX_STORED_DRAWINGS + 500).fill(drawing(0));
    expect(readStored(DrawingsSchema, many)).toHaveLength(MAX_STORED_DRAWINGS);
    for (const g of GARBAGE.filter((x) => !Array.isArray(x)))
      expect(readStored(DrawingsSchema, g)).toEqual([]);
  });
});

describe('Dream and style settings', () => {
  const D = DEFAULT_DREAM_CONFIG;
  const dreamDefaults: StoredDreamSettings = {
    layer: D.layer,
    channel: D.channel,
    octaves: D.octaves,
    octaveScale: D.octaveScale,
    stepsPerOctave: D.stepsPerOctave,
    stepSize: D.stepSize,
    jitter: D.jitter,
    strength: D.strength,
    size: 256,
  };
  const styleDefaults: StoredStyleSettings = {
    contentWeight: DEFAULT_STYLE_CONFIG.contentWeight,
    styleWeight: DEFAULT_STYLE_CONFIG.styleWeight,
    tvWeight: DEFAULT_STYLE_CONFIG.tvWeight,
    iterations: DEFAULT_STYLE_CONFIG.iterations,
    keepColours: false,
    size: 256,
  };

  it('dream: keeps good settings and repairs each bad field', () => {
    const schema = dreamSettingsSchema(dreamDefaults);
    const good = { ...dreamDefaults, layer: 'shapes' as const, channel: 12, octaves: 5, size: 512 };
    expect(readStored(schema, good)).toEqual(good);
    expect(
      readStored(schema, {
        ...good,
        jitter: 20,
        layer: 'soul',
        channel: -3,
        octaves: 1e6,
        strength: NaN,
        size: 1e4,
      }),
    ).toEqual({ ...dreamDefaults, jitter: 20 });
    for (const g of GARBAGE) expect(readStored(schema, g)).toEqual(dreamDefaults);
  });

  it('style: keeps good settings and repairs each bad field', () => {
    const schema = styleSettingsSchema(styleDefaults);
    const good = { ...styleDefaults, styleWeight: 500, iterations: 100, keepColours: true, size: 128 };
    expect(readStored(schema, good)).toEqual(good);
    expect(readStored(schema, { ...good, styleWeight: -1, iterations: 2.5, keepColours: 'no' })).toEqual({
      ...good,
      styleWeight: styleDefaults.styleWeight,
      iterations: styleDefaults.iterations,
      keepColours: false,
    });
    for (const g of GARBAGE) expect(readStored(schema, g)).toEqual(styleDefaults);
  });
});

describe('Music tuned model', () => {
  const tuning = {
    artifacts: {
      config: { type: 'MusicRNN', dataConverter: {} },
      specs: [{ name: 'w', shape: [2, 2], dtype: 'float32' }],
      data: new ArrayBuffer(16),
    },
    result: { valLossBefore: 2, valLossAfter: 1.5, steps: 40, bestStep: 35, cancelled: false },
    sources: ['a.mid'],
    savedAt: 1,
  };
  it('keeps a good record', () => {
    expect(readStored(StoredTuningSchema, tuning)).toEqual(tuning);
  });
  it('reads a damaged record as no tuned model', () => {
    expect(
      readStored(StoredTuningSchema, { ...tuning, artifacts: { ...tuning.artifacts, data: [1, 2] } }),
    ).toBeNull();
    expect(readStored(StoredTuningSchema, { ...tuning, result: 'great' })).toBeNull();
    for (const g of GARBAGE) expect(readStored(StoredTuningSchema, g)).toBeNull();
  });
});
