// The Sound studio's learner: trains the embedding head from clips by default (augmented, with a
// held-out check), restores it from the saved artifacts with the same predictions, keeps old CNN
// projects on the CNN, and leaks nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { clipSample, decodeWav, spectrogramsOf, toMono, SoundClassifier } from '@/lib/audio';
import { captureArtifacts } from '@/lib/persist';
import {
  createHead,
  disposeHead,
  emptyProject,
  makeTransferMetadata,
  type TeachableProject,
} from '@/lib/transfer';
import { fsModelHandler, modelDir, REPO_ROOT } from '../digits/node-files.test-util';
import {
  createSoundFeatureExtractor,
  DEFAULT_SOUND_STUDIO_SETTINGS,
  loadSoundEmbedding,
  resolveSoundStudioSettings,
  SOUND_EMBEDDING_NAME,
  SOUND_EMBEDDING_SIZE,
  SOUND_FEATURES_NAME,
  soundLearner,
  SoundTransferClassifier,
  type SoundStudioSettings,
} from './index';

const DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'sound', 'sounds-dev');
function seconds(name: string): Float32Array[] {
  const x = toMono(decodeWav(new Uint8Array(readFileSync(path.join(DIR, name))), name).channels);
  return Array.from({ length: Math.floor(x.length / 16000) }, (_, i) => x.slice(i * 16000, (i + 1) * 16000));
}

function project(settings: SoundStudioSettings): TeachableProject<SoundStudioSettings> {
  const p = emptyProject({
    extractor: 'sound-spectrogram-cnn',
    featureSize: 0,
    settings,
    className: (n) => `Class ${n}`,
    backgroundName: 'Background noise',
  });
  const clips = [seconds('noise-train.wav'), seconds('up-train.wav'), seconds('down-train.wav')];
  p.classes.forEach((c, k) => {
    c.samples = clips[k]!.map((w, i) => clipSample(`${k}-${i}`, w, 'file'));
  });
  return p;
}

describe('soundLearner', () => {
  it('trains embedding + head by default and restores it with the same predictions', async () => {
    let loads = 0;
    const learner = soundLearner(async () => {
      loads++;
      return createSoundFeatureExtractor(
        await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')) }),
      );
    });
    const p = project({ ...DEFAULT_SOUND_STUDIO_SETTINGS, epochs: 10 });
    const phases: string[] = [];
    const { model, summary } = await learner.train(p, { setPhase: (ph) => phases.push(ph) });
    expect(model).toBeInstanceOf(SoundTransferClassifier);
    expect(phases).toEqual(['preparing', 'training']);
    expect(summary.epochsRun).toBe(10);
    // 5–6 examples per class: too few to measure accuracy, so all of them train.
    expect(summary.counts.validation).toBe(0);
    const spec = spectrogramsOf([seconds('up-test.wav')[0]!])[0]!;
    const before = await model.predict(spec);
    expect(before).toHaveLength(3);
    const saved = {
      artifacts: await captureArtifacts(model.model),
      labels: summary.labels,
      trainedAt: 1,
      metadata: model.metadata(),
    };
    expect(saved.metadata.extractor).toBe(SOUND_FEATURES_NAME);
    const again = await learner.restore(saved);
    (await again.predict(spec)).forEach((v, k) => expect(v).toBeCloseTo(before[k]!, 5));
    const n = tf.memory().numTensors;
    await learner.train(p, {}).then((r) => r.model.dispose());
    expect(tf.memory().numTensors).toBe(n);
    again.dispose();
    model.dispose();
    expect(loads).toBe(1);
    (model as SoundTransferClassifier).extractor.dispose();
  });

  it('restores a head saved with feature version 1 (embedding only) onto the 128 numbers it takes', async () => {
    const learner = soundLearner(async () =>
      createSoundFeatureExtractor(
        await loadSoundEmbedding({ model: fsModelHandler(modelDir('sound-embedding')) }),
      ),
    );
    const head = createHead(SOUND_EMBEDDING_SIZE, 2, { seed: 2 });
    const saved = {
      artifacts: await captureArtifacts(head),
      labels: ['a', 'b'],
      trainedAt: 1,
      metadata: makeTransferMetadata({
        labels: ['a', 'b'],
        extractor: SOUND_EMBEDDING_NAME,
        featureSize: SOUND_EMBEDDING_SIZE,
      }),
    };
    disposeHead(head);
    const m = (await learner.restore(saved)) as SoundTransferClassifier;
    expect(m).toBeInstanceOf(SoundTransferClassifier);
    expect(m.featureVersion).toBe(1);
    expect(await m.predict(spectrogramsOf([seconds('up-test.wav')[0]!])[0]!)).toHaveLength(2);
    m.dispose();
    m.extractor.dispose();
  });

  it('old projects (settings without a network) keep the CNN; new ones get the embedding', () => {
    expect(resolveSoundStudioSettings({ epochs: 20, learningRate: 0.001, batchSize: 16 }).model).toBe('cnn');
    expect(resolveSoundStudioSettings({}).model).toBe('embedding');
    expect(
      resolveSoundStudioSettings({ model: 'embedding', augment: { noise: false } as never }).augment,
    ).toEqual({
      timeShift: true,
      noise: false,
      gain: true,
      speed: true,
    });
    expect(SoundClassifier).toBeDefined();
  });
});
