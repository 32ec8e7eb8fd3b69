#!/usr/bin/env node
// Keypoint accuracy of the shipped pose models on a real clip: PCK@0.2 (a keypoint counts when it
// is within 0.2 × torso length of the reference) on frames of tests/fixtures/pose/pose_squats.mp4,
// against MediaPipe BlazePose Full's landmarks for that clip (pose_squats.full.json, mapped to the
// 17 COCO points). The reference is another model's output, not hand labels: read the numbers as
// agreement with BlazePose. Runs in Node on the tfjs WASM backend (falls back to CPU); needs ffmpeg
// and `npm run models`. Usage: node bench/pose-accuracy.mjs [--step 8] [--backend wasm|cpu]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tf from '@tensorflow/tfjs';
import * as pd from '@tensorflow-models/pose-detection';
import * as posenet from '@tensorflow-models/posenet';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const STEP = Number(opt('step', 8));
const BACKEND = opt('backend', 'wasm');
const W = 360;
const H = 640;
// BlazePose landmark index of each COCO keypoint, in COCO order.
const BLAZE_TO_COCO = [0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28];

if (BACKEND === 'wasm') {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend('wasm');
  } catch {
    await tf.setBackend('cpu');
  }
} else {
  await tf.setBackend('cpu');
}
await tf.ready();

function fromDisk(name) {
  const dir = join(ROOT, 'public', 'models', name);
  return {
    async load() {
      const j = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      const b = readFileSync(join(dir, j.weightsManifest[0].paths[0]));
      return {
        modelTopology: j.modelTopology,
        format: j.format,
        signature: j.signature,
        weightSpecs: j.weightsManifest.flatMap((g) => g.weights),
        weightData: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength),
      };
    },
  };
}

const video = join(ROOT, 'tests', 'fixtures', 'pose', 'pose_squats.mp4');
const ref720 = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'pose', 'pose_squats.full.json'), 'utf8'),
);
const raw = spawnSync(
  'ffmpeg',
  ['-loglevel', 'error', '-i', video, '-vf', `scale=${W}:${H}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
  {
    maxBuffer: 1 << 30,
  },
).stdout;
const frameBytes = W * H * 3;
const total = Math.floor(raw.length / frameBytes);
const picks = [];
for (let i = 0; i < total; i += STEP) picks.push(i);
const scale = W / 720;

const models = [
  [
    'posenet-257',
    () =>
      posenet.load({
        architecture: 'MobileNetV1',
        outputStride: 16,
        inputResolution: 257,
        multiplier: 0.75,
        modelUrl: fromDisk('posenet'),
      }),
  ],
  [
    'posenet-385',
    () =>
      posenet.load({
        architecture: 'MobileNetV1',
        outputStride: 16,
        inputResolution: 385,
        multiplier: 0.75,
        modelUrl: fromDisk('posenet'),
      }),
  ],
  [
    'movenet-lightning',
    () =>
      pd.createDetector(pd.SupportedModels.MoveNet, {
        modelType: pd.movenet.modelType.SINGLEPOSE_LIGHTNING,
        modelUrl: fromDisk('movenet-lightning'),
        enableSmoothing: false,
      }),
  ],
  [
    'movenet-thunder',
    () =>
      pd.createDetector(pd.SupportedModels.MoveNet, {
        modelType: pd.movenet.modelType.SINGLEPOSE_THUNDER,
        modelUrl: fromDisk('movenet-thunder'),
        enableSmoothing: false,
      }),
  ],
];

const results = [];
for (const [name, load] of models) {
  const m = await load();
  let hits = 0;
  let hits01 = 0;
  let count = 0;
  let ms = 0;
  for (const f of picks) {
    const img = tf.tensor3d(
      Uint8Array.from(raw.subarray(f * frameBytes, (f + 1) * frameBytes)),
      [H, W, 3],
      'int32',
    );
    const t0 = performance.now();
    const kps = name.startsWith('posenet')
      ? (await m.estimateSinglePose(img)).keypoints.map((k) => k.position)
      : ((await m.estimatePoses(img))[0]?.keypoints ?? []);
    ms += performance.now() - t0;
    img.dispose();
    // The reference landmarks were computed on the 720×1280 video.
    const ref = BLAZE_TO_COCO.map((i) => ({ x: ref720[f][i][0] * scale, y: ref720[f][i][1] * scale }));
    const mid = (a, b) => ({ x: (ref[a].x + ref[b].x) / 2, y: (ref[a].y + ref[b].y) / 2 });
    const torso = Math.hypot(mid(5, 6).x - mid(11, 12).x, mid(5, 6).y - mid(11, 12).y);
    ref.forEach((r, i) => {
      count++;
      const d = kps[i] ? Math.hypot(kps[i].x - r.x, kps[i].y - r.y) : Infinity;
      if (d <= 0.2 * torso) hits++;
      if (d <= 0.1 * torso) hits01++;
    });
  }
  m.dispose();
  results.push({
    model: name,
    frames: picks.length,
    pck02: hits / count,
    pck01: hits01 / count,
    msPerFrame: ms / picks.length,
  });
  process.stdout.write(
    `${name}: PCK@0.2 ${((100 * hits) / count).toFixed(1)}%, PCK@0.1 ${((100 * hits01) / count).toFixed(1)}% over ${picks.length} frames, ${(ms / picks.length).toFixed(0)} ms/frame (${tf.getBackend()}, Node)\n`,
  );
}
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const out = join(
  ROOT,
  'bench',
  'results',
  `pose-accuracy-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
writeFileSync(
  out,
  JSON.stringify(
    {
      clip: 'pose_squats.mp4',
      reference: 'BlazePose Full (pose_squats.full.json)',
      backend: tf.getBackend(),
      step: STEP,
      results,
    },
    null,
    2,
  ),
);
process.stdout.write(`wrote ${out}\n`);
