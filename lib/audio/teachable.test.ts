// The Sound studio in the teachable kit: a project zip of the studio's first version (made with
// that version's exporter, tests/fixtures/sound/legacy-sound-project.zip) still imports with its
// model and sounds; old saved projects migrate; the learner trains from clips without leaks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import { captureArtifacts, exportModelZip } from '../persist';
import { emptyProject } from '../transfer/project';
import { exportProjectZip } from '../transfer/project-zip';
import {
  AUDIO_SAMPLE_RATE,
  buildSoundModel,
  DEFAULT_SOUND_TRAIN_SETTINGS,
  EXAMPLE_SAMPLES,
  LogMelComputer,
  SOUND_LEARNER_NAME,
  SoundClassifier,
  clipSample,
  importSoundProjectFiles,
  isLegacySoundProject,
  migrateLegacySoundProject,
  soundCnnLearner,
  type SoundTrainSettings,
} from './index';

const LEGACY_ZIP = join(__dirname, '../../tests/fixtures/sound/legacy-sound-project.zip');

function tone(hz: number, amp: number): Float32Array {
  return Float32Array.from(
    { length: EXAMPLE_SAMPLES },
    (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / AUDIO_SAMPLE_RATE),
  );
}

let ids = 0;
const newId = () => `id${++ids}`;

function base() {
  return emptyProject<SoundTrainSettings>({
    extractor: SOUND_LEARNER_NAME,
    featureSize: 0,
    settings: { ...DEFAULT_SOUND_TRAIN_SETTINGS },
    className: (n) => `Sound ${n}`,
    backgroundName: 'Background noise',
    options: { threshold: 0.75 },
  });
}

