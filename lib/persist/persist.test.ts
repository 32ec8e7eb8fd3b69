import 'fake-indexeddb/auto';

import * as tf from '@tensorflow/tfjs';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import { makeZipBomb } from '../files/test-files';
import {
  clearAllLocalData,
  exportModelZip,
  importModelFiles,
  listLocalData,
  loadImportedLayersModel,
  loadModelFromDb,
  loadProject,
  saveModelToDb,
  saveProject,
} from './index';

function tinyModel(): tf.Sequential {
  const m = tf.sequential();
  m.add(
    tf.layers.dense({
      inputShape: [3],
      units: 4,
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    }),
  );
  m.add(
    tf.layers.dense({
      units: 2,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
    }),
  );
  return m;
}

async function predictArray(model: tf.LayersModel): Promise<number[]> {
  const out = tf.tidy(
    () =>
      model.predict(
        tf.tensor2d([
          [0.1, -0.5, 2],
          [1, 1, 1],
        ]),
      ) as tf.Tensor,
  );
  const v = Array.from(await out.data());
  out.dispose();
  return v;
}

describe('projects in IndexedDB', () => {
  it('saves and loads a project', async () => {
    await saveProject('image/current', { classes: ['a', 'b'], n: 2 });
    expect(await loadProject('image/current')).toEqual({ classes: ['a', 'b'], n: 2 });
    expect(await loadProject('missing')).toBeUndefined();
  });
});

describe('models in IndexedDB', () => {
  it('round-trips predictions and metadata, without leaking tensors', async () => {
    const model = tinyModel();
    const before = await predictArray(model);
    const tensorsBefore = tf.memory().numTensors;
    await saveModelToDb(model, 'test/tiny', { labels: ['x', 'y'] });
    const { model: loaded, metadata } = await loadModelFromDb('test/tiny');
    expect(metadata.labels).toEqual(['x', 'y']);
    expect(await predictArray(loaded)).toEqual(before);
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    model.dispose();
  });

  it('clearAllLocalData removes projects and models', async () => {
    await saveProject('p1', 1);
    const listed = await listLocalData();
    expect(listed.projects.length + listed.models.length).toBeGreaterThan(0);
    const removed = await clearAllLocalData();
    expect(removed).toBeGreaterThan(0);
    expect(await listLocalData()).toEqual({ projects: [], models: [] });
  });
});

describe('model files', () => {
  it('export then import gives the same predictions', async () => {
    const model = tinyModel();
    const zip = await exportModelZip(model, { labels: ['x', 'y'], imageSize: 224 });
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
    const { model: back, metadata } = await loadImportedLayersModel([{ name: 'my-model.zip', data: zip }]);
    expect(metadata).toEqual({ labels: ['x', 'y'], imageSize: 224 });
    expect(await predictArray(back)).toEqual(await predictArray(model));
    back.dispose();
    model.dispose();
  });

  it('imports the three files given separately', async () => {
    const model = tinyModel();
    const files = Object.entries(unzipSync(await exportModelZip(model, {}))).map(([name, data]) => ({
      name,
      data,
    }));
    const back = await loadImportedLayersModel(files);
    expect(await predictArray(back.model)).toEqual(await predictArray(model));
    back.model.dispose();
    model.dispose();
  });

  it.each([
    ['no model.json', [{ name: 'notes.txt', data: strToU8('hello') }], /No model.json/],
    ['model.json not JSON', [{ name: 'model.json', data: strToU8('{oops') }], /not valid JSON/],
    ['not a tfjs model', [{ name: 'model.json', data: strToU8('{"a":1}') }], /is damaged: modelTopology/],
    ['a zip bomb', [{ name: 'bomb.zip', data: makeZipBomb() }], /"bomb.zip" expands to 1\.2 GB/],
    [
      '100,000 classes',
      [
        { name: 'model.json', data: strToU8('{"modelTopology":{},"weightsManifest":[]}') },
        {
          name: 'metadata.json',
          data: strToU8(JSON.stringify({ labels: Array.from({ length: 100_000 }, String) })),
        },
      ],
      /has 100,000 classes; the studios take up to 20/,
    ],
    ['damaged zip', [{ name: 'm.zip', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }], /damaged/],
  ])('rejects %s with a clear InputError', (_label, files, message) => {
    expect(() => importModelFiles(files)).toThrow(InputError);
    expect(() => importModelFiles(files)).toThrow(message);
  });

  it('rejects weights that do not match model.json', async () => {
    const model = tinyModel();
    const entries = unzipSync(await exportModelZip(model, {}));
    const files = [
      { name: 'model.json', data: entries['model.json'] },
      { name: 'weights.bin', data: entries['weights.bin'].slice(0, 10) },
    ];
    expect(() => importModelFiles(files)).toThrow(/do not belong together/);
    const missing = [{ name: 'model.json', data: entries['model.json'] }];
    expect(() => importModelFiles(missing)).toThrow(/missing/);
    model.dispose();
  });
});
