// Schemas (valibot) for every JSON file the studios read: project.json, model.json, metadata.json
// of our models and Teachable Machine's, the Sound studio's first project manifest. Parsing with
// them turns any wrong type, missing field or out-of-range value into a FileError that names the
// file and the field, before anything is built from it.
import * as v from 'valibot';

import { strFromU8 } from 'fflate';

import {
  MAX_FILE_CLASSES,
  MAX_JSON_BYTES,
  MAX_MIDI_NOTES,
  MAX_NAME_LENGTH,
  TM_IMAGE_SIZE_RANGE,
} from './constants';
import { FileError, checkFileSize, formatCount } from './errors';

/** `format` of project.json in a version-2 project file. */
export const PROJECT_FORMAT = 'creative-ai-studio/teachable-project';
/** `format` of project.json in a version-1 project file (Image and Pose studios). */
export const PROJECT_FORMAT_V1 = 'creative-ai-studio/transfer-project';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME_LENGTH));
const Name = v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A payload inside the zip: only under samples/, no other folder. */
const SamplePath = v.pipe(v.string(), v.regex(/^(samples|thumbs)\/[\w.-]+$/), v.maxLength(200));
const Options = v.record(v.string(), v.union([v.number(), v.string(), v.boolean()]));

const WeightSpec = v.looseObject({
  name: v.string(),
  shape: v.array(Count),
  dtype: v.picklist(['float32', 'int32', 'bool', 'string', 'complex64', 'uint8', 'uint16', 'float16']),
  quantization: v.optional(v.looseObject({ dtype: v.picklist(['uint8', 'uint16', 'float16']) })),
});

/** A trained model inside project.json. */
export const ModelEntrySchema = v.looseObject({
  modelTopology: v.looseObject({}),
  weightSpecs: v.array(WeightSpec),
  labels: v.pipe(v.array(Name), v.maxLength(MAX_FILE_CLASSES)),
  trainedAt: v.number(),
  metadata: v.optional(v.record(v.string(), v.unknown())),
  revision: v.optional(Count),
});

/** Augmentation settings; each field falls back to its default when missing or wrong. */
export const AugmentSchema = v.object({
  enabled: v.fallback(v.boolean(), false),
  copies: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)), 2),
  flip: v.fallback(v.boolean(), true),
  crop: v.fallback(v.boolean(), true),
  brightness: v.fallback(v.boolean(), true),
});

const AUGMENT_DEFAULTS = { enabled: false, copies: 2, flip: true, crop: true, brightness: true };

const PictureEntry = v.object({
  id: Id,
  kind: v.literal('picture'),
  type: v.pipe(v.string(), v.regex(/^image\/[\w.+-]+$/)),
  file: v.nullable(SamplePath),
});
const ClipEntry = v.object({
  id: Id,
  kind: v.literal('clip'),
  file: SamplePath,
  source: v.picklist(['mic', 'file']),
  sourceFile: v.optional(v.string()),
});

/** project.json of a version-2 project file. Missing settings, augment and options get defaults. */
export const ProjectJsonV2Schema = v.object({
  format: v.literal(PROJECT_FORMAT),
  version: v.literal(2),
  extractor: Name,
  featureSize: v.pipe(Count, v.maxValue(100_000)),
  classes: v.pipe(
    v.array(
      v.object({
        id: Id,
        name: Name,
        background: v.optional(v.boolean()),
        samples: v.array(v.variant('kind', [PictureEntry, ClipEntry])),
      }),
    ),
    v.maxLength(MAX_FILE_CLASSES),
  ),
  settings: v.optional(v.record(v.string(), v.unknown()), {}),
  augment: v.optional(AugmentSchema, AUGMENT_DEFAULTS),
  head: v.optional(v.nullable(ModelEntrySchema), null),
  revision: v.optional(Count, 0),
  options: v.optional(Options, {}),
  updatedAt: v.optional(v.number(), 0),
  /** The teacher's notes shown at the top of a studio (a lesson project); cut to MAX_NOTES on import. */
  notes: v.optional(v.string()),
});

/** project.json of a version-1 project file (Image and Pose studios before payloads). */
export const ProjectJsonV1Schema = v.object({
  format: v.literal(PROJECT_FORMAT_V1),
  version: v.literal(1),
  extractor: Name,
  featureSize: v.pipe(Count, v.maxValue(100_000)),
  classes: v.pipe(
    v.array(
      v.object({
        id: Id,
        name: Name,
        samples: v.array(
          v.object({
            id: Id,
            thumbType: v.optional(v.pipe(v.string(), v.regex(/^image\/[\w.+-]+$/)), 'image/jpeg'),
            thumb: v.nullable(SamplePath),
          }),
        ),
      }),
    ),
    v.maxLength(MAX_FILE_CLASSES),
  ),
  settings: v.optional(v.record(v.string(), v.unknown()), {}),
  augment: v.optional(AugmentSchema, AUGMENT_DEFAULTS),
  head: v.optional(v.nullable(ModelEntrySchema), null),
  updatedAt: v.optional(v.number(), 0),
});

