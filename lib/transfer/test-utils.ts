// Test helpers (Node only): load the centernet model from disk and read the PPM fixtures.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type * as tf from '@tensorflow/tfjs';

import { modelFromDisk } from '../test-utils';

export { readPpm } from '../test-utils';

const ROOT = join(__dirname, '..', '..');

/** An IOHandler that reads public/models/centernet from disk (run `npm run models` first). */
export function centernetFromDisk(): tf.io.IOHandler {
  return modelFromDisk('centernet');
}

/** Paths of the fixture images of one class ("ball" or "block"), sorted. */
export function fixturePaths(name: string): string[] {
  const dir = join(ROOT, 'tests', 'fixtures', 'image');
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.ppm'))
    .sort()
    .map((f) => join(dir, f));
}
