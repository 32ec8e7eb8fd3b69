// The one project schema and zip format: version-1 projects (IndexedDB and zips) still load, every
// payload kind survives export → import, and damaged or foreign files are named.
import * as tf from '@tensorflow/tfjs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import { makePng } from '../files/test-files';
import { captureArtifacts } from '../persist';
import { DEFAULT_HEAD_CONFIG } from './constants';
import { createHead, disposeHead, predictHead } from './head';
import { headLearner, loadModelArtifacts } from './learner';
import { emptyProject, migrateProject, type TeachableProject } from './project';
import { exportProjectZip, importProjectZip, isProjectZip } from './project-zip';
import type { FeatureExtractor } from './types';

const settings = { ...DEFAULT_HEAD_CONFIG, hidden: [4] };

/** A project as the Image and Pose studios saved it in IndexedDB before payloads (version 1). */
async function v1Project(head: tf.LayersModel | null) {
  return {
    version: 1,
    extractor: 'toy-3',
    featureSize: 3,
    classes: [
      {
        id: 'c0',
        name: 'Cat',
        samples: [
          {
            id: 's0',
            thumb: new Uint8Array([9, 8]),
            thumbType: 'image/jpeg',
            feature: new Float32Array([1, 2, 3]),
          },
        ],
      },
      { id: 'c1', name: 'Dog', samples: [] },
    ],
    settings,
    augment: { enabled: true, copies: 3, flip: true, crop: false, brightness: true },
    head: head ? { artifacts: await captureArtifacts(head), labels: ['Cat', 'Dog'], trainedAt: 7 } : null,
    updatedAt: 11,
  };
}

describe('migrateProject', () => {
  it('turns a saved version-1 project into version 2, keeping samples, settings and the head', async () => {
    const head = createHead(3, 2, { hidden: [4], seed: 1 });
    const v1 = await v1Project(head);
    const p = migrateProject(v1)!;
    expect(p.version).toBe(2);
    expect(p.classes[0].samples[0]).toEqual({
      id: 's0',
      feature: new Float32Array([1, 2, 3]),
      payload: { kind: 'picture', bytes: new Uint8Array([9, 8]), type: 'image/jpeg' },
    });
    expect(p.augment.copies).toBe(3);
    expect(p.revision).toBe(0);
    const back = await loadModelArtifacts(p.head!.artifacts);
    const f = new Float32Array([0.5, -1, 2]);
    expect(await predictHead(back, f)).toEqual(await predictHead(head, f));
    disposeHead(back);
    disposeHead(head);
  });

  it('passes version 2 through and refuses anything else', () => {
    const p = emptyProject({ extractor: 'x', featureSize: 2, settings, className: (n) => `C${n}` });
    expect(migrateProject(p)).toBe(p);
    expect(migrateProject({ version: 3, extractor: 'x', classes: [] })).toBeNull();
    expect(migrateProject('hello')).toBeNull();
  });
});

