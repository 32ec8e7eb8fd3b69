// Node micro-bench for the Playground's dense engine (not a test, not part of `npm run bench`): the
// lab workload's three measurements (plain JS, engine with plain SGD, engine with L2 + dropout + Adam),
// interleaved, several rounds, to iterate on lib/lab/dense-engine.ts quickly. Run: node bench/engine-micro.mjs
import { createPlaygroundNetwork, makeDataset, type PlaygroundState } from '../lib/lab';
import { PlainMlp } from './workloads/plain-mlp';
import { PG_FEATURES, PG_STATE } from './workloads/playground-states';

const STEPS = 20000;

async function engineSteps(state: PlaygroundState): Promise<number> {
  const net = createPlaygroundNetwork(state, makeDataset('circle'), { engine: 'js' });
  const run = async (steps: number) => {
    let done = 0;
    while (done < steps) done += await net.trainBatches(steps - done);
  };
  await run(2000);
  const t0 = performance.now();
  await run(STEPS);
  const ms = performance.now() - t0;
  net.dispose();
  return (STEPS * 1000) / ms;
}

function plainSteps(): number {
  const data = makeDataset('circle');
  const xs = new Float64Array(data.train.flatMap((p) => [p.x1, p.x2]));
  const ys = data.train.map((p) => p.label);
  const net = new PlainMlp([2, 8, 8, 8, 8, 1]);
  const n = ys.length;
  const run = (steps: number) => {
    for (let s = 0; s < steps; s++) net.trainBatch(xs, ys, (s * 10) % (n - 10), 10, 0.03);
  };
  run(2000);
  const t0 = performance.now();
  run(STEPS);
  return (STEPS * 1000) / (performance.now() - t0);
}

async function main() {
  const rounds = Number(process.argv[2] ?? 5);
  const plain: number[] = [];
  const sgd: number[] = [];
  const feat: number[] = [];
  for (let r = 0; r < rounds; r++) {
    plain.push(plainSteps());
    sgd.push(await engineSteps(PG_STATE));
    feat.push(await engineSteps(PG_FEATURES));
    const i = plain.length - 1;
    console.log(
      `round ${r}: plain ${plain[i].toFixed(0)}/s  engine ${sgd[i].toFixed(0)}/s (${(sgd[i] / plain[i]).toFixed(2)}×)` +
        `  L2+dropout+Adam ${feat[i].toFixed(0)}/s (${(feat[i] / plain[i]).toFixed(2)}×)`,
    );
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(
    `median: plain ${med(plain).toFixed(0)}/s  engine ${(med(sgd) / med(plain)).toFixed(2)}×  ` +
      `features ${(med(feat) / med(plain)).toFixed(2)}×`,
  );
}

void main();
