// Dream & style studio workloads: ms per deep-dream step and per style-transfer iteration at 256² and 512².
import { deepDream, loadVisionBackbone, renderBuiltinImage, rgbaToTensor, styleTransfer } from '@/lib/vision';

import type { BenchMeasurement, Workload } from './types';

/** Median of per-step times reported by a run's callbacks (the first steps warm the kernels up). */
function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const dreamWorkload: Workload = {
  id: 'dream',
  label: 'Deep dream and style transfer',
  async run({ tf, status }) {
    status('loading the vision backbone');
    const backbone = await loadVisionBackbone();
    const out: BenchMeasurement[] = [];
    try {
      for (const size of [256, 512]) {
        const photo = rgbaToTensor(renderBuiltinImage('landscape', size, size), size, size);
        const painting = rgbaToTensor(renderBuiltinImage('swirls', size, size), size, size);
        try {
          status(`dream ${size}²`);
          const stepTimes: number[] = [];
          let t0 = performance.now();
          const dream = await deepDream(
            backbone,
            photo,
            { layer: 'patterns', octaves: 1, stepsPerOctave: 6 },
            {
              onStep: async (p) => {
                await p.image.data();
                const now = performance.now();
                if (p.done > 2) stepTimes.push(now - t0);
                t0 = now;
              },
            },
          );
          dream.image.dispose();
          out.push({
            id: `dream.dreamStep${size}`,
            label: `Deep dream step, ${size}×${size}, layer "patterns" (incl. reading back the preview)`,
            value: median(stepTimes),
            unit: 'ms/step',
          });

          status(`style ${size}²`);
          const iterTimes: number[] = [];
          t0 = performance.now();
          const styled = await styleTransfer(
            backbone,
            photo,
            painting,
            { iterations: 6 },
            {
              onIteration: async (p) => {
                await p.image.data();
                const now = performance.now();
                if (p.iteration > 2) iterTimes.push(now - t0);
                t0 = now;
              },
            },
          );
          styled.image.dispose();
          out.push({
            id: `dream.styleIter${size}`,
            label: `Style transfer iteration, ${size}×${size}, 4 style layers + content (incl. preview)`,
            value: median(iterTimes),
            unit: 'ms/iteration',
          });
        } finally {
          tf.dispose([photo, painting]);
        }
      }
    } finally {
      backbone.dispose();
    }
    return out;
  },
};
