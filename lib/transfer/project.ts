// The one teachable project shared by the Image, Pose and Sound studios (classes → examples →
// trained model): its plain shape, the per-example payloads, a fresh project, and the migration of
// projects saved in IndexedDB by older versions.
import type * as tf from '@tensorflow/tfjs';

import { newId } from '../ids';
import type { HeadConfig } from './types';

/** Version of the saved project shape (IndexedDB and project.json). Version 1 had picture-only samples. */
export const PROJECT_VERSION = 2;

/**
 * A small picture of the example: the Image studio's photo thumbnail, or the Pose studio's frame
 * with its skeleton drawn on it. (A pose's keypoints are its `feature`: the 51 normalised numbers.)
 */
export interface PicturePayload {
  kind: 'picture';
  /** JPEG (or PNG) bytes; empty when the picture could not be made. */
  bytes: Uint8Array;
  /** MIME type of `bytes`. */
  type: string;
}

/** A sound clip, mono, values in [-1, 1] (the Sound studio's 1-second examples). */
export interface ClipPayload {
  kind: 'clip';
  samples: Float32Array;
  /** Samples per second. */
  sampleRate: number;
  /** Recorded with the microphone, or cut from an uploaded file. */
  source: 'mic' | 'file';
  /** Name of the file it was cut from. */
  file?: string;
}

/** What one example is: shown (or played) in its class card, and the raw input for whole-model learners. */
export type SamplePayload = PicturePayload | ClipPayload;

/** One example: its payload and, for frozen-extractor studios, its cached feature vector. */
export interface ProjectSample {
  id: string;
  /** Feature vector from the studio's frozen extractor; empty for learners that train on payloads. */
  feature: Float32Array;
  payload: SamplePayload;
}

/** One class with its examples. */
export interface ProjectClass {
  id: string;
  name: string;
  /**
   * True for a "nothing special is happening" class (the Sound studio's Background noise): it is
   * named by the studio, cannot be deleted and does not count as one of the user's own classes.
   */
  background?: boolean;
  samples: ProjectSample[];
}

/** Augmentation switches (applied before feature extraction, to training examples only). */
export interface AugmentSettings {
  enabled: boolean;
  /** Altered copies made per training example. */
  copies: number;
  flip: boolean;
  crop: boolean;
  brightness: boolean;
}

/** A trained model stored with the project (tfjs artifacts are structured-cloneable). */
export interface ProjectModel {
  artifacts: tf.io.ModelArtifacts;
  /** Class names in output order, as they were when it was trained. */
  labels: string[];
  trainedAt: number;
  /** What the learner needs besides the weights (e.g. the Sound model's normalisation). */
  metadata?: Record<string, unknown>;
  /** The project's `revision` it was trained on (tells whether the examples changed since). */
  revision?: number;
}

/** The old name of {@link ProjectModel}. */
export type ProjectHead = ProjectModel;

/** Settings every project's training has; each learner adds its own. */
export interface BaseTrainSettings {
  epochs: number;
}

/** The whole project, as saved to IndexedDB and (with its payloads as files) in a project zip. */
export interface TeachableProject<S extends BaseTrainSettings = HeadConfig> {
  version: typeof PROJECT_VERSION;
  /** Learner name (the extractor's for frozen-extractor studios); another learner's project is not mixed in. */
  extractor: string;
  /** Length of every sample's feature vector; 0 for learners that train on payloads. */
  featureSize: number;
  classes: ProjectClass[];
  settings: S;
  augment: AugmentSettings;
  head: ProjectModel | null;
  /** Bumped on every change of classes or examples. */
  revision: number;
  /** Other choices a studio keeps with the project (the Sound studio's "sureness needed"). */
  options: Record<string, number | string | boolean>;
  updatedAt: number;
  /** The teacher's notes, shown at the top of the studio when the project is opened (optional). */
  notes?: string;
}

/** The old name, for frozen-extractor projects with head settings. */
export type TransferProject = TeachableProject<HeadConfig>;