describe('project zip', () => {
  it('round-trips pictures, clips, a background class, options and the trained model', async () => {
    const before = tf.memory().numTensors;
    const head = createHead(2, 3, { hidden: [4], seed: 2 });
    const clip = Float32Array.from({ length: 800 }, (_, i) => 0.5 * Math.sin(i / 7));
    const project: TeachableProject = {
      ...emptyProject({ extractor: 'toy-2', featureSize: 2, settings, className: (n) => `C${n}` }),
      classes: [
        {
          id: 'bg',
          name: 'Background',
          background: true,
          samples: [
            {
              id: 'a',
              feature: new Float32Array([1, 2]),
              payload: { kind: 'clip', samples: clip, sampleRate: 8000, source: 'file', file: 'room.wav' },
            },
          ],
        },
        {
          id: 'p',
          name: 'Picture',
          samples: [
            {
              id: 'b',
              feature: new Float32Array([3, 4]),
              payload: { kind: 'picture', bytes: new Uint8Array([1, 2, 3]), type: 'image/png' },
            },
          ],
        },
        {
          id: 'e',
          name: 'Empty picture',
          samples: [
            {
              id: 'c',
              feature: new Float32Array([5, 6]),
              payload: { kind: 'picture', bytes: new Uint8Array(0), type: 'image/jpeg' },
            },
          ],
        },
      ],
      head: {
        artifacts: await captureArtifacts(head),
        labels: ['x', 'y', 'z'],
        trainedAt: 3,
        metadata: { note: 'hi' },
        revision: 4,
      },
      revision: 5,
      options: { threshold: 0.6 },
    };
    const zip = exportProjectZip(project);
    expect(isProjectZip(zip)).toBe(true);
    const back = importProjectZip('p.zip', zip, 'toy-2');
    expect(back.classes.map((c) => [c.name, !!c.background, c.samples.length])).toEqual([
      ['Background', true, 1],
      ['Picture', false, 1],
      ['Empty picture', false, 1],
    ]);
    const a = back.classes[0].samples[0].payload;
    expect(a).toMatchObject({ kind: 'clip', sampleRate: 8000, source: 'file', file: 'room.wav' });
    // 16-bit WAV keeps every sample within one quantisation step.
    if (a.kind === 'clip') a.samples.forEach((v, i) => expect(Math.abs(v - clip[i])).toBeLessThan(1e-4));
    expect(back.classes[1].samples[0].payload).toEqual({
      kind: 'picture',
      bytes: new Uint8Array([1, 2, 3]),
      type: 'image/png',
    });
    expect(back.classes[2].samples[0].payload).toMatchObject({ bytes: new Uint8Array(0) });
    expect(Array.from(back.classes[2].samples[0].feature)).toEqual([5, 6]);
    expect(back).toMatchObject({ revision: 5, options: { threshold: 0.6 }, settings });
    expect(back.head).toMatchObject({ labels: ['x', 'y', 'z'], metadata: { note: 'hi' }, revision: 4 });
    const model = await loadModelArtifacts(back.head!.artifacts);
    const f = new Float32Array([0.3, 0.9]);
    expect(await predictHead(model, f)).toEqual(await predictHead(head, f));
    disposeHead(model);
    disposeHead(head);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads a version-1 project zip of the Image and Pose studios', () => {
    const json = {
      format: 'creative-ai-studio/transfer-project',
      version: 1,
      extractor: 'toy-2',
      featureSize: 2,
      classes: [
        { id: 'c', name: 'Ball', samples: [{ id: 's', thumbType: 'image/jpeg', thumb: 'thumbs/s.jpg' }] },
      ],
      settings,
      augment: { enabled: false, copies: 2, flip: true, crop: true, brightness: true },
      head: null,
      updatedAt: 1,
    };
    const zip = zipSync({
      'project.json': strToU8(JSON.stringify(json)),
      'features.bin': new Uint8Array(new Float32Array([7, 8]).buffer),
      'thumbs/s.jpg': new Uint8Array([4, 5]),
    });
    const p = importProjectZip('old.zip', zip, 'toy-2');
    expect(p.version).toBe(2);
    expect(p.classes[0].samples[0]).toEqual({
      id: 's',
      feature: new Float32Array([7, 8]),
      payload: { kind: 'picture', bytes: new Uint8Array([4, 5]), type: 'image/jpeg' },
    });
  });

  it('names a damaged or foreign file', () => {
    const p = emptyProject({ extractor: 'toy-2', featureSize: 2, settings, className: (n) => `C${n}` });
    p.classes[0].samples.push({
      id: 's',
      feature: new Float32Array([1, 2]),
      payload: { kind: 'picture', bytes: new Uint8Array(0), type: 'image/jpeg' },
    });
    expect(() => importProjectZip('p.zip', exportProjectZip(p), 'other')).toThrow(/another studio \(toy-2\)/);
    expect(() => importProjectZip('x.txt', strToU8('hello'))).toThrow(InputError);
    expect(() => importProjectZip('x.zip', zipSync({ 'a.txt': strToU8('hi') }))).toThrow(
      /not a project file/,
    );
    const broken = zipSync({
      'project.json': strToU8(
        JSON.stringify({
          ...JSON.parse('{}'),
          format: 'creative-ai-studio/teachable-project',
          version: 2,
          extractor: 'toy-2',
          featureSize: 2,
          classes: [
            { id: 'c', name: 'A', samples: [{ id: 's', kind: 'picture', type: 'image/jpeg', file: null }] },
          ],
        }),
      ),
    });
    expect(() => importProjectZip('b.zip', broken)).toThrow(/features.bin/);
    expect(isProjectZip(strToU8('hello'))).toBe(false);
  });

  it('fills a project.json without settings or augment with defaults, and refuses wrong types and ../ paths', () => {
    const bare = {
      format: 'creative-ai-studio/teachable-project',
      version: 2,
      extractor: 'toy-0',
      featureSize: 0,
      classes: [{ id: 'c', name: 'A', samples: [] }],
    };
    const p = importProjectZip('bare.zip', zipSync({ 'project.json': strToU8(JSON.stringify(bare)) }));
    expect(p.settings).toEqual({});
    expect(p.augment.enabled).toBe(false);
    expect(p.options).toEqual({});
    const wrong = zipSync({
      'project.json': strToU8(JSON.stringify({ ...bare, classes: [{ id: 'c', name: 'A', samples: 7 }] })),
    });
    expect(() => importProjectZip('wrong.zip', wrong)).toThrow(/classes\.0\.samples/);
    const escape = zipSync({
      'project.json': strToU8(
        JSON.stringify({
          ...bare,
          classes: [
            {
              id: 'c',
              name: 'A',
              samples: [{ id: 's', kind: 'picture', type: 'image/png', file: '../../x' }],
            },
          ],
        }),
      ),
    });
    expect(() => importProjectZip('escape.zip', escape)).toThrow(/samples\.0\.file/);
    const huge = zipSync({
      'project.json': strToU8(
        JSON.stringify({
          ...bare,
          classes: [
            {
              id: 'c',
              name: 'A',
              samples: [{ id: 's', kind: 'picture', type: 'image/png', file: 'samples/s.png' }],
            },
          ],
        }),
      ),
      'samples/s.png': makePng(12000, 12000),
    });
    expect(() => importProjectZip('huge.zip', huge)).toThrow(/samples\/s\.png" is 12000 × 12000 pixels/);
  });
});

describe('headLearner', () => {
  /** A toy extractor: the input already is the feature vector. */
  const identity: FeatureExtractor<number[]> = {
    name: 'toy-2',
    featureSize: 2,
    extractTensor: (x) => tf.tensor2d([x]),
    extract: async (x) => Float32Array.from(x),
    dispose: () => undefined,
  };

  it('trains on cached features, reports progress, predicts and restores, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const p = emptyProject({
      extractor: 'toy-2',
      featureSize: 2,
      settings: { ...settings, epochs: 30, learningRate: 0.05 },
      className: (n) => `C${n}`,
    });
    p.classes.forEach((c, k) => {
      for (let i = 0; i < 12; i++) {
        const v = k === 0 ? [1 + i / 20, 0] : [0, 1 + i / 20];
        c.samples.push({
          id: `${k}-${i}`,
          feature: Float32Array.from(v),
          payload: { kind: 'picture', bytes: new Uint8Array(0), type: 'image/jpeg' },
        });
      }
    });
    const phases: string[] = [];
    const epochs: number[] = [];
    const learner = headLearner(identity, {
      extraTrain: async (project) => project.classes.map((c) => c.samples.map((s) => s.feature)),
    });
    const { model, summary } = await learner.train(p, {
      setPhase: (ph) => phases.push(ph),
      onEpochEnd: (n) => epochs.push(n),
    });
    expect(phases).toEqual(['preparing', 'training']);
    expect(epochs).toHaveLength(30);
    expect(summary).toMatchObject({ labels: ['C1', 'C2'], counts: { train: 20 + 24, validation: 4 } });
    expect(summary.validationAccuracy).toBe(1);
    const probs = await model.predict([2, 0]);
    expect(probs[0]).toBeGreaterThan(0.5);
    const again = await learner.restore({
      artifacts: await captureArtifacts(model.model),
      labels: ['C1', 'C2'],
      trainedAt: 1,
    });
    expect(await again.predict([2, 0])).toEqual(probs);
    model.dispose();
    model.dispose();
    again.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