describe('importSoundProjectFiles', () => {
  it("imports a project zip of the Sound studio's first version: classes, sounds and the same model", async () => {
    const before = tf.memory().numTensors;
    const zip = new Uint8Array(readFileSync(LEGACY_ZIP));
    const p = importSoundProjectFiles([{ name: 'sound-model.zip', data: zip }], base(), newId);
    expect(p.classes.map((c) => [c.name, !!c.background, c.samples.length])).toEqual([
      ['Background noise', true, 1],
      ['Whistle', false, 2],
    ]);
    const clip = p.classes[1].samples[0].payload;
    expect(clip.kind).toBe('clip');
    if (clip.kind === 'clip') {
      expect(clip.samples).toHaveLength(EXAMPLE_SAMPLES);
      const want = tone(2000, 0.4);
      for (let i = 0; i < want.length; i += 97)
        expect(Math.abs(clip.samples[i] - want[i])).toBeLessThan(1e-4);
    }
    expect(p.options).toEqual({ threshold: 0.75 });
    expect(p.head?.labels).toEqual(['Background noise', 'Whistle']);
    // The model the first version exported gave these probabilities for this tone.
    const model = await soundCnnLearner().restore(p.head!);
    const probs = await model.predictWaveform(tone(2000, 0.4));
    expect(probs[0]).toBeCloseTo(0.37776, 4);
    expect(probs[1]).toBeCloseTo(0.62224, 4);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('imports a project zip of this kit, and a bare exported model with empty classes', async () => {
    const p = base();
    p.classes[1].samples.push(clipSample('x', tone(1000, 0.3), 'mic'));
    const back = importSoundProjectFiles([{ name: 'p.zip', data: exportProjectZip(p) }], base(), newId);
    expect(back.classes[1].samples).toHaveLength(1);
    expect(back.classes[0].background).toBe(true);

    const classifier = new SoundClassifier(
      buildSoundModel([49, 40, 1], 2, { seed: 1, filters: [2], denseUnits: 4 }),
      ['Quiet', 'Bell'],
      { mean: 0, std: 1 },
      new LogMelComputer().config,
    );
    const modelZip = await exportModelZip(classifier.model, { ...classifier.metadata(), backgroundIndex: 0 });
    const bare = importSoundProjectFiles([{ name: 'm.zip', data: modelZip }], base(), newId);
    expect(bare.classes.map((c) => [c.name, !!c.background, c.samples.length])).toEqual([
      ['Quiet', true, 0],
      ['Bell', false, 0],
    ]);
    classifier.dispose();
  });

  it('names files that are not a sound project', () => {
    expect(() =>
      importSoundProjectFiles(
        [{ name: 'notes.txt', data: new TextEncoder().encode('hello') }],
        base(),
        newId,
      ),
    ).toThrow(InputError);
  });
});

describe('sound project files', () => {
  it('round-trips model, classes and examples', async () => {
    const before = tf.memory().numTensors;
    const model = buildSoundModel([49, 40, 1], 2, { seed: 5 });
    const classifier = new SoundClassifier(
      model,
      ['Background noise', 'Whistle'],
      { mean: -8, std: 3 },
      new LogMelComputer().config,
    );
    const p = base();
    p.classes = [
      {
        id: 'a',
        name: 'Background noise',
        background: true,
        samples: [clipSample('1', tone(100, 0.4), 'mic')],
      },
      { id: 'b', name: 'Whistle', samples: [clipSample('2', tone(2000, 0.4), 'file', 'w.wav')] },
    ];
    p.head = {
      artifacts: await captureArtifacts(model),
      labels: classifier.labels,
      trainedAt: 1,
      metadata: classifier.metadata(),
    };
    const zip = exportProjectZip(p);
    const imported = importSoundProjectFiles([{ name: 'sound-model.zip', data: zip }], base(), newId);
    expect(imported.classes.map((c) => [c.name, !!c.background, c.samples.length])).toEqual([
      ['Background noise', true, 1],
      ['Whistle', false, 1],
    ]);
    // 16-bit WAV keeps the sound to within one quantisation step.
    const back = imported.classes[1]!.samples[0]!.payload;
    const orig = p.classes[1]!.samples[0]!.payload;
    if (back.kind !== 'clip' || orig.kind !== 'clip') throw new Error('not clips');
    for (let i = 0; i < back.samples.length; i += 97)
      expect(Math.abs(back.samples[i]! - orig.samples[i]!)).toBeLessThan(1e-4);
    const again = await soundCnnLearner().restore(imported.head!);
    const a = await classifier.predictWaveform(tone(2000, 0.4));
    const b = await again.predictWaveform(tone(2000, 0.4));
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 5));
    classifier.dispose();
    again.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('migrateLegacySoundProject', () => {
  it('keeps classes, sounds, settings, threshold and the saved model (marked out of date when it was)', async () => {
    const model = buildSoundModel([49, 40, 1], 2, { seed: 2, filters: [2], denseUnits: 4 });
    const classifier = new SoundClassifier(
      model,
      ['Background noise', 'Bell'],
      { mean: 0, std: 1 },
      new LogMelComputer().config,
    );
    const raw = {
      version: 1,
      classes: [
        { id: 'a', name: 'Background noise', background: true, examples: [] },
        {
          id: 'b',
          name: 'Bell',
          background: false,
          examples: [{ id: 'e', samples: tone(800, 0.2), source: 'file', file: 'b.wav' }],
        },
      ],
      settings: { epochs: 35, learningRate: 0.002, batchSize: 8 },
      threshold: 0.9,
      revision: 4,
      trainedRevision: 3,
    };
    expect(isLegacySoundProject(raw)).toBe(true);
    expect(isLegacySoundProject(base())).toBe(false);
    const p = migrateLegacySoundProject(raw as never, {
      artifacts: await captureArtifacts(model),
      metadata: classifier.metadata(),
    });
    expect(p.classes[1].samples[0].payload).toMatchObject({ kind: 'clip', source: 'file', file: 'b.wav' });
    expect(p.settings).toEqual({ epochs: 35, learningRate: 0.002, batchSize: 8 });
    expect(p.options).toEqual({ threshold: 0.9 });
    expect(p.head?.labels).toEqual(['Background noise', 'Bell']);
    expect(p.head!.revision).not.toBe(p.revision);
    classifier.dispose();
  });
});

describe('soundCnnLearner', () => {
  it('trains on clips with progress, caches spectrograms and leaks nothing but the model', async () => {
    const p = base();
    p.settings = { epochs: 2, learningRate: 0.005, batchSize: 4 };
    [100, 1500, 3000].forEach((hz, k) => {
      for (let i = 0; i < 4; i++)
        p.classes[k].samples.push(clipSample(`${k}-${i}`, tone(hz + i * 40, 0.3), 'mic'));
    });
    const before = tf.memory().numTensors;
    const phases: string[] = [];
    const epochs: number[] = [];
    const learner = soundCnnLearner();
    const { model, summary } = await learner.train(p, {
      setPhase: (ph) => phases.push(ph),
      onEpochEnd: (n) => epochs.push(n),
    });
    expect(phases).toEqual(['preparing', 'training']);
    expect(epochs).toEqual([1, 2]);
    expect(summary).toMatchObject({
      labels: ['Background noise', 'Sound 1', 'Sound 2'],
      // 4 clips a class: too few to measure accuracy, so all train.
      counts: { train: 12, validation: 0 },
    });
    expect(summary.perClassAccuracy).toHaveLength(3);
    expect(tf.memory().numTensors - before).toBe(model.model.weights.length);
    const probs = await model.predict(new LogMelComputer().compute(tone(1500, 0.3)));
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(learner.train(p, { signal: ctrl.signal })).rejects.toThrow(/cancelled/);
  }, 120_000);
});
