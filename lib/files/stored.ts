// Settings and lab state the studios keep in IndexedDB are read through these schemas (valibot).
// Whatever is stored (an older version, a half-written value, something a script or extension put
// there), each field that is missing, of the wrong type, NaN, out of range or not one of the allowed
// names takes its default, one field at a time: a damaged value never crashes a studio, and the
// fields that are still good are kept. Lists are cut to a limit before their items are read, and
// items that do not fit are dropped. Reading never throws.
import * as v from 'valibot';

import type { AutoencoderLabConfig } from '../lab/autoencoder';
import type { CnnLabLayer } from '../lab/cnn-lab';
import type { CsvColumnChoice } from '../lab/csv-dataset';
import type { ForecastConfig } from '../lab/forecast';
import type { TableChoice } from '../lab/tabular-autoencoder';
import { POSE_MODEL_NAMES, POSENET_RESOLUTIONS } from '../pose/constants';
import type { PoseModelName } from '../pose/types';
import { DREAM_LAYERS, OUTPUT_SIZES } from '../vision/constants';
import type { DreamLayerId } from '../vision/types';
import { MAX_CSV_BYTES, MAX_NAME_LENGTH } from './constants';

/** A schema that reads any stored value as a T (never fails: wrong parts become defaults). */
export type StoredSchema<T> = v.GenericSchema<unknown, T>;

type Fields<T> = { [K in keyof T]-?: v.GenericSchema<unknown, T[K]> };

/** Most layers a saved CNN lab stack keeps (the lab's limit). */
export const MAX_STORED_CNN_LAYERS = 10;
/** Most drawings the Digits studio keeps. */
export const MAX_STORED_DRAWINGS = 2000;
/** Most columns a saved table choice keeps. */
export const MAX_STORED_COLUMNS = 500;
/** Pixels of one stored digit drawing (28 × 28). */
export const DRAWING_PIXELS = 784;

const copy = <T>(x: T): T => (x === undefined ? x : structuredClone(x));

/** An integer in [min, max]. */
const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
/** A finite number in [min, max]. */
const num = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
/** A learning rate: above 0, at most 1. */
const rate = v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1));
const seed = int(0, 2 ** 32 - 1);
const Name = v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH));
/** The text of a CSV the learner uploaded (already refused above MAX_CSV_BYTES when it was read). */
const CsvText = v.pipe(v.string(), v.maxLength(MAX_CSV_BYTES));

/**
 * An object read field by field: each field of `fields` that is missing or fails its schema takes
 * its value from `defaults`; a value that is not an object gives all defaults. Unknown keys are
 * dropped. Nest it for objects inside objects.
 */
export function storedObject<T extends object>(fields: Fields<T>, defaults: T): StoredSchema<T> {
  const entries: Record<string, v.GenericSchema> = {};
  for (const key of Object.keys(fields) as (keyof T & string)[])
    entries[key] = v.fallback(fields[key] as v.GenericSchema, () => copy(defaults[key]));
  return v.fallback(
    v.object(entries),
    () => copy(defaults) as Record<string, unknown>,
  ) as unknown as StoredSchema<T>;
}

/**
 * A list read item by item: at most `max` items are looked at (the rest are dropped unread), items
 * that fail `item` are dropped; a value that is not a list, or a list none of whose items is good,
 * gives `defaults` (an empty list stays empty).
 */
export function storedList<T>(
  item: v.GenericSchema<unknown, T>,
  max: number,
  defaults: T[],
): StoredSchema<T[]> {
  return v.pipe(
    v.unknown(),
    v.transform((raw): T[] => {
      if (!Array.isArray(raw)) return copy(defaults);
      const out: T[] = [];
      for (const x of raw.slice(0, max)) {
        const r = v.safeParse(item, x);
        if (r.success) out.push(r.output);
      }
      return raw.length > 0 && out.length === 0 ? copy(defaults) : out;
    }),
  ) as unknown as StoredSchema<T[]>;
}

/** Reads a stored value through `schema`. Never throws. */
export function readStored<T>(schema: StoredSchema<T>, raw: unknown): T {
  return v.parse(schema, raw);
}

// ---- Pose studio -------------------------------------------------------------------------------

/** The Pose studio's settings (components/pose). */
export interface StoredPoseSettings {
  model: PoseModelName;
  multiPose: boolean;
  inputResolution: number;
  minScore: number;
  mirror: boolean;
}

/** Pose settings: a known model, a PoseNet resolution it offers, a minimum score in [0, 1]. */
export const poseSettingsSchema = (defaults: StoredPoseSettings) =>
  storedObject<StoredPoseSettings>(
    {
      model: v.picklist(POSE_MODEL_NAMES),
      multiPose: v.boolean(),
      inputResolution: v.picklist(POSENET_RESOLUTIONS),
      minScore: num(0, 1),
      mirror: v.boolean(),
    },
    defaults,
  );

