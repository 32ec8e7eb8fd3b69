// The Sound studio's learner: the pretrained embedding + dense head by default (seconds on any
// backend), or lib/audio's spectrogram CNN trained from scratch (Advanced), both from the clips.
import {
  augmentExamples,
  DEFAULT_AUDIO_AUGMENT_CONFIG,
  DEFAULT_SOUND_TRAIN_SETTINGS,
  exampleSamples,
  SOUND_LEARNER_NAME,
  SoundClassifier,
  soundCnnLearner,
  type AudioAugmentConfig,
  type SoundTrainSettings,
  type Spectrogram,
} from '@/lib/audio';
import { InputError } from '@/lib/errors';
import {
  headSummary,
  loadModelArtifacts,
  resolveHeadConfig,
  stratifiedSplit,
  TrainingCancelledError,
  type TeachableLearner,
  type TeachableProject,
} from '@/lib/transfer';
import { extractSoundFeatures, trainStandardisedSoundHead } from './band-stats';
import { SOUND_EMBEDDING_NAME, SOUND_FEATURES_NAME } from './constants';
import { DEFAULT_SOUND_HEAD_CONFIG } from './train';
import { SoundTransferClassifier } from './transfer-classifier';
import type { SoundFeatureExtractor } from './types';

/** Which network the Sound studio trains. */
export type SoundModelKind = 'embedding' | 'cnn';

/** The augmentation switches shown in Advanced (the ranges are lib/audio's defaults). */
export type SoundAugmentSwitches = Pick<AudioAugmentConfig, 'timeShift' | 'noise' | 'gain' | 'speed'>;

/** The Sound studio's training settings: the network, its three knobs and the augmentation switches. */
export interface SoundStudioSettings extends SoundTrainSettings {
  model: SoundModelKind;
  augment: SoundAugmentSwitches;
}

const AUGMENT_ON: Readonly<SoundAugmentSwitches> = Object.freeze({
  timeShift: DEFAULT_AUDIO_AUGMENT_CONFIG.timeShift,
  noise: DEFAULT_AUDIO_AUGMENT_CONFIG.noise,
  gain: DEFAULT_AUDIO_AUGMENT_CONFIG.gain,
  speed: DEFAULT_AUDIO_AUGMENT_CONFIG.speed,
});

/** Defaults per network: the head's (30 epochs, batch 32) or the CNN's (lib/audio). */
export function soundSettingsFor(model: SoundModelKind): SoundStudioSettings {
  const knobs =
    model === 'embedding'
      ? {
          epochs: DEFAULT_SOUND_HEAD_CONFIG.epochs!,
          learningRate: resolveHeadConfig(DEFAULT_SOUND_HEAD_CONFIG).learningRate,
          batchSize: DEFAULT_SOUND_HEAD_CONFIG.batchSize!,
        }
      : { ...DEFAULT_SOUND_TRAIN_SETTINGS };
  return { ...knobs, model, augment: { ...AUGMENT_ON } };
}

/** The studio's defaults: the pretrained embedding with every augmentation on. */
export const DEFAULT_SOUND_STUDIO_SETTINGS: Readonly<SoundStudioSettings> = Object.freeze(
  soundSettingsFor('embedding'),
);

/**
 * Fills settings saved before the embedding existed (they had only epochs, learning rate and batch
 * size, for the CNN): such projects keep training the CNN they were made with.
 */
export function resolveSoundStudioSettings(s: Partial<SoundStudioSettings>): SoundStudioSettings {
  const model: SoundModelKind = s.model ?? (s.epochs !== undefined ? 'cnn' : 'embedding');
  const d = soundSettingsFor(model);
  return {
    epochs: s.epochs ?? d.epochs,
    learningRate: s.learningRate ?? d.learningRate,
    batchSize: s.batchSize ?? d.batchSize,
    model,
    augment: { ...d.augment, ...s.augment },
  };
}

/** The Sound studio's trained model: embedding + head, or the spectrogram CNN. */
export type SoundStudioModel = SoundTransferClassifier | SoundClassifier;

/**
 * One learner for both networks, so a project keeps its examples when the network is switched
 * (its name stays lib/audio's SOUND_LEARNER_NAME: projects from before the embedding still load).
 * `loadExtractor` is called once, the first time the embedding is needed. Features of the examples
 * (feature version 2: embedding + band statistics, computed from the stored clips, so projects saved
 * with version 1 simply get the new features the next time they train) are cached by example id;
 * augmented copies (of training examples only, with the background class
 * mixed in as noise) are made again on every run.
 */
