#!/usr/bin/env node
// Builds the service worker after `next build`: bundles sw/service-worker.js (Serwist) with
// rolldown, then @serwist/build's injectManifest writes out/sw.js with the list of files to precache
// (the app shell, fonts and tfjs WASM; models and large data sets are cached on first use instead).
// Next's static export (`output: 'export'`) has no service-worker plugin, hence this post-build step.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { injectManifest } from '@serwist/build';
import { build } from 'rolldown';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, process.argv[2] ?? 'out');
const TMP = join(ROOT, '.cache', 'sw');
mkdirSync(TMP, { recursive: true });

await build({
  input: join(ROOT, 'sw', 'service-worker.js'),
  platform: 'browser',
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  output: { file: join(TMP, 'sw.js'), format: 'iife', minify: true },
  logLevel: 'warn',
});

const { count, size, warnings } = await injectManifest({
  swSrc: join(TMP, 'sw.js'),
  swDest: join(OUT, 'sw.js'),
  globDirectory: OUT,
  globPatterns: ['**/*.{html,txt,js,css,woff2,woff,wasm,svg,png,ico,json,webmanifest,csv}'],
  // Models and the digit images (≈ 50 MB) are cached on first use or by "Make available offline";
  // the list of models (models/manifest.json) is precached, so that button works offline too.
  globIgnores: ['sw.js', 'models/*/**/*', 'data/mnist/**', 'bench/**', '404.html'],
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  // Files under _next/static/ carry a content hash in their name already.
  dontCacheBustURLsMatching: /^_next\/static\//,
  modifyURLPrefix: { '': '/' },
});
for (const w of warnings) process.stderr.write(`build-sw: ${w}\n`);
process.stdout.write(`build-sw: out/sw.js precaches ${count} files (${(size / 1048576).toFixed(1)} MB)\n`);