// ---- Neural network lab --------------------------------------------------------------------------

/** The CNN lab's training settings. */
export interface StoredCnnSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  subset: number;
}

/** One palette layer, with the ranges the lab's sliders offer. */
export const CnnLayerSchema: v.GenericSchema<unknown, CnnLabLayer> = v.variant('kind', [
  v.object({ kind: v.literal('conv'), filters: int(1, 32), kernelSize: int(1, 7) }),
  v.object({ kind: v.literal('maxPool'), poolSize: int(2, 8) }),
  v.object({ kind: v.literal('avgPool'), poolSize: int(2, 8) }),
  v.object({ kind: v.literal('dense'), units: int(4, 256) }),
  v.object({ kind: v.literal('dropout'), rate: num(0, 0.8) }),
]);

/** The CNN lab's saved stack (up to MAX_STORED_CNN_LAYERS good layers) and settings. */
export const cnnLabSchema = (defaults: { stack: CnnLabLayer[]; settings: StoredCnnSettings }) =>
  storedObject<{ stack: CnnLabLayer[]; settings: StoredCnnSettings }>(
    {
      stack: storedList(CnnLayerSchema, MAX_STORED_CNN_LAYERS, defaults.stack),
      settings: storedObject<StoredCnnSettings>(
        {
          epochs: int(1, 10),
          batchSize: int(8, 256),
          learningRate: num(0.0001, 0.03),
          subset: int(500, 8000),
        },
        defaults.settings,
      ),
    },
    defaults,
  );

/** A forecast config with the Sequence lab's slider ranges (engine ranges for fields without one). */
export const forecastConfigSchema = (defaults: ForecastConfig) =>
  storedObject<ForecastConfig>(
    {
      cell: v.picklist(['simpleRnn', 'lstm', 'gru']),
      units: v.pipe(v.array(int(2, 64)), v.minLength(1), v.maxLength(3)),
      window: int(2, 60),
      horizon: int(1, 12),
      normalise: v.boolean(),
      split: v.pipe(
        v.object({ train: num(0, 1), validation: num(0, 1), test: num(0, 1) }),
        v.check(
          (s) =>
            s.train > 0 &&
            s.test > 0 &&
            s.train < 1 &&
            s.validation < 1 &&
            s.test < 1 &&
            Math.abs(s.train + s.validation + s.test - 1) <= 1e-6,
          'train, validation and test must sum to 1',
        ),
      ),
      epochs: int(1, 100),
      batchSize: int(1, 1024),
      learningRate: rate,
      seed,
    },
    defaults,
  );

/** The Sequence lab's saved experiment. */
export interface StoredSequenceLab<S extends string> {
  source: S;
  config: ForecastConfig;
  csv?: { name: string; text: string; date: string; value: string };
}

/** The Sequence lab's source (one of `sources`), config and uploaded table (dropped when damaged). */
export const sequenceLabSchema = <S extends string>(sources: readonly S[], defaults: StoredSequenceLab<S>) =>
  storedObject<StoredSequenceLab<S>>(
    {
      source: v.picklist(sources as S[]) as v.GenericSchema<unknown, S>,
      config: forecastConfigSchema(defaults.config),
      csv: v.optional(v.object({ name: Name, text: CsvText, date: Name, value: Name })),
    },
    defaults,
  );

/** The digits half of the Autoencoder lab. */
export interface StoredDigitsAutoencoder {
  mode: 'all' | 'anomaly';
  normalDigit: number;
  config: AutoencoderLabConfig;
}

/** Mode, normal digit (0–9) and config with the lab's slider ranges. */
export const digitsAutoencoderSchema = (defaults: StoredDigitsAutoencoder) =>
  storedObject<StoredDigitsAutoencoder>(
    {
      mode: v.picklist(['all', 'anomaly']),
      normalDigit: int(0, 9),
      config: storedObject<AutoencoderLabConfig>(
        {
          kind: v.picklist(['dense', 'conv']),
          bottleneck: int(1, 32),
          epochs: int(1, 40),
          batchSize: int(1, 1024),
          learningRate: rate,
          seed,
        },
        defaults.config,
      ),
    },
    defaults,
  );

/** The table half of the Autoencoder lab. */
export interface StoredTableAutoencoder {
  source: 'seattle' | 'csv';
  choice: Required<TableChoice>;
  bottleneck: number;
  epochs: number;
  upload?: { name: string; text: string };
}

const Columns = v.pipe(v.array(Name), v.maxLength(MAX_STORED_COLUMNS));

