// Lab workloads: Playground training steps per backend vs a plain-JavaScript network (TF Playground's way),
// one Playground animation frame, and LSTM training throughput.
import { DEFAULT_PLAYGROUND_STATE, createPlaygroundNetwork, makeDataset } from '@/lib/lab';

import { PlainMlp } from './plain-mlp';
import { medianMs } from './timing';
import type { BenchContext, BenchMeasurement, Workload } from './types';

/** The Playground network: 2 inputs, 4 hidden layers of 8 tanh neurons, batch 10. */
const PG_STATE = {
  ...DEFAULT_PLAYGROUND_STATE,
  dataset: 'circle' as const,
  hidden: [8, 8, 8, 8],
  activation: 'tanh' as const,
  batchSize: 10,
  optimizer: 'sgd' as const,
  learningRate: 0.03,
};
const STEPS = 50;

async function playgroundSteps(): Promise<number> {
  const net = createPlaygroundNetwork(PG_STATE, makeDataset('circle'));
  try {
    await net.trainBatches(5);
    const ms = await medianMs(() => net.trainBatches(STEPS), { warmup: 1, reps: 3 });
    return (STEPS * 1000) / ms;
  } finally {
    net.dispose();
  }
}

async function playgroundFrame(): Promise<number> {
  // One Playground frame as the UI runs it: an epoch (250 points / batch 10 = 25 steps), losses, 50×50 maps.
  const net = createPlaygroundNetwork(PG_STATE, makeDataset('circle'));
  try {
    return await medianMs(
      async () => {
        await net.trainBatches(net.batchesPerEpoch);
        net.evaluate();
        net.snapshot(50);
      },
      { warmup: 1, reps: 5 },
    );
  } finally {
    net.dispose();
  }
}

function plainJsSteps(): number {
  const data = makeDataset('circle');
  const xs = new Float64Array(data.train.flatMap((p) => [p.x1, p.x2]));
  const ys = data.train.map((p) => p.label);
  const net = new PlainMlp([2, 8, 8, 8, 8, 1]);
  const n = ys.length;
  const run = (steps: number) => {
    for (let s = 0; s < steps; s++) net.trainBatch(xs, ys, (s * 10) % (n - 10), 10, 0.03);
  };
  run(50);
  const reps: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    run(2000);
    reps.push(performance.now() - t0);
  }
  reps.sort((a, b) => a - b);
  return (2000 * 1000) / reps[1];
}

async function lstmThroughput({ tf }: BenchContext): Promise<number> {
  // The Sequence lab's default: LSTM(16) over windows of 24 steps, batch 32, Adam.
  const model = tf.sequential({
    layers: [
      tf.layers.lstm({ inputShape: [24, 1], units: 16, recurrentActivation: 'sigmoid' }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  const x = tf.randomUniform([32, 24, 1], 0, 1, 'float32', 5);
  const y = tf.randomUniform([32, 1], 0, 1, 'float32', 6);
  try {
    const ms = await medianMs(() => model.trainOnBatch(x, y), { warmup: 1, reps: 5 });
    return (32 * 1000) / ms;
  } finally {
    model.optimizer.dispose();
    model.dispose();
    x.dispose();
    y.dispose();
  }
}

export const labWorkload: Workload = {
  id: 'lab',
  label: 'Neural network lab',
  async run(ctx) {
    const out: BenchMeasurement[] = [];
    const measure = async (id: string, label: string, unit: string, fn: () => Promise<number> | number) => {
      ctx.status(label);
      try {
        out.push({ id, label, unit, value: await fn() });
      } catch (e) {
        out.push({ id, label, unit, value: Number.NaN, note: e instanceof Error ? e.message : String(e) });
      }
    };
    await measure(
      'lab.playgroundSteps',
      'Playground 2-8-8-8-8-1 tanh, batch 10: tfjs training steps',
      'steps/s',
      playgroundSteps,
    );
    await measure(
      'lab.plainJsSteps',
      'Same network in plain JavaScript (TF Playground style), batch 10',
      'steps/s',
      plainJsSteps,
    );
    await measure(
      'lab.playgroundFrame',
      'Playground frame: 1 epoch (25 steps) + losses + 50×50 maps',
      'ms/frame',
      playgroundFrame,
    );
    await measure('lab.lstmThroughput', 'LSTM(16) on 24×1 windows, batch 32: training', 'examples/s', () =>
      lstmThroughput(ctx),
    );
    return out;
  },
};
