// Models in IndexedDB through a tf.io.IOHandler, so `model.save()` and `tf.loadLayersModel()` work.
import * as tf from '@tensorflow/tfjs';

import { ModelLoadError } from '../errors';
// Registers the library's custom layers (SeededDropout) so saved models load again.
import '../models/seeded-dropout';
import { STORE_MODELS } from './constants';
import { openStudioDb } from './db';
import type { ModelMetadata, StoredModel } from './types';

/** Joins tfjs weight data (one buffer or several) into one ArrayBuffer. */
export function joinWeightData(data: tf.io.WeightData | undefined): ArrayBuffer {
  return data === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(data);
}

/**
 * An IOHandler that saves to and loads from the studio's IndexedDB under `key`.
 * `metadata` is stored beside the model on save.
 */
export function indexedDbModelHandler(key: string, metadata: ModelMetadata = {}): tf.io.IOHandler {
  return {
    async save(artifacts) {
      const stored: StoredModel = {
        artifacts: { ...artifacts, weightData: joinWeightData(artifacts.weightData) },
        metadata,
        savedAt: Date.now(),
      };
      const db = await openStudioDb();
      await db.put(STORE_MODELS, stored, key);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load() {
      const stored = await loadStoredModel(key);
      if (!stored) throw new ModelLoadError(`No saved model named "${key}" on this device.`);
      return stored.artifacts;
    },
  };
}

/** Reads a stored model (artifacts and metadata), or undefined. */
export async function loadStoredModel(key: string): Promise<StoredModel | undefined> {
  const db = await openStudioDb();
  return (await db.get(STORE_MODELS, key)) as StoredModel | undefined;
}

/** Saves a layers model and its metadata under `key`. */
export async function saveModelToDb(
  model: tf.LayersModel,
  key: string,
  metadata: ModelMetadata = {},
): Promise<void> {
  await model.save(indexedDbModelHandler(key, metadata));
}

/** Loads a layers model and its metadata saved under `key`. */
export async function loadModelFromDb(
  key: string,
): Promise<{ model: tf.LayersModel; metadata: ModelMetadata }> {
  const stored = await loadStoredModel(key);
  if (!stored) throw new ModelLoadError(`No saved model named "${key}" on this device.`);
  const model = await tf.loadLayersModel(tf.io.fromMemory(stored.artifacts));
  return { model, metadata: stored.metadata };
}

/** Deletes a stored model. */
export async function deleteModelFromDb(key: string): Promise<void> {
  const db = await openStudioDb();
  await db.delete(STORE_MODELS, key);
}