/** Source, column choice, bottleneck (1–8), epochs (5–200) and an uploaded table (dropped when damaged). */
export const tableAutoencoderSchema = (defaults: StoredTableAutoencoder) =>
  storedObject<StoredTableAutoencoder>(
    {
      source: v.picklist(['seattle', 'csv']),
      choice: storedObject<Required<TableChoice>>(
        { features: v.pipe(Columns, v.minLength(1)), label: v.nullable(Name), normal: Columns },
        defaults.choice,
      ),
      bottleneck: int(1, 8),
      epochs: int(5, 200),
      upload: v.optional(v.object({ name: Name, text: CsvText })),
    },
    defaults,
  );

/** The Playground's uploaded table and column choice. */
export interface StoredPlaygroundCsv {
  name: string;
  text: string;
  choice: CsvColumnChoice;
}

/** The Playground's saved CSV, or null when it is missing or damaged (the Playground's own data then). */
export const PlaygroundCsvSchema: StoredSchema<StoredPlaygroundCsv | null> = v.fallback(
  v.nullable(
    v.object({
      name: Name,
      text: CsvText,
      choice: v.object({
        x1: Name,
        x2: Name,
        label: Name,
        problem: v.optional(v.picklist(['classification', 'regression', 'auto'])),
      }),
    }),
  ),
  null,
);

// ---- Digits studio ------------------------------------------------------------------------------

/** A drawing the learner added: 784 pixels in [0, 1] and its digit. */
export interface StoredDrawing {
  pixels: number[];
  label: number;
}

/** The Digits studio's drawings: up to MAX_STORED_DRAWINGS good ones (none when not a list). */
export const DrawingsSchema: StoredSchema<StoredDrawing[]> = storedList(
  v.object({
    pixels: v.pipe(v.array(num(0, 1)), v.length(DRAWING_PIXELS)),
    label: int(0, 9),
  }),
  MAX_STORED_DRAWINGS,
  [],
);

// ---- Dream & style studio -------------------------------------------------------------------------

/** The deep dream panel's settings. */
export interface StoredDreamSettings {
  layer: DreamLayerId;
  channel: number | null;
  octaves: number;
  octaveScale: number;
  stepsPerOctave: number;
  stepSize: number;
  jitter: number;
  strength: number;
  size: number;
}

const OutputSize = v.picklist(OUTPUT_SIZES as number[]);

/** Dream settings with the panel's ranges; the layer one of DREAM_LAYERS, the size one offered. */
export const dreamSettingsSchema = (defaults: StoredDreamSettings) =>
  storedObject<StoredDreamSettings>(
    {
      layer: v.picklist(DREAM_LAYERS.map((l) => l.id)),
      channel: v.nullable(int(0, 4095)),
      octaves: int(1, 6),
      octaveScale: num(1.1, 2),
      stepsPerOctave: int(1, 50),
      stepSize: num(0.1, 20),
      jitter: int(0, 64),
      strength: num(0, 1),
      size: OutputSize,
    },
    defaults,
  );

/** The style transfer panel's settings. */
export interface StoredStyleSettings {
  contentWeight: number;
  styleWeight: number;
  tvWeight: number;
  iterations: number;
  keepColours: boolean;
  size: number;
}

/** Style settings with the panel's ranges. */
export const styleSettingsSchema = (defaults: StoredStyleSettings) =>
  storedObject<StoredStyleSettings>(
    {
      contentWeight: num(0, 10),
      styleWeight: num(0.1, 1000),
      tvWeight: num(0, 100),
      iterations: int(1, 300),
      keepColours: v.boolean(),
      size: OutputSize,
    },
    defaults,
  );

// ---- Music studio -------------------------------------------------------------------------------

/**
 * The Music studio's tuned melody model (components/music/use-melody-tuning): its config, weight
 * list and weights, how the tuning went, and the melodies it learned from; null when damaged (the
 * studio then has no tuned model, as before tuning).
 */
export const StoredTuningSchema = v.fallback(
  v.nullable(
    v.looseObject({
      artifacts: v.looseObject({
        config: v.looseObject({ type: v.literal('MusicRNN') }),
        specs: v.pipe(
          v.array(v.looseObject({ name: v.string(), shape: v.array(int(0, 1_000_000)), dtype: v.string() })),
          v.maxLength(1000),
        ),
        data: v.instance(ArrayBuffer),
      }),
      result: v.looseObject({
        valLossBefore: v.number(),
        valLossAfter: v.number(),
        steps: int(0, 1_000_000),
        bestStep: int(0, 1_000_000),
        cancelled: v.boolean(),
      }),
      sources: v.pipe(v.array(v.string()), v.maxLength(1000)),
      savedAt: v.number(),
    }),
  ),
  null,
);
