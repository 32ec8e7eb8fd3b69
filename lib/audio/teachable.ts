// The Sound studio in the teachable kit (lib/transfer): a learner that trains the spectrogram CNN
// from the examples' clips, and readers for the Sound studio's older project zips and saved projects.
import { InputError } from '../errors';
import { LegacySoundManifestSchema, checkClassCount, parseJsonWith } from '../files';
import { expandFiles, importModelFiles, type NamedBytes, type StoredModel } from '../persist';
import { perClassAccuracy } from '../training';
import { TrainingCancelledError, loadModelArtifacts, type TeachableLearner } from '../transfer/learner';
import {
  PROJECT_VERSION,
  type ProjectClass,
  type ProjectSample,
  type TeachableProject,
} from '../transfer/project';
import { importProjectZip, isProjectZip } from '../transfer/project-zip';
import { SoundClassifier, trainSoundClassifier } from './classifier';
import {
  AUDIO_SAMPLE_RATE,
  DEFAULT_SOUND_CLASSIFIER_CONFIG,
  EXAMPLE_SAMPLES,
  SOUND_MODEL_FORMAT,
} from './constants';
import { resample, toMono } from './resample';
import { LogMelComputer } from './spectrogram';
import type { SoundClassifierConfig, Spectrogram } from './types';
import { decodeWav } from './wav';

/** Name recorded in Sound projects: a whole network trained on the clips (no frozen extractor). */
export const SOUND_LEARNER_NAME = 'sound-spectrogram-cnn';

/** Training settings the Sound studio lets the user change ("Under the hood"). */
export type SoundTrainSettings = Pick<SoundClassifierConfig, 'epochs' | 'learningRate' | 'batchSize'>;

/** The Sound studio's defaults (lib/audio's classifier defaults). */
export const DEFAULT_SOUND_TRAIN_SETTINGS: Readonly<SoundTrainSettings> = Object.freeze({
  epochs: DEFAULT_SOUND_CLASSIFIER_CONFIG.epochs,
  learningRate: DEFAULT_SOUND_CLASSIFIER_CONFIG.learningRate,
  batchSize: DEFAULT_SOUND_CLASSIFIER_CONFIG.batchSize,
});

/** A clip as exactly one example: resampled to 16 kHz, cut or padded with silence to 1 second. */
export function exampleSamples(samples: Float32Array, sampleRate: number): Float32Array {
  const at16k = sampleRate === AUDIO_SAMPLE_RATE ? samples : resample(samples, sampleRate, AUDIO_SAMPLE_RATE);
  if (at16k.length === EXAMPLE_SAMPLES) return at16k;
  const fixed = new Float32Array(EXAMPLE_SAMPLES);
  fixed.set(at16k.subarray(0, EXAMPLE_SAMPLES));
  return fixed;
}

/** A clip example (the Sound studio's samples have no feature vector). */
export function clipSample(
  id: string,
  samples: Float32Array,
  source: 'mic' | 'file',
  file?: string,
): ProjectSample {
  return {
    id,
    feature: new Float32Array(0),
    payload: { kind: 'clip', samples, sampleRate: AUDIO_SAMPLE_RATE, source, ...(file ? { file } : {}) },
  };
}

/**
 * The "whole model from the raw payload" learner: every clip becomes a log-mel spectrogram (cached
 * by example id, so training again only computes the new ones) and a new spectrogram CNN is trained
 * on them with lib/audio's trainSoundClassifier. The model is a {@link SoundClassifier}.
 */
