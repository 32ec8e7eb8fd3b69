// Export a model as model.json + weights.bin + metadata.json (one zip), and import it back.
import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { strToU8, zipSync } from 'fflate';

import { InputError } from '../errors';
import {
  MAX_ARCHIVE_BYTES,
  ModelJsonSchema,
  checkClassCount,
  checkFileSize,
  looksLikeZip,
  parseJsonWith,
  safeUnzip,
} from '../files';
// Registers the library's custom layers (SeededDropout) so imported models load.
import '../models/seeded-dropout';
import { METADATA_JSON, MODEL_JSON, WEIGHTS_BIN } from './constants';
import { joinWeightData } from './model-store';
import type { ImportedModel, ModelMetadata, NamedBytes } from './types';

/** Any metadata.json is an object; its labels, when present, are checked by count first. */
const ModelMetadataSchema = v.record(v.string(), v.unknown());

/** Captures a layers model's artifacts without touching any storage. */
export async function captureArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!captured) throw new Error('model.save produced no artifacts');
  return captured;
}

/** Turns artifacts into the three files tfjs's `loadLayersModel(url)` reads. */
export function artifactsToFiles(artifacts: tf.io.ModelArtifacts, metadata: ModelMetadata): NamedBytes[] {
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as tf.io.ModelJSON['modelTopology'],
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.trainingConfig) modelJson.trainingConfig = artifacts.trainingConfig;
  return [
    { name: MODEL_JSON, data: strToU8(JSON.stringify(modelJson)) },
    { name: WEIGHTS_BIN, data: new Uint8Array(joinWeightData(artifacts.weightData)) },
    { name: METADATA_JSON, data: strToU8(JSON.stringify(metadata, null, 2)) },
  ];
}

/** Zips named files (stored, since weights hardly compress). */
export function zipFiles(files: NamedBytes[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [f.data, { level: 0 }]])));
}

/** Exports a layers model with its metadata as one zip (model.json, weights.bin, metadata.json + extras). */
export async function exportModelZip(
  model: tf.LayersModel,
  metadata: ModelMetadata,
  extraFiles: NamedBytes[] = [],
): Promise<Uint8Array> {
  const artifacts = await captureArtifacts(model);
  return zipFiles([...artifactsToFiles(artifacts, metadata), ...extraFiles]);
}

/** Expands zips among the given files; returns a flat list by base name. */
export function expandFiles(files: NamedBytes[]): NamedBytes[] {
  const out: NamedBytes[] = [];
  const total = files.reduce((n, f) => n + f.data.byteLength, 0);
  checkFileSize(files[0]?.name ?? 'model', total, MAX_ARCHIVE_BYTES, 'archive');
  for (const f of files) {
    if (looksLikeZip(f.data)) {
      // Counted and sized before anything is inflated (a zip bomb is refused here).
      const entries = safeUnzip(f.name, f.data);
      for (const [path, data] of Object.entries(entries)) {
        if (path.endsWith('/')) continue;
        out.push({ name: path.split('/').pop() ?? path, data });
      }
    } else {
      out.push({ name: f.name.split('/').pop() ?? f.name, data: f.data });
    }
  }
  return out;
}

/**
 * Reads a model exported by {@link exportModelZip}, by tfjs `model.save('downloads://')`, or by
 * Teachable Machine: either one zip or the separate files. Every problem is an InputError that
 * says which file is wrong and why.
 */
export function importModelFiles(files: NamedBytes[]): ImportedModel {
  const all = expandFiles(files);
  const jsonFile =
    all.find((f) => f.name === MODEL_JSON) ??
    all.find((f) => f.name.endsWith('.json') && f.name !== METADATA_JSON);
  if (!jsonFile)
    throw new InputError(
      'No model.json was found. Choose model.json, its weights file and metadata.json, or one .zip.',
    );
  const source = files.length === 1 ? files[0]!.name : jsonFile.name;
  const modelJson = parseJsonWith(
    ModelJsonSchema,
    source,
    jsonFile.name,
    jsonFile.data,
  ) as unknown as tf.io.ModelJSON;
  const weightSpecs = modelJson.weightsManifest.flatMap((g) => g.weights);
  const paths = modelJson.weightsManifest.flatMap((g) => g.paths);
  const buffers: Uint8Array[] = [];
  for (const p of paths) {
    const base = p.split('/').pop() ?? p;
    const file =
      all.find((f) => f.name === base) ??
      (paths.length === 1 ? all.find((f) => f.name.endsWith('.bin')) : undefined);
    if (!file) throw new InputError(`The weights file "${base}" named in ${jsonFile.name} is missing.`, base);
    buffers.push(file.data);
  }
  const total = buffers.reduce((s, b) => s + b.length, 0);
  const expected = expectedWeightBytes(weightSpecs);
  if (expected !== null && expected !== total) {
    throw new InputError(
      `The weights are ${total} bytes but ${jsonFile.name} describes ${expected} bytes: the files do not belong together or one is damaged.`,
    );
  }
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    weightData.set(b, offset);
    offset += b.length;
  }
  let metadata: ModelMetadata = {};
  const metaFile = all.find((f) => f.name === METADATA_JSON);
  if (metaFile) {
    metadata = parseJsonWith(ModelMetadataSchema, source, METADATA_JSON, metaFile.data, (raw) =>
      checkClassCount(source, (raw as { labels?: unknown } | null)?.labels),
    ) as ModelMetadata;
  }
  return {
    artifacts: {
      modelTopology: modelJson.modelTopology,
      format: modelJson.format,
      generatedBy: modelJson.generatedBy,
      convertedBy: modelJson.convertedBy,
      trainingConfig: modelJson.trainingConfig,
      weightSpecs,
      weightData: weightData.buffer,
    },
    metadata,
  };
}

const DTYPE_BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

/** Bytes the weight specs describe, or null when quantisation/strings make it unknowable here. */
function expectedWeightBytes(specs: tf.io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    if (s.quantization) {
      const q = s.quantization.dtype;
      total += n * (q === 'uint8' ? 1 : q === 'uint16' || q === 'float16' ? 2 : 4);
    } else if (s.dtype in DTYPE_BYTES) {
      total += n * DTYPE_BYTES[s.dtype];
    } else {
      return null;
    }
  }
  return total;
}

/** Loads a layers model from imported files. */
export async function loadImportedLayersModel(
  files: NamedBytes[],
): Promise<{ model: tf.LayersModel; metadata: ModelMetadata }> {
  const { artifacts, metadata } = importModelFiles(files);
  try {
    const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    return { model, metadata };
  } catch (e) {
    throw new InputError(
      `The model files could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
