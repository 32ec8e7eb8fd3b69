// Lab workloads: Playground training steps on the dense engine and on tfjs vs a plain-JavaScript network
// (TF Playground's way) in the same run, one Playground animation frame, and LSTM training throughput.
import {
  DEFAULT_PLAYGROUND_STATE,
  createPlaygroundNetwork,
  makeDataset,
  type PlaygroundEngine,
  type PlaygroundState,
} from '@/lib/lab';

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
/** The same network with the Playground's extras on: an L2 penalty, 10% dropout and Adam. */
const PG_FEATURES: PlaygroundState = {
  ...PG_STATE,
  regularization: 'l2',
  regularizationRate: 0.001,
  dropout: 0.1,
  optimizer: 'adam',
  learningRate: 0.01,
};

/** Training steps per second through the Playground network (shuffling, batching and loss included). */
async function playgroundSteps(engine: PlaygroundEngine, state: PlaygroundState = PG_STATE): Promise<number> {
  const net = createPlaygroundNetwork(state, makeDataset('circle'), { engine });
  // trainBatches stops at the end of each epoch, so count the steps it really ran.
  const steps = engine === 'js' ? 2000 : 50;
  const run = async () => {
    let done = 0;
    while (done < steps) done += await net.trainBatches(steps - done);
  };
  try {
    await run();
    const ms = await medianMs(run, { warmup: 1, reps: 3 });
    return (steps * 1000) / ms;
  } finally {
    net.dispose();
  }
}

async function playgroundFrame(engine: PlaygroundEngine): Promise<number> {
  // One Playground frame as the UI runs it: an epoch (250 points / batch 10 = 25 steps), losses, 50×50 maps.
  const net = createPlaygroundNetwork(PG_STATE, makeDataset('circle'), { engine });
  try {
    return await medianMs(
      async () => {
        await net.trainBatches(net.batchesPerEpoch);
        net.evaluate();
        net.snapshot(50);
        net.testConfusion();
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
      () => playgroundSteps('tfjs'),
    );
    // Engine, plain JS, engine again: the ratio uses the mean of the two engine runs around the reference,
    // so a slow patch of this shared machine hits both sides.
    const engineA = await playgroundSteps('js').catch(() => Number.NaN);
    await measure(
      'lab.plainJsSteps',
      'Same network in plain JavaScript (TF Playground style), batch 10',
      'steps/s',
      plainJsSteps,
    );
    const plain = out[out.length - 1].value;
    await measure(
      'lab.engineSteps',
      "Same network on the Playground's dense engine (shuffle, batches, losses): steps",
      'steps/s',
      async () => (engineA + (await playgroundSteps('js'))) / 2,
    );
    const engine = out[out.length - 1].value;
    out.push({
      id: 'lab.engineVsPlainJs',
      label: 'Dense engine ÷ plain JavaScript, same run (goal ≥ 1.0)',
      unit: '×',
      value: engine / plain,
    });
    await measure(
      'lab.engineFeaturesSteps',
      'Dense engine with L2, dropout 10% and Adam: steps',
      'steps/s',
      () => playgroundSteps('js', PG_FEATURES),
    );
    out.push({
      id: 'lab.engineFeaturesVsPlainJs',
      label: 'Dense engine with L2 + dropout + Adam ÷ plain JavaScript (plain SGD), same run',
      unit: '×',
      value: out[out.length - 1].value / plain,
    });
    await measure(
      'lab.playgroundFrame',
      'Playground frame on tfjs: 1 epoch (25 steps) + losses + 50×50 maps + confusion',
      'ms/frame',
      () => playgroundFrame('tfjs'),
    );
    await measure(
      'lab.engineFrame',
      'Playground frame on the dense engine: 1 epoch + losses + 50×50 maps + confusion',
      'ms/frame',
      () => playgroundFrame('js'),
    );
    await measure('lab.lstmThroughput', 'LSTM(16) on 24×1 windows, batch 32: training', 'examples/s', () =>
      lstmThroughput(ctx),
    );
    return out;
  },
};