/** Default augmentation settings: off; when on, two altered copies per example. */
export const DEFAULT_AUGMENT: Readonly<AugmentSettings> = Object.freeze({
  enabled: false,
  copies: 2,
  flip: true,
  crop: true,
  brightness: true,
});

/** What {@link emptyProject} needs. */
export interface EmptyProjectInput<S extends BaseTrainSettings> {
  extractor: string;
  featureSize: number;
  settings: S;
  /** Name of class number n (translated), e.g. n => `Class ${n}`. */
  className: (n: number) => string;
  /** Name of a Background class placed first, when the studio has one. */
  backgroundName?: string;
  options?: Record<string, number | string | boolean>;
}

/** A fresh project: (an optional Background class and) two empty classes. */
export function emptyProject<S extends BaseTrainSettings>(input: EmptyProjectInput<S>): TeachableProject<S> {
  const background: ProjectClass[] =
    input.backgroundName === undefined
      ? []
      : [{ id: newId(), name: input.backgroundName, background: true, samples: [] }];
  return {
    version: PROJECT_VERSION,
    extractor: input.extractor,
    featureSize: input.featureSize,
    classes: [...background, ...[1, 2].map((n) => ({ id: newId(), name: input.className(n), samples: [] }))],
    settings: structuredCloneSettings(input.settings),
    augment: { ...DEFAULT_AUGMENT },
    head: null,
    revision: 0,
    options: { ...(input.options ?? {}) },
    updatedAt: Date.now(),
  };
}

function structuredCloneSettings<S>(s: S): S {
  // Settings are plain JSON (numbers and number arrays); a copy keeps frozen defaults untouched.
  return JSON.parse(JSON.stringify(s)) as S;
}

/** A version-1 sample (picture studios before the payload was introduced). */
interface SampleV1 {
  id: string;
  thumb: Uint8Array;
  thumbType: string;
  feature: Float32Array;
}

/** Turns a version-1 sample into a picture sample. */
export function sampleFromV1(s: SampleV1): ProjectSample {
  return {
    id: s.id,
    feature: s.feature,
    payload: { kind: 'picture', bytes: s.thumb ?? new Uint8Array(0), type: s.thumbType || 'image/jpeg' },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * Reads a saved project of any known version, or returns null for anything else. Version 1
 * (the Image and Pose studios' projects before payloads) becomes version 2: each thumbnail is a
 * picture payload, the revision starts at 0 and the trained head is kept.
 */
export function migrateProject<S extends BaseTrainSettings = HeadConfig>(
  raw: unknown,
): TeachableProject<S> | null {
  if (!isRecord(raw) || !Array.isArray(raw.classes) || typeof raw.extractor !== 'string') return null;
  if (raw.version === PROJECT_VERSION) return raw as unknown as TeachableProject<S>;
  if (raw.version !== 1) return null;
  const v1 = raw as unknown as {
    extractor: string;
    featureSize: number;
    classes: { id: string; name: string; samples: SampleV1[] }[];
    settings: S;
    augment?: AugmentSettings;
    head: { artifacts: tf.io.ModelArtifacts; labels: string[]; trainedAt: number } | null;
    updatedAt?: number;
  };
  return {
    version: PROJECT_VERSION,
    extractor: v1.extractor,
    featureSize: v1.featureSize,
    classes: v1.classes.map((c) => ({ id: c.id, name: c.name, samples: c.samples.map(sampleFromV1) })),
    settings: v1.settings,
    augment: v1.augment ?? { ...DEFAULT_AUGMENT },
    head: v1.head ? { ...v1.head, revision: 0 } : null,
    revision: 0,
    options: {},
    updatedAt: v1.updatedAt ?? Date.now(),
  };
}

/** Class names in order. */
export function classLabels(project: Pick<TeachableProject<BaseTrainSettings>, 'classes'>): string[] {
  return project.classes.map((c) => c.name);
}

/** Number of examples over all classes. */
export function sampleCount(project: Pick<TeachableProject<BaseTrainSettings>, 'classes'>): number {
  return project.classes.reduce((s, c) => s + c.samples.length, 0);
}
