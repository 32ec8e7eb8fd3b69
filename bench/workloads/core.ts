// Core workloads: a 512×512 matmul, an MLP training step and a CNN training step on MNIST-sized input.
import { medianMs } from './timing';
import type { BenchContext, BenchMeasurement, Workload } from './types';

async function matmul({ tf }: BenchContext): Promise<number> {
  const a = tf.randomNormal([512, 512], 0, 1, 'float32', 1);
  const b = tf.randomNormal([512, 512], 0, 1, 'float32', 2);
  try {
    return await medianMs(async () => {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    });
  } finally {
    a.dispose();
    b.dispose();
  }
}

/** Median ms of one trainOnBatch on a freshly built model; everything it made is disposed. */
async function trainStep(
  { tf }: BenchContext,
  build: () => import('@tensorflow/tfjs').Sequential,
  inputShape: number[],
  reps: number,
): Promise<number> {
  const model = build();
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const x = tf.randomUniform([64, ...inputShape], 0, 1, 'float32', 3);
  const y = tf.tidy(() => tf.oneHot(tf.randomUniform([64], 0, 10, 'int32', 4), 10).toFloat());
  try {
    return await medianMs(() => model.trainOnBatch(x, y), { warmup: 1, reps });
  } finally {
    model.optimizer.dispose();
    model.dispose();
    x.dispose();
    y.dispose();
  }
}

export const coreWorkload: Workload = {
  id: 'core',
  label: 'Core tensor work',
  async run(ctx) {
    const { tf, status } = ctx;
    const out: BenchMeasurement[] = [];
    const measure = async (id: string, label: string, unit: string, fn: () => Promise<number>) => {
      status(label);
      try {
        out.push({ id, label, unit, value: await fn() });
      } catch (e) {
        // A backend may lack a kernel: record it and go on.
        out.push({ id, label, unit, value: Number.NaN, note: e instanceof Error ? e.message : String(e) });
      }
    };
    await measure('core.matmul512', 'matmul 512×512', 'ms', () => matmul(ctx));
    await measure('core.mlpStep', 'MLP 784-128-10 train step, batch 64', 'ms/step', () =>
      trainStep(
        ctx,
        () =>
          tf.sequential({
            layers: [
              tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }),
              tf.layers.dense({ units: 10, activation: 'softmax' }),
            ],
          }),
        [784],
        10,
      ),
    );
    await measure(
      'core.cnnStep',
      'CNN conv16-conv32-dense64 train step, batch 64, 28×28',
      'ms/step',
      // On WASM the conv gradients are lib/tf's kernels (registered when the backend starts).
      async () =>
        trainStep(
          ctx,
          () =>
            tf.sequential({
              layers: [
                tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }),
                tf.layers.maxPooling2d({ poolSize: 2 }),
                tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
                tf.layers.maxPooling2d({ poolSize: 2 }),
                tf.layers.flatten(),
                tf.layers.dense({ units: 64, activation: 'relu' }),
                tf.layers.dense({ units: 10, activation: 'softmax' }),
              ],
            }),
          [28, 28, 1],
          3,
        ),
    );
    return out;
  },
};