/** project.json of either version. */
export const ProjectJsonSchema = v.variant('version', [ProjectJsonV2Schema, ProjectJsonV1Schema]);
export type ProjectJson = v.InferOutput<typeof ProjectJsonSchema>;
export type ModelEntry = v.InferOutput<typeof ModelEntrySchema>;

/** model.json of a tfjs layers or graph model. */
export const ModelJsonSchema = v.looseObject({
  modelTopology: v.looseObject({}),
  format: v.optional(v.string()),
  generatedBy: v.optional(v.string()),
  convertedBy: v.optional(v.nullable(v.string())),
  weightsManifest: v.pipe(
    v.array(v.object({ paths: v.array(v.pipe(v.string(), v.maxLength(500))), weights: v.array(WeightSpec) })),
    v.maxLength(1000),
  ),
  trainingConfig: v.optional(v.unknown()),
});

/** metadata.json of a Teachable Machine image model. */
export const TmMetadataSchema = v.looseObject({
  labels: v.pipe(v.array(Name), v.minLength(1), v.maxLength(MAX_FILE_CLASSES)),
  imageSize: v.optional(v.number()),
});

/** sound-project.json of the Sound studio's first project files. */
export const LegacySoundManifestSchema = v.object({
  classes: v.pipe(
    v.array(
      v.object({
        name: Name,
        background: v.optional(v.boolean(), false),
        examples: v.optional(v.array(v.pipe(v.string(), v.maxLength(200))), []),
      }),
    ),
    v.maxLength(MAX_FILE_CLASSES),
  ),
});

/** "classes.3.name: Invalid length: …" for the first problem found. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'unknown problem';
  const path = v.getDotPath(first);
  return path ? `${path}: ${first.message}` : first.message;
}

/**
 * Refuses a list of classes (or labels) longer than MAX_FILE_CLASSES with a message that says how
 * many it has, before a schema reports it less kindly.
 */
export function checkClassCount(name: string, list: unknown): void {
  if (Array.isArray(list) && list.length > MAX_FILE_CLASSES)
    throw new FileError('files.classes.tooMany', {
      name,
      count: formatCount(list.length),
      max: MAX_FILE_CLASSES,
    });
}

/**
 * Parses `bytes` (the file `file` inside `name`) as JSON and checks it against `schema`.
 * `precheck` runs on the raw value first (class counts, for a friendlier message).
 * @throws FileError naming the file, the field and what is wrong.
 */
export function parseJsonWith<S extends v.GenericSchema>(
  schema: S,
  name: string,
  file: string,
  bytes: Uint8Array,
  precheck?: (raw: unknown) => void,
): v.InferOutput<S> {
  checkFileSize(file, bytes.byteLength, MAX_JSON_BYTES, 'json');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
  } catch {
    throw new FileError('files.json.invalid', { name, file });
  }
  precheck?.(raw);
  return checkWith(schema, name, file, raw);
}

/** Checks an already parsed value against `schema` ({@link parseJsonWith} without the parsing). */
export function checkWith<S extends v.GenericSchema>(
  schema: S,
  name: string,
  file: string,
  raw: unknown,
): v.InferOutput<S> {
  const result = v.safeParse(schema, raw);
  if (!result.success)
    throw new FileError('files.json.shape', { name, file, detail: describeIssues(result.issues) });
  return result.output;
}

/**
 * Checks a Teachable Machine metadata.json: labels (1 to MAX_FILE_CLASSES names) and imageSize
 * (an integer in TM_IMAGE_SIZE_RANGE). Returns the image size (224 when absent).
 * @throws FileError naming the file and the value.
 */
export function checkTmMetadata(name: string, raw: unknown): { labels: string[]; imageSize: number } {
  checkClassCount(name, (raw as { labels?: unknown } | null)?.labels);
  const meta = checkWith(TmMetadataSchema, name, 'metadata.json', raw);
  const size = meta.imageSize ?? 224;
  const [min, max] = TM_IMAGE_SIZE_RANGE;
  if (!Number.isInteger(size) || size < min || size > max)
    throw new FileError('files.tm.imageSize', { name, value: String(meta.imageSize), min, max });
  return { labels: meta.labels, imageSize: size };
}

const StepNumber = v.pipe(v.number(), v.finite(), v.minValue(0));
/** A music clip as the Music studio saves it (checked when saved clips are loaded). */
export const StoredClipSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  kind: v.picklist(['melody', 'drums']),
  notes: v.pipe(
    v.array(
      v.looseObject({
        pitch: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(127)),
        quantizedStartStep: StepNumber,
        quantizedEndStep: StepNumber,
      }),
    ),
    v.maxLength(MAX_MIDI_NOTES),
  ),
  totalQuantizedSteps: StepNumber,
  qpm: v.pipe(v.number(), v.finite(), v.minValue(1)),
});

/**
 * The items of a stored list that match `schema` (the rest are dropped, so one damaged item never
 * loses the others), or null when the stored value is not a list at all.
 */
export function keepValid<S extends v.GenericSchema>(raw: unknown, schema: S): v.InferOutput<S>[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter((item) => v.is(schema, item)) as v.InferOutput<S>[];
}
