// Few-shot accuracy of image feature candidates on real photos (../shared/data/photos: flowers,
// recycling, household): pooled centernet (MobileNetV3) layers, alone and concatenated, with and
// without left-right flip averaging, L2 normalisation and per-feature standardisation, each under
// the dense head (100 ReLU + softmax, Adam 0.001, 50 epochs, batch 16) and k-nearest
// neighbours, at 1, 5 and 20 examples per class (the rest of each class is the test set).
// Run: npx vitest run --config bench/vitest.eval.config.ts bench/image-features.eval.ts
// (env: IMAGE_EVAL_SIZES=224,160  IMAGE_EVAL_TRIALS=3  IMAGE_EVAL_CANDIDATES=name,name  PHOTOS=dir).
// Pooled features are cached in .cache/image-eval/; results go to bench/results/image-features-*.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import sharp from 'sharp';
import { it } from 'vitest';

import { createRng, shuffleInPlace } from '@/lib/data';
import { REPO_ROOT, modelFromDisk } from '@/lib/test-utils';
import { disposeHead, trainHead } from '@/lib/transfer';
import { knnPredict } from '@/lib/transfer/knn';
import { centreSquare } from '@/lib/transfer/preprocess';

const PHOTOS = process.env.PHOTOS ?? path.resolve(REPO_ROOT, '../../shared/data/photos');
const SIZES = (process.env.IMAGE_EVAL_SIZES ?? '224,160').split(',').map(Number);
const TRIALS = Number(process.env.IMAGE_EVAL_TRIALS ?? 3);
const SHOTS = (process.env.IMAGE_EVAL_SHOTS ?? '1,5,20').split(',').map(Number);
const CACHE = path.join(REPO_ROOT, '.cache', 'image-eval');
const P = 'tower_0/MobilenetV3/';
/** Short names of the pooled nodes (channels at any size). */
const NODES: Record<string, string> = {
  c1: `${P}expanded_conv/add`, // 16, stride 2
  c2: `${P}expanded_conv_2/add`, // 24, stride 4
  c5: `${P}expanded_conv_5/add`, // 32, stride 8
  c9: `${P}expanded_conv_9/add`, // 64, stride 16
  c11: `${P}expanded_conv_11/add`, // 88, stride 16
  c13: `${P}expanded_conv_13/add`, // 120, stride 32
  c14: `${P}expanded_conv_14/add`, // 120, stride 32 (today's features)
  x480: 'tower_0/extern1/hard_swish/mul_1', // 480, stride 32
};

interface Photo {
  task: string;
  cls: number;
  file: string;
}

function manifest(): Photo[] {
  const rows = readFileSync(path.join(PHOTOS, 'manifest.csv'), 'utf8').trim().split('\n').slice(1);
  const classes = new Map<string, string[]>();
  const out: Photo[] = [];
  for (const r of rows) {
    const [task, cls, file] = r.split(',');
    const list = classes.get(task) ?? [];
    if (!list.includes(cls)) list.push(cls);
    classes.set(task, list);
    out.push({ task, cls: list.indexOf(cls), file: path.join(PHOTOS, task, cls, file) });
  }
  return out;
}

/** Pooled features per node for every photo at one size: [photo][flip 0/1][node] → Float32Array. */
type Cache = Record<string, number[][]>[];

