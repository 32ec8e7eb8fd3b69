// Quick convolution-gradient workloads for comparing WASM with (software) WebGL in one short run: a deep
// dream step and a style iteration at 256², as the Dream studio runs them (the `dream` workload also does 512²).
import { deepDream, loadVisionBackbone, renderBuiltinImage, rgbaToTensor, styleTransfer } from '@/lib/vision';

import type { BenchMeasurement, Workload } from './types';

const SIZE = 256;

/** Median of per-step times after the first two (kernel warm-up). */
function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const speedWorkload: Workload = {
  id: 'speed',
  label: 'Convolution gradients at 256² (dream step, style iteration)',
  // The CPU backend takes minutes per step here; `dream` measures it when asked.
  backends: ['webgpu', 'webgl', 'wasm'],
  async run({ tf, status }) {
    status('loading the vision backbone');
    const backbone = await loadVisionBackbone();
    const photo = rgbaToTensor(renderBuiltinImage('landscape', SIZE, SIZE), SIZE, SIZE);
    const painting = rgbaToTensor(renderBuiltinImage('swirls', SIZE, SIZE), SIZE, SIZE);
    const out: BenchMeasurement[] = [];
    try {
      status(`dream ${SIZE}²`);
      const steps: number[] = [];
      let t0 = performance.now();
      const dream = await deepDream(
        backbone,
        photo,
        { layer: 'patterns', octaves: 1, stepsPerOctave: 5 },
        {
          onStep: async (p) => {
            await p.image.data();
            const now = performance.now();
            if (p.done > 2) steps.push(now - t0);
            t0 = now;
          },
        },
      );
      dream.image.dispose();
      out.push({
        id: 'speed.dreamStep256',
        label: `Deep dream step, ${SIZE}×${SIZE}, layer "patterns" (incl. preview)`,
        value: median(steps),
        unit: 'ms/step',
      });
      status(`style ${SIZE}²`);
      const iters: number[] = [];
      t0 = performance.now();
      const styled = await styleTransfer(
        backbone,
        photo,
        painting,
        { iterations: 5 },
        {
          onIteration: async (p) => {
            await p.image.data();
            const now = performance.now();
            if (p.iteration > 2) iters.push(now - t0);
            t0 = now;
          },
        },
      );
      styled.image.dispose();
      out.push({
        id: 'speed.styleIter256',
        label: `Style transfer iteration, ${SIZE}×${SIZE}, 4 style layers + content (incl. preview)`,
        value: median(iters),
        unit: 'ms/iteration',
      });
    } finally {
      tf.dispose([photo, painting]);
      backbone.dispose();
    }
    return out;
  },
};
