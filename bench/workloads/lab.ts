// Lab workloads: Playground training steps on the dense engine and on tfjs vs a plain-JavaScript network
// (TF Playground's way) in the same run, one Playground animation frame, and LSTM training throughput.
import { createPlaygroundNetwork, makeDataset, type PlaygroundEngine, type PlaygroundState } from '@/lib/lab';

import { PlainMlp } from './plain-mlp';
import { PG_FEATURES, PG_STATE } from './playground-states';
import { medianMs } from './timing';
import type { BenchContext, BenchMeasurement, Workload } from './types';

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

/** A timed loop of `steps` training steps; resolves to steps per second. */
type Stepper = (steps: number) => Promise<number>;

/** Plain JS (TF Playground's per-example SGD) on the same data, batch 10, lr 0.03. */
function plainJsStepper(): Stepper {
  const data = makeDataset('circle');
  const xs = new Float64Array(data.train.flatMap((p) => [p.x1, p.x2]));
  const ys = data.train.map((p) => p.label);
  const net = new PlainMlp([2, 8, 8, 8, 8, 1]);
  const n = ys.length;
  let s = 0;
  return async (steps) => {
    const t0 = performance.now();
    for (let end = s + steps; s < end; s++) net.trainBatch(xs, ys, (s * 10) % (n - 10), 10, 0.03);
    return (steps * 1000) / (performance.now() - t0);
  };
}

/** The Playground network on the dense engine (shuffling, batching and batch losses included). */
function engineStepper(state: PlaygroundState): { step: Stepper; dispose: () => void } {
  const net = createPlaygroundNetwork(state, makeDataset('circle'), { engine: 'js' });
  return {
    // trainBatches stops at the end of each epoch, so count the steps it really ran.
    step: async (steps) => {
      const t0 = performance.now();
      let done = 0;
      while (done < steps) done += await net.trainBatches(steps - done);
      return (steps * 1000) / (performance.now() - t0);
    },
    dispose: () => net.dispose(),
  };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/**
 * Plain JS, the engine (plain SGD) and the engine with L2 + dropout + Adam, 2,000 steps each, taken in
 * turns for 9 rounds: each ratio is the median of the rounds' ratios, so every ratio compares runs
 * made moments apart (this shared machine's load changes by the second). The same steps, batch size and
 * data on both sides; the engine also shuffles, copies batches and reports each batch's loss.
 */
async function engineVsPlainJs() {
  const STEPS = 2000;
  const ROUNDS = 9;
  const plain = plainJsStepper();
  const sgd = engineStepper(PG_STATE);
  const features = engineStepper(PG_FEATURES);
  try {
    await plain(STEPS);
    await sgd.step(STEPS);
    await features.step(STEPS);
    const r = { plain: [] as number[], sgd: [] as number[], features: [] as number[] };
    const ratio = { sgd: [] as number[], features: [] as number[] };
    const times = { p: 0, e: 0, f: 0 };
    const order = ['p', 'e', 'f'] as const;
    for (let k = 0; k < ROUNDS; k++) {
      // Each side goes first, second and third in turn (a collection of one side's garbage, or a load
      // spike, must not always land on the same side).
      for (let i = 0; i < 3; i++) {
        const side = order[(k + i) % 3];
        times[side] = await (side === 'p' ? plain : side === 'e' ? sgd.step : features.step)(STEPS);
      }
      const { p, e, f } = times;
      r.plain.push(p);
      r.sgd.push(e);
      r.features.push(f);
      ratio.sgd.push(e / p);
      ratio.features.push(f / p);
    }
    return {
      plain: median(r.plain),
      sgd: median(r.sgd),
      features: median(r.features),
      sgdRatio: median(ratio.sgd),
      featuresRatio: median(ratio.features),
    };
  } finally {
    sgd.dispose();
    features.dispose();
  }
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
    ctx.status('Dense engine vs plain JavaScript, in turns');
    let vs: Awaited<ReturnType<typeof engineVsPlainJs>> | null = null;
    let note: { note?: string } = {};
    try {
      vs = await engineVsPlainJs();
    } catch (e) {
      note = { note: e instanceof Error ? e.message : String(e) };
    }
    const value = (k: keyof NonNullable<typeof vs>) => (vs ? vs[k] : Number.NaN);
    out.push(
      {
        id: 'lab.plainJsSteps',
        label: 'Same network in plain JavaScript (TF Playground style), batch 10',
        unit: 'steps/s',
        value: value('plain'),
        ...note,
      },
      {
        id: 'lab.engineSteps',
        label: "Same network on the Playground's dense engine (shuffle, batches, losses): steps",
        unit: 'steps/s',
        value: value('sgd'),
        ...note,
      },
      {
        id: 'lab.engineVsPlainJs',
        label: 'Dense engine ÷ plain JavaScript, same run, median of 9 rounds in turns (goal ≥ 1.0)',
        unit: '×',
        value: value('sgdRatio'),
        ...note,
      },
      {
        id: 'lab.engineFeaturesSteps',
        label: 'Dense engine with L2, dropout 10% and Adam: steps',
        unit: 'steps/s',
        value: value('features'),
        ...note,
      },
      {
        id: 'lab.engineFeaturesVsPlainJs',
        label: 'Dense engine with L2 + dropout + Adam ÷ plain JavaScript (plain SGD), same rounds',
        unit: '×',
        value: value('featuresRatio'),
        ...note,
      },
    );
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
