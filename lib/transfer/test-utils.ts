// Test helpers (Node only): load the centernet model from disk and read the PPM fixtures.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';

const ROOT = join(__dirname, '..', '..');

/** An IOHandler that reads public/models/centernet from disk (run `npm run models` first). */
export function centernetFromDisk(): tf.io.IOHandler {
  const dir = join(ROOT, 'public', 'models', 'centernet');
  return {
    async load() {
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      const bin = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
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

/** Parses a binary PPM (P6, maxval 255) into a [h, w, 3] int32 tensor. */
export function readPpm(path: string): tf.Tensor3D {
  const buf = readFileSync(path);
  let pos = 0;
  const token = (): string => {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    let s = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]))) s += String.fromCharCode(buf[pos++]);
    return s;
  };
  if (token() !== 'P6') throw new Error(`${path} is not a P6 PPM`);
  const w = Number(token());
  const h = Number(token());
  token();
  pos++;
  return tf.tensor3d(Int32Array.from(buf.subarray(pos, pos + w * h * 3)), [h, w, 3], 'int32');
}

/** Paths of the fixture images of one class ("ball" or "block"), sorted. */
export function fixturePaths(name: string): string[] {
  const dir = join(ROOT, 'tests', 'fixtures', 'image');
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.ppm'))
    .sort()
    .map((f) => join(dir, f));
}
