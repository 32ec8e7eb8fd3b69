// One project file for every teachable studio: a zip with project.json (format + version),
// features.bin, each example's payload as a normal file (JPEG/PNG pictures, WAV clips) and the
// trained model's weights. Reads version 2 and the version-1 files of the Image and Pose studios.
import type * as tf from '@tensorflow/tfjs';
import { strToU8, zipSync } from 'fflate';

import { decodeWav, encodeWav } from '../audio/wav';
import { toMono } from '../audio/resample';
import { InputError } from '../errors';
import {
  FileError,
  MAX_DECODE_PIXELS,
  MAX_PROJECT_SAMPLES,
  PROJECT_FORMAT,
  PROJECT_FORMAT_V1,
  ProjectJsonSchema,
  checkClassCount,
  formatCount,
  looksLikeZip,
  parseJsonWith,
  readImageSize,
  safeUnzip,
  type ModelEntry,
} from '../files';
import {
  DEFAULT_AUGMENT,
  PROJECT_VERSION,
  type AugmentSettings,
  type BaseTrainSettings,
  type ProjectClass,
  type ProjectModel,
  type SamplePayload,
  type TeachableProject,
} from './project';

export { PROJECT_FORMAT, PROJECT_FORMAT_V1 };

const PROJECT_JSON = 'project.json';
/** Longest teacher's note kept from a project file, in characters. */
const MAX_NOTES = 2000;
const FEATURES_BIN = 'features.bin';
const HEAD_WEIGHTS = 'head-weights.bin';

/** How one example is listed in project.json; `file` is its payload inside the zip. */
type SampleEntry =
  | { id: string; kind: 'picture'; type: string; file: string | null }
  | { id: string; kind: 'clip'; file: string; source: 'mic' | 'file'; sourceFile?: string };

/** How a trained model is written into project.json. */
interface ModelEntryOut {
  modelTopology: unknown;
  weightSpecs: tf.io.WeightsManifestEntry[];
  labels: string[];
  trainedAt: number;
  metadata?: Record<string, unknown>;
  revision?: number;
}

interface ProjectJsonV2 {
  format: typeof PROJECT_FORMAT;
  version: 2;
  extractor: string;
  featureSize: number;
  classes: { id: string; name: string; background?: boolean; samples: SampleEntry[] }[];
  settings: unknown;
  augment: AugmentSettings;
  head: ModelEntryOut | null;
  revision: number;
  options: Record<string, number | string | boolean>;
  updatedAt: number;
  /** The teacher's notes (optional; files without it still open). */
  notes?: string;
}

function joinWeights(data: tf.io.WeightData | undefined): Uint8Array {
  if (!data) return new Uint8Array(0);
  if (!Array.isArray(data)) return new Uint8Array(data as ArrayBuffer);
  const out = new Uint8Array(data.reduce((s, b) => s + b.byteLength, 0));
  let o = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), o);
    o += b.byteLength;
  }
  return out;
}

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The zip path and bytes of a payload (null for an empty picture). */
function payloadFile(id: string, p: SamplePayload): { path: string; data: Uint8Array } | null {
  if (p.kind === 'clip') return { path: `samples/${id}.wav`, data: encodeWav(p.samples, p.sampleRate) };
  if (!p.bytes.length) return null;
  return { path: `samples/${id}.${EXT[p.type] ?? 'bin'}`, data: p.bytes };
}

/**
 * Packs a project into one zip. Pictures and clips are stored as ordinary JPEG/PNG/WAV files so a
 * teacher can open them; clips become 16-bit WAV (one quantisation step, about 3·10⁻⁵, of change).
 */
export function exportProjectZip<S extends BaseTrainSettings>(project: TeachableProject<S>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const size = project.featureSize;
  const count = project.classes.reduce((s, c) => s + c.samples.length, 0);
  const feats = new Float32Array(count * size);
  let row = 0;
  const json: ProjectJsonV2 = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    extractor: project.extractor,
    featureSize: size,
    classes: project.classes.map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.background ? { background: true } : {}),
      samples: c.samples.map((s): SampleEntry => {
        if (size > 0) feats.set(s.feature, row * size);
        row++;
        const file = payloadFile(s.id, s.payload);
        if (file) files[file.path] = file.data;
        if (s.payload.kind === 'clip') {
          return {
            id: s.id,
            kind: 'clip',
            file: file!.path,
            source: s.payload.source,
            ...(s.payload.file ? { sourceFile: s.payload.file } : {}),
          };
        }
        return { id: s.id, kind: 'picture', type: s.payload.type, file: file?.path ?? null };
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
          ...(project.head.metadata ? { metadata: project.head.metadata } : {}),
          ...(project.head.revision !== undefined ? { revision: project.head.revision } : {}),
        }
      : null,
    revision: project.revision,
    options: project.options,
    updatedAt: project.updatedAt,
    ...(project.notes ? { notes: project.notes } : {}),
  };
  files[PROJECT_JSON] = strToU8(JSON.stringify(json));
  if (size > 0) files[FEATURES_BIN] = new Uint8Array(feats.buffer);
  if (project.head) files[HEAD_WEIGHTS] = joinWeights(project.head.artifacts.weightData);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])));
}

/** True when the bytes are a zip with a project.json at its root (a project file, not a model). */
export function isProjectZip(data: Uint8Array): boolean {
  if (!looksLikeZip(data)) return false;
  try {
    return PROJECT_JSON in safeUnzip('', data, { only: (path) => path === PROJECT_JSON });
  } catch {
    return false;
  }
}

