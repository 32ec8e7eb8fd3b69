// A transfer-learning project (classes, samples as thumbnails + features, settings, trained head):
// its plain shape, and one-file export / import as a zip.
import type * as tf from '@tensorflow/tfjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

import { InputError } from '../errors';
import type { HeadConfig } from './types';

/** One example: a small picture for the screen and the cached feature vector used for training. */
export interface ProjectSample {
  id: string;
  /** Small JPEG (or PNG) bytes shown as a thumbnail; empty for non-image studios. */
  thumb: Uint8Array;
  /** MIME type of `thumb`. */
  thumbType: string;
  feature: Float32Array;
}

/** One class with its examples. */
export interface ProjectClass {
  id: string;
  name: string;
  samples: ProjectSample[];
}

/** Augmentation switches (applied before feature extraction). */
export interface AugmentSettings {
  enabled: boolean;
  /** Altered copies made per training example. */
  copies: number;
  flip: boolean;
  crop: boolean;
  brightness: boolean;
}

/** A trained head stored with the project (tfjs artifacts are structured-cloneable). */
export interface ProjectHead {
  artifacts: tf.io.ModelArtifacts;
  labels: string[];
  trainedAt: number;
}

/** The whole project, as saved to IndexedDB. */
export interface TransferProject {
  version: 1;
  /** Extractor name; features from another extractor cannot be mixed. */
  extractor: string;
  featureSize: number;
  classes: ProjectClass[];
  settings: HeadConfig;
  augment: AugmentSettings;
  head: ProjectHead | null;
  updatedAt: number;
}

const PROJECT_JSON = 'project.json';
const FEATURES_BIN = 'features.bin';
const HEAD_WEIGHTS = 'head-weights.bin';

interface SampleEntry {
  id: string;
  thumbType: string;
  thumb: string | null;
}
interface ProjectJson {
  format: 'creative-ai-studio/transfer-project';
  version: 1;
  extractor: string;
  featureSize: number;
  classes: { id: string; name: string; samples: SampleEntry[] }[];
  settings: HeadConfig;
  augment: AugmentSettings;
  head: {
    modelTopology: unknown;
    weightSpecs: tf.io.WeightsManifestEntry[];
    labels: string[];
    trainedAt: number;
  } | null;
  updatedAt: number;
}

function toArrayBuffer(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (!data) return new ArrayBuffer(0);
  if (Array.isArray(data)) {
    const total = data.reduce((s, b) => s + b.byteLength, 0);
    const out = new Uint8Array(total);
    let o = 0;
    for (const b of data) {
      out.set(new Uint8Array(b), o);
      o += b.byteLength;
    }
    return out.buffer;
  }
  return data as ArrayBuffer;
}

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Packs a project into one zip: project.json, features.bin (float32), thumbs/*, head-weights.bin. */
export function exportProjectZip(project: TransferProject): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const count = project.classes.reduce((s, c) => s + c.samples.length, 0);
  const feats = new Float32Array(count * project.featureSize);
  let row = 0;
  const json: ProjectJson = {
    format: 'creative-ai-studio/transfer-project',
    version: 1,
    extractor: project.extractor,
    featureSize: project.featureSize,
    classes: project.classes.map((c) => ({
      id: c.id,
      name: c.name,
      samples: c.samples.map((s) => {
        feats.set(s.feature, row * project.featureSize);
        row++;
        let thumb: string | null = null;
        if (s.thumb.length) {
          thumb = `thumbs/${s.id}.${EXT[s.thumbType] ?? 'bin'}`;
          files[thumb] = s.thumb;
        }
        return { id: s.id, thumbType: s.thumbType, thumb };
      }),
    })),
    settings: project.settings,
    augment: project.augment,
    head: project.head
      ? {
          modelTopology: project.head.artifacts.modelTopology,
          weightSpecs: project.head.artifacts.weightSpecs ?? [],
          labels: project.head.labels,
          trainedAt: project.head.trainedAt,
        }
      : null,
    updatedAt: project.updatedAt,
  };
  files[PROJECT_JSON] = strToU8(JSON.stringify(json));
  files[FEATURES_BIN] = new Uint8Array(feats.buffer);
  if (project.head) files[HEAD_WEIGHTS] = new Uint8Array(toArrayBuffer(project.head.artifacts.weightData));
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])));
}

/**
 * Reads a project zip written by {@link exportProjectZip}. `expectedExtractor` guards against
 * mixing features from another studio's extractor.
 * @throws InputError naming what is wrong.
 */
export function importProjectZip(
  fileName: string,
  data: Uint8Array,
  expectedExtractor?: string,
): TransferProject {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data);
  } catch {
    throw new InputError(`"${fileName}" is not a project file (it is not a zip archive).`, fileName);
  }
  const rawJson = entries[PROJECT_JSON];
  if (!rawJson)
    throw new InputError(`"${fileName}" has no ${PROJECT_JSON}: it is not a project file.`, fileName);
  let json: ProjectJson;
  try {
    json = JSON.parse(strFromU8(rawJson)) as ProjectJson;
  } catch {
    throw new InputError(`${PROJECT_JSON} in "${fileName}" is not valid JSON.`, fileName);
  }
  if (
    json.format !== 'creative-ai-studio/transfer-project' ||
    json.version !== 1 ||
    !Array.isArray(json.classes)
  ) {
    throw new InputError(`"${fileName}" is not a project of this studio.`, fileName);
  }
  if (expectedExtractor && json.extractor !== expectedExtractor) {
    throw new InputError(
      `"${fileName}" was made with "${json.extractor}" features, but this studio uses "${expectedExtractor}".`,
      fileName,
    );
  }
  const featBytes = entries[FEATURES_BIN] ?? new Uint8Array(0);
  const total = json.classes.reduce((s, c) => s + c.samples.length, 0);
  if (featBytes.byteLength !== total * json.featureSize * 4) {
    throw new InputError(
      `"${fileName}" is damaged: ${FEATURES_BIN} does not match the number of samples.`,
      fileName,
    );
  }
  const feats = new Float32Array(featBytes.slice().buffer);
  let row = 0;
  const classes: ProjectClass[] = json.classes.map((c) => ({
    id: c.id,
    name: c.name,
    samples: c.samples.map((s) => {
      const feature = feats.slice(row * json.featureSize, (row + 1) * json.featureSize);
      row++;
      return {
        id: s.id,
        thumbType: s.thumbType,
        thumb: s.thumb ? (entries[s.thumb] ?? new Uint8Array(0)) : new Uint8Array(0),
        feature,
      };
    }),
  }));
  let head: ProjectHead | null = null;
  if (json.head) {
    const w = entries[HEAD_WEIGHTS];
    if (!w)
      throw new InputError(`"${fileName}" is damaged: the trained model's weights are missing.`, fileName);
    head = {
      artifacts: {
        modelTopology: json.head.modelTopology as tf.io.ModelArtifacts['modelTopology'],
        weightSpecs: json.head.weightSpecs,
        weightData: w.slice().buffer,
        format: 'layers-model',
      },
      labels: json.head.labels,
      trainedAt: json.head.trainedAt,
    };
  }
  return {
    version: 1,
    extractor: json.extractor,
    featureSize: json.featureSize,
    classes,
    settings: json.settings,
    augment: json.augment,
    head,
    updatedAt: json.updatedAt,
  };
}