async function pooledFeatures(photos: Photo[], size: number): Promise<Record<string, Float32Array[]>[]> {
  const file = path.join(CACHE, `pooled-${size}.json`);
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Cache;
    return c.map((per) =>
      Object.fromEntries(Object.entries(per).map(([k, v]) => [k, v.map((a) => Float32Array.from(a))])),
    );
  }
  const graph = await tf.loadGraphModel(modelFromDisk('centernet'));
  const names = Object.keys(NODES);
  const out: Record<string, Float32Array[]>[] = [];
  const t0 = Date.now();
  for (const p of photos) {
    const { data, info } = await sharp(p.file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const per: Record<string, Float32Array[]> = {};
    for (const flip of [false, true]) {
      const pooled = tf.tidy(() => {
        const img = tf.tensor3d(new Int32Array(data), [info.height, info.width, 3], 'int32');
        const sq = centreSquare(img, size, flip).expandDims(0);
        const maps = graph.execute(
          { 'tower_0/images': sq },
          names.map((n) => NODES[n]),
        ) as tf.Tensor[];
        return maps.map((m) => tf.mean(m, [1, 2]).squeeze());
      });
      for (const [i, n] of names.entries()) {
        (per[n] ??= []).push((await pooled[i].data()) as Float32Array);
      }
      tf.dispose(pooled);
    }
    out.push(per);
  }
  console.log(`size ${size}: ${photos.length} photos × 2 in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  graph.dispose();
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      out.map((per) =>
        Object.fromEntries(Object.entries(per).map(([k, v]) => [k, v.map((a) => Array.from(a))])),
      ),
    ),
  );
  return out;
}

/** A candidate: which nodes, which size, flip averaging, per-vector L2, per-feature standardisation. */
interface Candidate {
  name: string;
  size: number;
  nodes: string[];
  flip: boolean;
  /** 'none' | 'l2' (whole vector) | 'l2node' (each node's part, then scaled by 1/√parts) */
  norm: 'none' | 'l2' | 'l2node';
  standardise: boolean;
}

function l2(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s) || 1;
  return v.map((x) => x / n);
}

function vectorOf(per: Record<string, Float32Array[]>, c: Candidate): Float32Array {
  const parts = c.nodes.map((n) => {
    const [a, b] = per[n];
    const v = c.flip ? a.map((x, i) => (x + b[i]) / 2) : a;
    return c.norm === 'l2node' ? l2(v).map((x) => x / Math.sqrt(c.nodes.length)) : v;
  });
  const all = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return c.norm === 'l2' ? l2(all) : all;
}

function standardiser(train: Float32Array[]): (v: Float32Array) => Float32Array {
  const d = train[0].length;
  const mean = new Float32Array(d);
  const sd = new Float32Array(d);
  for (const v of train) v.forEach((x, i) => (mean[i] += x / train.length));
  for (const v of train) v.forEach((x, i) => (sd[i] += (x - mean[i]) ** 2 / train.length));
  const eps = 1e-3;
  // With one example per class the spread is tiny; the mean of all spreads keeps it sane.
  const avg = sd.reduce((s, x) => s + Math.sqrt(x), 0) / d;
  return (v) => v.map((x, i) => (x - mean[i]) / (Math.sqrt(sd[i]) + avg + eps));
}

async function evaluate(
  feats: Float32Array[],
  photos: Photo[],
  task: string,
  k: number,
  trial: number,
  standardise: boolean,
): Promise<{ head: number; knn: number }> {
  const idx = photos.map((p, i) => i).filter((i) => photos[i].task === task);
  const nClasses = Math.max(...idx.map((i) => photos[i].cls)) + 1;
  const rng = createRng(1000 + trial * 31 + k);
  const support: number[][] = [];
  const query: number[] = [];
  for (let c = 0; c < nClasses; c++) {
    const mine = shuffleInPlace(
      idx.filter((i) => photos[i].cls === c),
      rng,
    );
    support.push(mine.slice(0, k));
    query.push(...mine.slice(k));
  }
  const flat = support.flat();
  const tr = standardise ? standardiser(flat.map((i) => feats[i])) : (v: Float32Array) => v;
  const byClass = support.map((list) => list.map((i) => tr(feats[i])));
  const labels = byClass.map((_, c) => `c${c}`);
  const { model } = await trainHead(
    labels,
    byClass,
    { validationSplit: 0, seed: trial + 1 },
    { yieldEvery: 1e9 },
  );
  const qx = query.map((i) => tr(feats[i]));
  const d = qx[0].length;
  const packed = new Float32Array(qx.length * d);
  qx.forEach((v, i) => packed.set(v, i * d));
  const pred = tf.tidy(() => (model.predict(tf.tensor2d(packed, [qx.length, d])) as tf.Tensor).argMax(1));
  const py = Array.from(await pred.data());
  pred.dispose();
  disposeHead(model);
  const truth = query.map((i) => photos[i].cls);
  const head = py.filter((y, i) => y === truth[i]).length / truth.length;
  const knnRight = qx.filter((v, i) => argmax(knnPredict(byClass, v)) === truth[i]).length;
  return { head, knn: knnRight / truth.length };
}

function argmax(a: number[]): number {
  return a.indexOf(Math.max(...a));
}

const BASE = ['c14'];
const MULTI = ['c5', 'c9', 'c11', 'c14', 'x480']; // 32 + 64 + 88 + 120 + 480 = 784

function candidates(): Candidate[] {
  const list: Candidate[] = [];
  const add = (
    name: string,
    size: number,
    nodes: string[],
    flip: boolean,
    norm: Candidate['norm'],
    standardise = false,
  ) => list.push({ name, size, nodes, flip, norm, standardise });
  add('centernet-120 (today)', 224, BASE, false, 'none');
  add('x480', 224, ['x480'], false, 'none');
  add('c14+x480', 224, ['c14', 'x480'], false, 'none');
  add('multi784', 224, MULTI, false, 'none');
  add('multi784 l2', 224, MULTI, false, 'l2');
  add('multi784 l2node', 224, MULTI, false, 'l2node');
  add('multi784 flip l2node', 224, MULTI, true, 'l2node');
  add('multi784 flip std', 224, MULTI, true, 'none', true);
  add(
    'all824 flip l2node',
    224,
    ['c1', 'c2', 'c5', 'c9', 'c11', 'c14', 'x480'].filter((n) => n !== 'c1').concat(['c1']),
    true,
    'l2node',
  );
  for (const s of SIZES.filter((s) => s !== 224)) {
    add(`multi784 flip l2node @${s}`, s, MULTI, true, 'l2node');
    add(`multi784 l2node @${s}`, s, MULTI, false, 'l2node');
    add(`centernet-120 @${s}`, s, BASE, false, 'none');
  }
  const only = process.env.IMAGE_EVAL_CANDIDATES?.split(',');
  return only ? list.filter((c) => only.includes(c.name)) : list;
}

it('measures image feature candidates on the dev photos', async () => {
  await tf.setBackend('wasm');
  const photos = manifest();
  const tasks = [...new Set(photos.map((p) => p.task))];
  const pooled: Record<number, Record<string, Float32Array[]>[]> = {};
  for (const s of SIZES) pooled[s] = await pooledFeatures(photos, s);
  const rows: Record<string, unknown>[] = [];
  for (const c of candidates()) {
    if (!pooled[c.size]) continue;
    const feats = pooled[c.size].map((per) => vectorOf(per, c));
    const cells: string[] = [];
    const row: Record<string, unknown> = { candidate: c.name, dims: feats[0].length };
    for (const k of SHOTS) {
      const head: number[] = [];
      const knn: number[] = [];
      for (const task of tasks) {
        let h = 0;
        let n = 0;
        for (let t = 0; t < TRIALS; t++) {
          const r = await evaluate(feats, photos, task, k, t, c.standardise);
          h += r.head / TRIALS;
          n += r.knn / TRIALS;
        }
        row[`${task}@${k}`] = { head: h, knn: n };
        head.push(h);
        knn.push(n);
      }
      const mh = head.reduce((a, b) => a + b) / head.length;
      const mk = knn.reduce((a, b) => a + b) / knn.length;
      row[`mean@${k}`] = { head: mh, knn: mk };
      cells.push(`${mh.toFixed(3)} (kNN ${mk.toFixed(3)})`);
    }
    rows.push(row);
    console.log(`| ${c.name} | ${feats[0].length} | ${cells.join(' | ')} |`);
  }
  mkdirSync(path.join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(
      REPO_ROOT,
      'bench',
      'results',
      `image-features-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    ),
    JSON.stringify({ trials: TRIALS, shots: SHOTS, tasks, rows }, null, 1),
  );
});