function readModel(
  fileName: string,
  entry: ModelEntry | null,
  weights: Uint8Array | undefined,
): ProjectModel | null {
  if (!entry) return null;
  if (!weights)
    throw new InputError(`"${fileName}" is damaged: the trained model's weights are missing.`, fileName);
  return {
    artifacts: {
      modelTopology: entry.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: entry.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData: weights.slice().buffer,
      format: 'layers-model',
    },
    labels: entry.labels,
    trainedAt: entry.trainedAt,
    ...(entry.metadata ? { metadata: entry.metadata } : {}),
    revision: entry.revision ?? 0,
  };
}

function readPayload(fileName: string, s: SampleEntry, entries: Record<string, Uint8Array>): SamplePayload {
  if (s.kind === 'clip') {
    const bytes = entries[s.file];
    if (!bytes) throw new InputError(`"${fileName}" is damaged: the sound "${s.file}" is missing.`, fileName);
    const wav = decodeWav(bytes, s.file);
    return {
      kind: 'clip',
      samples: toMono(wav.channels),
      sampleRate: wav.sampleRate,
      source: s.source === 'mic' ? 'mic' : 'file',
      ...(s.sourceFile ? { file: s.sourceFile } : {}),
    };
  }
  const bytes = s.file ? (entries[s.file] ?? new Uint8Array(0)) : new Uint8Array(0);
  // Example pictures are small thumbnails: one that claims to be huge is refused before any decode.
  const size = readImageSize(bytes);
  if (size && size.width * size.height > MAX_DECODE_PIXELS)
    throw new FileError('files.image.tooManyPixels', {
      name: `${fileName}: ${s.file}`,
      width: size.width,
      height: size.height,
      mp: Math.round((size.width * size.height) / 1e6),
      max: MAX_DECODE_PIXELS / 1e6,
    });
  return { kind: 'picture', type: s.type, bytes };
}

/**
 * Reads a project zip written by {@link exportProjectZip} (version 2) or by the Image and Pose
 * studios before it (version 1). `expectedExtractor` (a name, or a list of accepted names) guards
 * against mixing features from another studio's extractor.
 * @throws InputError naming what is wrong.
 */
export function importProjectZip<S extends BaseTrainSettings = BaseTrainSettings>(
  fileName: string,
  data: Uint8Array,
  expectedExtractor?: string | readonly string[],
): TeachableProject<S> {
  // Everything is checked before the caller touches its saved project: sizes, counts, types.
  const entries = safeUnzip(fileName, data);
  const rawJson = entries[PROJECT_JSON];
  if (!rawJson) throw new FileError('files.notProject', { name: fileName });
  const json = parseJsonWith(ProjectJsonSchema, fileName, PROJECT_JSON, rawJson, (raw) => {
    const r = raw as { format?: unknown; classes?: unknown } | null;
    if (r?.format !== PROJECT_FORMAT && r?.format !== PROJECT_FORMAT_V1)
      throw new FileError('files.notProject', { name: fileName });
    checkClassCount(fileName, r.classes);
    if (Array.isArray(r.classes)) {
      const total = r.classes.reduce(
        (n: number, c: { samples?: unknown }) => n + (Array.isArray(c?.samples) ? c.samples.length : 0),
        0,
      );
      if (total > MAX_PROJECT_SAMPLES)
        throw new FileError('files.samples.tooMany', {
          name: fileName,
          count: formatCount(total),
          max: formatCount(MAX_PROJECT_SAMPLES),
        });
    }
  });
  // A list names the studio's own features first, then older ones it re-extracts after import.
  const accepted = typeof expectedExtractor === 'string' ? [expectedExtractor] : (expectedExtractor ?? []);
  if (accepted.length && !accepted.includes(json.extractor)) {
    throw new FileError('files.project.wrongStudio', { name: fileName, found: json.extractor });
  }
  const size = json.featureSize;
  const total = json.classes.reduce((s, c) => s + c.samples.length, 0);
  const featBytes = entries[FEATURES_BIN] ?? new Uint8Array(0);
  if (featBytes.byteLength !== total * size * 4) {
    throw new InputError(
      `"${fileName}" is damaged: ${FEATURES_BIN} does not match the number of samples.`,
      fileName,
    );
  }
  const feats = new Float32Array(featBytes.slice().buffer);
  let row = 0;
  const nextFeature = () => feats.slice(row * size, ++row * size);
  const classes: ProjectClass[] =
    json.version === 1
      ? json.classes.map((c) => ({
          id: c.id,
          name: c.name,
          samples: c.samples.map((s) => ({
            id: s.id,
            feature: nextFeature(),
            payload: readPayload(
              fileName,
              { id: s.id, kind: 'picture', type: s.thumbType, file: s.thumb },
              entries,
            ),
          })),
        }))
      : json.classes.map((c) => ({
          id: c.id,
          name: c.name,
          ...(c.background ? { background: true } : {}),
          samples: c.samples.map((s) => ({
            id: s.id,
            feature: nextFeature(),
            payload: readPayload(fileName, s, entries),
          })),
        }));
  return {
    version: PROJECT_VERSION,
    extractor: json.extractor,
    featureSize: size,
    classes,
    settings: json.settings as S,
    augment: json.augment ?? { ...DEFAULT_AUGMENT },
    head: readModel(fileName, json.head, entries[HEAD_WEIGHTS]),
    revision: json.version === 2 ? json.revision : 0,
    options: json.version === 2 ? (json.options ?? {}) : {},
    updatedAt: json.updatedAt,
    ...(json.version === 2 && typeof json.notes === 'string' && json.notes.trim()
      ? { notes: json.notes.trim().slice(0, MAX_NOTES) }
      : {}),
  };
}
