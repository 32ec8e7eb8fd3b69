#!/usr/bin/env node
// Bundles bench/engine-micro.ts with rolldown (tfjs left external) and runs it in Node.
// Usage: node bench/engine-micro.mjs [rounds]
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build } from 'rolldown';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repository (ignored .cache/) so the bundle resolves tfjs from node_modules.
const file = join(ROOT, '.cache', 'engine-micro', 'engine-micro.mjs');
await build({
  input: join(ROOT, 'bench', 'engine-micro.ts'),
  platform: 'node',
  external: [/^@tensorflow\//],
  resolve: { alias: { '@': ROOT } },
  output: { file, format: 'esm' },
  logLevel: 'silent',
});
await import(pathToFileURL(file).href);