export function soundCnnLearner(): TeachableLearner<Spectrogram, SoundTrainSettings, SoundClassifier> {
  const cache = new Map<string, Spectrogram>();
  let computer: LogMelComputer | null = null;
  return {
    name: SOUND_LEARNER_NAME,
    featureSize: 0,
    async train(project, progress = {}) {
      progress.setPhase?.('preparing', 0);
      computer ??= new LogMelComputer();
      const labels = project.classes.map((c) => c.name);
      const all = project.classes.flatMap((c, k) => c.samples.map((s) => ({ s, k })));
      const spectrograms: Spectrogram[] = [];
      for (let i = 0; i < all.length; i++) {
        const { s } = all[i]!;
        let spec = cache.get(s.id);
        if (!spec) {
          if (s.payload.kind !== 'clip') throw new InputError(`Example ${s.id} is not a sound.`);
          spec = computer.compute(exampleSamples(s.payload.samples, s.payload.sampleRate));
          cache.set(s.id, spec);
        }
        spectrograms.push(spec);
        if (i % 25 === 0) {
          progress.setProgress?.(i / all.length);
          // Let the page paint the progress bar between groups of spectrograms.
          await new Promise((r) => setTimeout(r, 0));
        }
        if (progress.signal?.aborted) throw new TrainingCancelledError();
      }
      // Forget spectrograms of deleted examples.
      const used = new Set(all.map((a) => a.s.id));
      for (const id of cache.keys()) if (!used.has(id)) cache.delete(id);
      progress.setPhase?.('training', null);
      progress.setEpochs?.(project.settings.epochs);
      const classes = all.map((a) => a.k);
      const r = await trainSoundClassifier(
        { labels, spectrograms, classes },
        project.settings,
        {},
        {
          signal: progress.signal,
          onEpochEnd: (epoch, logs) => progress.onEpochEnd?.(epoch + 1, logs),
        },
      );
      const trueVal = r.validationIndices.map((i) => classes[i]!);
      return {
        model: r.classifier,
        summary: {
          labels,
          epochsRun: r.training.epochsRun,
          cancelled: r.training.cancelled,
          ms: r.training.ms,
          counts: { train: all.length - trueVal.length, validation: trueVal.length },
          confusion: r.confusion,
          perClassAccuracy: trueVal.length
            ? perClassAccuracy(trueVal, r.validationPredictions, labels.length)
            : labels.map(() => null),
          validationAccuracy: r.validationAccuracy,
          // The split always asks for a held-out share; none kept means a class had too few.
          tooFewToTest: trueVal.length === 0,
        },
      };
    },
    async restore(saved) {
      const model = await loadModelArtifacts(saved.artifacts);
      try {
        return SoundClassifier.fromModel(model, saved.metadata ?? {});
      } catch (e) {
        model.dispose();
        throw e;
      }
    },
  };
}

/** Name of the file that listed classes and their WAVs in the Sound studio's first project zips. */
export const LEGACY_SOUND_PROJECT_FILE = 'sound-project.json';

interface LegacyManifest {
  classes: Array<{ name: string; background: boolean; examples: string[] }>;
}

function checkSoundMetadata(metadata: Record<string, unknown>): { labels: string[] } {
  const labels = metadata.labels;
  if (
    metadata.format !== SOUND_MODEL_FORMAT ||
    !Array.isArray(labels) ||
    !metadata.normalization ||
    !metadata.spectrogram
  ) {
    throw new InputError('metadata.json does not describe a sound model from this studio.', 'metadata.json');
  }
  return { labels: labels.map(String) };
}

/**
 * Reads what the Sound studio's import accepts: a project zip (this kit's format), a zip from the
 * Sound studio's first version (model.json, weights.bin, metadata.json, sound-project.json and one
 * WAV per example), or a bare exported model (its classes come back empty). `base` supplies the
 * settings and options the older files do not carry. Throws InputError naming what is wrong.
 */
