// Types for saving work locally (IndexedDB) and to files.
import type * as tf from '@tensorflow/tfjs';

/** Free-form metadata stored beside a model (labels, input size, versions ...). */
export type ModelMetadata = Record<string, unknown> & {
  /** Human-readable name. */
  name?: string;
  /** Class labels, in output order, for classifiers. */
  labels?: string[];
};

/** A model as saved in IndexedDB. */
export interface StoredModel {
  artifacts: tf.io.ModelArtifacts;
  metadata: ModelMetadata;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

/** A file's name and bytes, independent of the DOM's File. */
export interface NamedBytes {
  name: string;
  data: Uint8Array;
}

/** The parts of an exported model, as read back from files. */
export interface ImportedModel {
  artifacts: tf.io.ModelArtifacts;
  metadata: ModelMetadata;
}