export function soundLearner(
  loadExtractor: () => Promise<SoundFeatureExtractor>,
): TeachableLearner<Spectrogram, SoundStudioSettings, SoundStudioModel> {
  const cnn = soundCnnLearner();
  let extractor: Promise<SoundFeatureExtractor> | null = null;
  const getExtractor = () =>
    (extractor ??= loadExtractor().catch((e: unknown) => {
      extractor = null;
      throw e;
    }));
  const cache = new Map<string, Float32Array>();

  return {
    name: SOUND_LEARNER_NAME,
    featureSize: 0,
    async train(project, progress = {}) {
      const settings = resolveSoundStudioSettings(project.settings);
      if (settings.model === 'cnn') {
        return cnn.train(project as unknown as TeachableProject<SoundTrainSettings>, progress);
      }
      progress.setPhase?.('preparing', 0);
      const ex = await getExtractor();
      const labels = project.classes.map((c) => c.name);
      const waves = project.classes.map((c) =>
        c.samples.map((s) => {
          if (s.payload.kind !== 'clip') throw new InputError(`Example ${s.id} is not a sound.`);
          return exampleSamples(s.payload.samples, s.payload.sampleRate);
        }),
      );
      const total = waves.reduce((n, l) => n + l.length, 0);
      const head = resolveHeadConfig({
        ...DEFAULT_SOUND_HEAD_CONFIG,
        epochs: settings.epochs,
        learningRate: settings.learningRate,
        batchSize: settings.batchSize,
      });
      // Features of the examples (cached by id: training again only embeds the new ones).
      const features: Float32Array[][] = [];
      let done = 0;
      for (const [k, cls] of project.classes.entries()) {
        const missing = cls.samples.map((s, i) => ({ s, i })).filter(({ s }) => !cache.has(s.id));
        const fresh = await extractSoundFeatures(
          ex,
          missing.map(({ i }) => waves[k]![i]!),
        );
        missing.forEach(({ s }, j) => cache.set(s.id, fresh[j]!));
        features.push(cls.samples.map((s) => cache.get(s.id)!));
        done += cls.samples.length;
        progress.setProgress?.(0.3 * (done / Math.max(1, total)));
        if (progress.signal?.aborted) throw new TrainingCancelledError();
      }
      const used = new Set(project.classes.flatMap((c) => c.samples.map((s) => s.id)));
      for (const id of cache.keys()) if (!used.has(id)) cache.delete(id);
      // Augmented copies of the examples that stay in training (the held-out ones are chosen by the
      // same split trainHead makes, so no copy of a held-out sound is trained on).
      const augment = { ...DEFAULT_AUDIO_AUGMENT_CONFIG, ...settings.augment };
      let extra: Float32Array[][] | undefined;
      if (augment.timeShift || augment.noise || augment.gain || augment.speed) {
        const held = new Set(stratifiedSplit(features, head.validationSplit, head.seed).valX);
        const trainWaves = waves.map((list, k) => list.filter((_, i) => !held.has(features[k]![i]!)));
        const noiseClass = project.classes.findIndex((c) => c.background);
        const copies = augmentExamples(trainWaves, augment, noiseClass >= 0 ? noiseClass : null);
        const all = copies.reduce((n, l) => n + l.length, 0);
        extra = [];
        let made = 0;
        for (const list of copies) {
          extra.push(await extractSoundFeatures(ex, list));
          made += list.length;
          progress.setProgress?.(0.3 + 0.7 * (made / Math.max(1, all)));
          if (progress.signal?.aborted) throw new TrainingCancelledError();
        }
      }
      progress.setPhase?.('training', null);
      progress.setEpochs?.(head.epochs);
      // Standardised on these examples, folded into the head: it takes the raw 208 numbers.
      const { model, ...rest } = await trainStandardisedSoundHead(
        labels,
        features,
        head,
        {
          signal: progress.signal,
          onEpochEnd: ({ epoch, loss, acc, valLoss, valAcc }) =>
            progress.onEpochEnd?.(epoch, { loss, acc, valLoss, valAcc }),
        },
        extra,
      );
      return { model: new SoundTransferClassifier(ex, model, labels), summary: headSummary(labels, rest) };
    },
    async restore(saved) {
      // Heads of feature version 1 (embedding only) still restore and listen with the 128 numbers
      // they were trained on; training again makes a version-2 head from the stored clips.
      const kind = saved.metadata?.extractor;
      if (kind === SOUND_FEATURES_NAME || kind === SOUND_EMBEDDING_NAME) {
        const ex = await getExtractor();
        return new SoundTransferClassifier(ex, await loadModelArtifacts(saved.artifacts), saved.labels);
      }
      return cnn.restore(saved);
    },
  };
}
