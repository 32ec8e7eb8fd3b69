// Test helpers (Node only): read the shipped model and data files from disk, no server needed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { FetchLike } from './types';

/** Repository root, found from this file's location. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** public/models/<name>/ on disk. */
export function modelDir(name: string): string {
  return path.join(REPO_ROOT, 'public', 'models', name);
}

/** Reads a JSON file under the repository root. */
export function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, ...parts), 'utf8')) as T;
}

/** A tf.io.IOHandler that reads model.json and its weight files from a folder with fs. */
export function fsModelHandler(dir: string): tf.io.IOHandler {
  return {
    async load(): Promise<tf.io.ModelArtifacts> {
      const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      const buffers = json.weightsManifest.flatMap((group) =>
        group.paths.map((p) => readFileSync(path.join(dir, p))),
      );
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

/** A FetchLike that serves files from a folder (for loadMnist in Node). */
export function fsFetch(dir: string): FetchLike {
  return async (name: string) => {
    try {
      const bytes = readFileSync(path.join(dir, name));
      return {
        ok: true,
        status: 200,
        arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      };
    } catch {
      return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
    }
  };
}
