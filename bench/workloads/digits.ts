// Digits workloads: recognition latency and test accuracy of the shipped models, training throughput.
import { medianMs } from './timing';
import type { BenchMeasurement, Workload } from './types';

export const digitsWorkload: Workload = {
  id: 'digits',
  label: 'Digits studio',
  async run({ tf, status }) {
    const [{ loadDigitModel, loadMnist }, digits, models, training] = await Promise.all([
      import('@/lib/pretrained/digits'),
      import('@/lib/digits'),
      import('@/lib/models'),
      import('@/lib/training'),
    ]);
    const out: BenchMeasurement[] = [];
    status('loading MNIST');
    const data = await loadMnist();
    const one = data.testImages.slice(0, 784);
    for (const name of ['digits-mlp', 'digits-cnn'] as const) {
      status(`${name}: latency`);
      const m = await loadDigitModel(name);
      const ms = await medianMs(() => digits.predictDigit(m.model, one), { warmup: 3, reps: 20 });
      out.push({
        id: `digits.${name}.latency`,
        label: `${name}: recognise one drawing`,
        value: ms,
        unit: 'ms',
      });
      status(`${name}: accuracy`);
      const ev = await digits.evaluateDigits(m.model, data.testImages, data.testLabels);
      out.push({
        id: `digits.${name}.accuracy`,
        label: `${name}: accuracy on 2,000 held-out digits`,
        value: ev.accuracy * 100,
        unit: '%',
      });
      m.dispose();
    }
    const n = 512;
    const x = digits.digitsToTensor(data.trainImages, n);
    const y = digits.labelsToOneHot(data.trainLabels.subarray(0, n));
    try {
      for (const kind of ['mlp', 'cnn'] as const) {
        status(`${kind}: training throughput`);
        const model = digits.buildDigitNet({ kind });
        models.compileModel(model, {
          optimizer: { name: 'adam', learningRate: 0.001 },
          loss: 'categoricalCrossentropy',
        });
        await training
          .train(model, { x: x.slice(0, 64), y: y.slice(0, 64) }, { epochs: 1, batchSize: 64 })
          .catch(() => undefined);
        const res = await training.train(model, { x, y }, { epochs: 1, batchSize: 64, seed: 1 });
        out.push({
          id: `digits.${kind}.trainThroughput`,
          label: `${kind}: training throughput, batch 64`,
          value: n / (res.ms / 1000),
          unit: 'examples/s',
        });
        model.dispose();
      }
    } finally {
      x.dispose();
      y.dispose();
    }
    void tf;
    return out;
  },
};
