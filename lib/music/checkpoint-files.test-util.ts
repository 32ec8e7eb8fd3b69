// Test-only: reads a MusicRNN checkpoint folder under public/ from disk as MelodyRnnArtifacts.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PUBLIC_DIR } from './test-helpers';
import type { MelodyRnnArtifacts } from './tunable-melody-rnn';

/** config.json, the weight specs and the shard of `public/<dir>`. */
export function readArtifacts(dir = 'models/music/melody_rnn'): MelodyRnnArtifacts {
  const root = path.join(PUBLIC_DIR, dir);
  const manifest = JSON.parse(readFileSync(path.join(root, 'weights_manifest.json'), 'utf8'));
  const bytes = readFileSync(path.join(root, manifest[0].paths[0]));
  return {
    config: JSON.parse(readFileSync(path.join(root, 'config.json'), 'utf8')),
    specs: manifest[0].weights,
    data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
}
