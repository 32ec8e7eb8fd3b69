// Cost per frame of the image features on the WASM backend (Node): gap120 (version 1) vs multi784
// (version 2) on the same 224×224 frame, alternating, as a ratio measured in one run.
// Run: npx vitest run --config bench/vitest.eval.config.ts bench/image-features-cost.eval.ts
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { it } from 'vitest';

import { modelFromDisk } from '@/lib/test-utils';
import { createImageFeatureExtractor } from '@/lib/transfer';

it('times gap120 and multi784 per frame on wasm', async () => {
  await tf.setBackend('wasm');
  const old = await createImageFeatureExtractor({ model: modelFromDisk('centernet'), mode: 'gap120' });
  const now = await createImageFeatureExtractor({ model: modelFromDisk('centernet'), mode: 'multi784' });
  const frame = tf.randomUniform([224, 224, 3], 0, 255, 'float32', 1) as tf.Tensor3D;
  const ms = { gap120: [] as number[], multi784: [] as number[] };
  for (let i = 0; i < 24; i++) {
    for (const [name, ex] of [
      ['gap120', old],
      ['multi784', now],
    ] as const) {
      const t0 = performance.now();
      await ex.extract(frame);
      if (i >= 4) ms[name].push(performance.now() - t0);
    }
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(
    `wasm per frame: gap120 ${median(ms.gap120).toFixed(1)} ms, multi784 ${median(ms.multi784).toFixed(1)} ms, ratio ${(median(ms.multi784) / median(ms.gap120)).toFixed(3)}`,
  );
  frame.dispose();
  old.dispose();
  now.dispose();
}, 600_000);