export function importSoundProjectFiles(
  files: NamedBytes[],
  base: TeachableProject<SoundTrainSettings>,
  newId: () => string,
): TeachableProject<SoundTrainSettings> {
  const projectZip = files.length === 1 && isProjectZip(files[0]!.data) ? files[0]! : null;
  if (projectZip)
    return importProjectZip<SoundTrainSettings>(projectZip.name, projectZip.data, SOUND_LEARNER_NAME);
  const { artifacts, metadata } = importModelFiles(files);
  const { labels } = checkSoundMetadata(metadata);
  const all = expandFiles(files);
  const manifestFile = all.find((f) => f.name === LEGACY_SOUND_PROJECT_FILE);
  const backgroundIndex = typeof metadata.backgroundIndex === 'number' ? metadata.backgroundIndex : -1;
  let classes: ProjectClass[];
  if (!manifestFile) {
    classes = labels.map((name, i) => ({
      id: newId(),
      name,
      background: i === backgroundIndex,
      samples: [],
    }));
  } else {
    const manifest: LegacyManifest = parseJsonWith(
      LegacySoundManifestSchema,
      files[0]?.name ?? LEGACY_SOUND_PROJECT_FILE,
      LEGACY_SOUND_PROJECT_FILE,
      manifestFile.data,
      (raw) =>
        checkClassCount(
          files[0]?.name ?? LEGACY_SOUND_PROJECT_FILE,
          (raw as { classes?: unknown } | null)?.classes,
        ),
    );
    classes = manifest.classes.map((c) => ({
      id: newId(),
      name: String(c.name),
      background: Boolean(c.background),
      samples: (c.examples ?? []).flatMap((name) => {
        const f = all.find((x) => x.name === name);
        if (!f) return [];
        const wav = decodeWav(f.data, name);
        return [clipSample(newId(), exampleSamples(toMono(wav.channels), wav.sampleRate), 'file', name)];
      }),
    }));
  }
  if (!classes.some((c) => c.background) && classes.length) classes[0]!.background = true;
  return {
    ...base,
    version: PROJECT_VERSION,
    extractor: SOUND_LEARNER_NAME,
    featureSize: 0,
    classes,
    head: { artifacts, labels, trainedAt: Date.now(), metadata, revision: 0 },
    revision: 0,
    updatedAt: Date.now(),
  };
}

/** The Sound studio's first saved shape (IndexedDB key "sound", model under "sound-model"). */
interface LegacySoundProject {
  version: 1;
  classes: Array<{
    id: string;
    name: string;
    background: boolean;
    examples: Array<{ id: string; samples: Float32Array; source: 'mic' | 'file'; file?: string }>;
  }>;
  settings: SoundTrainSettings;
  threshold: number;
  revision: number;
  trainedRevision: number | null;
}

/** True for a project saved by the Sound studio's first version. */
export function isLegacySoundProject(raw: unknown): raw is LegacySoundProject {
  const r = raw as Partial<LegacySoundProject> | null;
  return !!r && r.version === 1 && Array.isArray(r.classes) && typeof r.threshold === 'number';
}

/**
 * Turns a project saved by the Sound studio's first version (and the model it saved beside it, if
 * any) into this kit's project. A model trained on older examples stays marked as out of date.
 */
export function migrateLegacySoundProject(
  raw: LegacySoundProject,
  model: Pick<StoredModel, 'artifacts' | 'metadata'> | null,
): TeachableProject<SoundTrainSettings> {
  const labels = model && Array.isArray(model.metadata.labels) ? model.metadata.labels.map(String) : null;
  return {
    version: PROJECT_VERSION,
    extractor: SOUND_LEARNER_NAME,
    featureSize: 0,
    classes: raw.classes.map((c) => ({
      id: c.id,
      name: c.name,
      background: c.background,
      samples: c.examples.map((e) => clipSample(e.id, e.samples, e.source, e.file)),
    })),
    settings: { ...DEFAULT_SOUND_TRAIN_SETTINGS, ...raw.settings },
    augment: { enabled: false, copies: 2, flip: true, crop: true, brightness: true },
    head:
      model && labels
        ? {
            artifacts: model.artifacts,
            labels,
            trainedAt: Date.now(),
            metadata: model.metadata,
            revision: raw.trainedRevision === raw.revision ? 0 : -1,
          }
        : null,
    revision: 0,
    options: { threshold: raw.threshold },
    updatedAt: Date.now(),
  };
}
