// Teachable Machine import on a model we build in TM's exact format (no real TM model can be downloaded here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import { zipFiles } from '../persist';
import {
  loadTeachableMachineModel,
  makeTeachableMachineStyleFiles,
  predictTeachableMachine,
  teachableMachineInput,
} from './teachable-machine';

describe('Teachable Machine import', () => {
  it('loads the three files (or a zip) and predicts one probability per label without leaking', async () => {
    const files = await makeTeachableMachineStyleFiles(['Cat', 'Dog', 'Nothing']);
    for (const set of [files, [{ name: 'converted_keras.zip', data: zipFiles(files) }]]) {
      const tm = await loadTeachableMachineModel(set);
      expect(tm.metadata.labels).toEqual(['Cat', 'Dog', 'Nothing']);
      expect(tm.imageSize).toBe(224);
      const img = tf.randomUniform([300, 400, 3], 0, 255, 'int32', 1) as tf.Tensor3D;
      const before = tf.memory().numTensors;
      const p = await predictTeachableMachine(tm, img);
      expect(tf.memory().numTensors).toBe(before);
      expect(p).toHaveLength(3);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      img.dispose();
      tm.model.dispose();
    }
  });

  it('normalises pixels like TM: x / 127 − 1 on the centred square', () => {
    const img = tf.fill([10, 20, 3], 254, 'int32') as tf.Tensor3D;
    const x = teachableMachineInput(img, 224);
    expect(x.shape).toEqual([1, 224, 224, 3]);
    expect(x.max().dataSync()[0]).toBeCloseTo(1, 5);
    tf.dispose([img, x]);
  });

  it('says what is wrong with a bad set', async () => {
    const files = await makeTeachableMachineStyleFiles(['A', 'B']);
    const without = (name: string) => files.filter((f) => f.name !== name);
    await expect(loadTeachableMachineModel(without('metadata.json'))).rejects.toThrow(
      /metadata\.json is missing/,
    );
    await expect(loadTeachableMachineModel(without('weights.bin'))).rejects.toThrow(/weights\.bin.*missing/);
    await expect(loadTeachableMachineModel(without('model.json'))).rejects.toThrow(/No model\.json/);
    const threeLabels = [
      ...without('metadata.json'),
      { name: 'metadata.json', data: strToU8(JSON.stringify({ labels: ['A', 'B', 'C'] })) },
    ];
    await expect(loadTeachableMachineModel(threeLabels)).rejects.toThrow(
      /2 outputs but metadata\.json lists 3 labels/,
    );
    const cut = files.map((f) =>
      f.name === 'weights.bin' ? { name: f.name, data: f.data.slice(0, 100) } : f,
    );
    await expect(loadTeachableMachineModel(cut)).rejects.toThrow(InputError);
    const notJson = [...without('model.json'), { name: 'model.json', data: strToU8('<html>') }];
    await expect(loadTeachableMachineModel(notJson)).rejects.toThrow(/not valid JSON/);
    // An imageSize like 30000 would build a tensor that breaks the engine: refused before loading.
    const before = tf.memory().numTensors;
    const huge = [
      ...without('metadata.json'),
      { name: 'metadata.json', data: strToU8(JSON.stringify({ labels: ['A', 'B'], imageSize: 30000 })) },
    ];
    await expect(loadTeachableMachineModel(huge)).rejects.toThrow(
      /imageSize 30000; image models take 32 to 512/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the committed e2e fixture (tests/fixtures/image/tm-model) is exactly what the builder makes', async () => {
    const dir = join(__dirname, '..', '..', 'tests', 'fixtures', 'image', 'tm-model');
    const disk = ['model.json', 'weights.bin', 'metadata.json'].map((name) => ({
      name,
      data: new Uint8Array(readFileSync(join(dir, name))),
    }));
    const made = await makeTeachableMachineStyleFiles(['Ball', 'Block'], 1);
    expect(Array.from(disk[1].data)).toEqual(Array.from(made.find((f) => f.name === 'weights.bin')!.data));
    const tm = await loadTeachableMachineModel(disk);
    expect(tm.metadata.labels).toEqual(['Ball', 'Block']);
    tm.model.dispose();
  });
});
