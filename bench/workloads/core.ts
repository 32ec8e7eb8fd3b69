// Core workloads: a 512×512 matmul, an MLP training step and a CNN training step on MNIST-sized input.
import { medianMs } from './timing';
import type { Workload } from './types';

export const coreWorkload: Workload = {
  id: 'core',
  label: 'Core tensor work',
  async run({ tf, status }) {
    status('matmul 512×512');
    const a = tf.randomNormal([512, 512], 0, 1, 'float32', 1);
    const b = tf.randomNormal([512, 512], 0, 1, 'float32', 2);
    const matmul = await medianMs(async () => {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    });
    a.dispose();
    b.dispose();

    status('MLP training step');
    const mlp = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    mlp.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
    const x = tf.randomUniform([64, 784], 0, 1, 'float32', 3);
    const y = tf.oneHot(tf.randomUniform([64], 0, 10, 'int32', 4), 10).toFloat();
    const mlpStep = await medianMs(() => mlp.trainOnBatch(x, y), { warmup: 2, reps: 10 });
    mlp.dispose();
    x.dispose();

    status('CNN training step');
    const cnn = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 64, activation: 'relu' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    cnn.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
    const xi = tf.randomUniform([64, 28, 28, 1], 0, 1, 'float32', 5);
    const cnnStep = await medianMs(() => cnn.trainOnBatch(xi, y), { warmup: 1, reps: 5 });
    cnn.dispose();
    xi.dispose();
    y.dispose();

    return [
      { id: 'core.matmul512', label: 'matmul 512×512', value: matmul, unit: 'ms' },
      { id: 'core.mlpStep', label: 'MLP 784-128-10 train step, batch 64', value: mlpStep, unit: 'ms/step' },
      {
        id: 'core.cnnStep',
        label: 'CNN conv16-conv32-dense64 train step, batch 64, 28×28',
        value: cnnStep,
        unit: 'ms/step',
      },
    ];
  },
};
