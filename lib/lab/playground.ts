// The Playground network: a small MLP built by lib/models, trained one epoch per call, and probed on a grid
// so the UI can draw the decision boundary, every neuron's own heat map and the weights.
import * as tf from '@tensorflow/tfjs';

import { createRng, range, shuffleInPlace, type Rng } from '../data';
import { ConfigError } from '../errors';
import { buildMlp, compileModel, setLearningRate } from '../models';
import { confusionMatrix } from '../training';
import { DOMAIN } from './constants';
import { featureValue, featurize, gridPoints, resolveFeatures } from './features';
import { encodeTargets, headSpec, matchHead } from './heads';
import type { LabDataset, PlaygroundState, Point2D } from './types';

/** Losses (and accuracy for classifiers) on the training and test points, without the weight penalty. */
export interface PlaygroundLosses {
  trainLoss: number;
  testLoss: number;
  /** Fraction correct, classification only. */
  trainAcc?: number;
  testAcc?: number;
}

/** Everything the UI draws for one frame, as plain arrays. */
export interface PlaygroundSnapshot {
  /** Grid side; cells are row-major from the top-left (x₁ = −6, x₂ = +6). */
  size: number;
  /**
   * Per cell, the output the heat map colours: the probability of class 1 (binary), the winning class's
   * index (multi-class, see `confidence`), or the predicted value (regression).
   */
  output: Float32Array;
  /** Multi-class only: the winning class's probability per cell. */
  confidence?: Float32Array;
  /** Per input feature, its value per cell. */
  inputs: Float32Array[];
  /** Per hidden layer, per neuron, its activation per cell. */
  neurons: Float32Array[][];
  /** Per dense layer (hidden layers then output), its kernel as [from][to] and its biases. */
  weights: { kernel: number[][]; bias: number[] }[];
}

/**
 * A Playground experiment: the model, its data as tensors, and the grid probe. Create with
 * `createPlaygroundNetwork`, call `trainEpoch` each animation frame, `snapshot` to draw, `dispose` when done.
 */
export class PlaygroundNetwork {
  /** Training epochs done so far. */
  epoch = 0;
  readonly model: tf.Sequential;
  readonly state: PlaygroundState;
  readonly dataset: LabDataset;
  private readonly probe: tf.LayersModel;
  private readonly trainX: tf.Tensor2D;
  private readonly trainY: tf.Tensor2D;
  private readonly testX: tf.Tensor2D;
  private readonly testY: tf.Tensor2D;
  private gridCache: { size: number; x: tf.Tensor2D; inputs: Float32Array[] } | null = null;
  private disposed = false;
  private readonly rng: Rng;
  private order: number[];
  /** Position in `order` of the next batch; starts past the end so the first call shuffles. */
  private cursor: number;

  constructor(state: PlaygroundState, dataset: LabDataset) {
    const features = resolveFeatures(state.features);
    const output = matchHead(state.output, dataset.problem, dataset.numClasses);
    this.state = { ...state, features, output };
    this.dataset = dataset;
    if (dataset.train.length === 0 || dataset.test.length === 0) {
      throw new ConfigError(
        'dataset',
        `${dataset.train.length} train / ${dataset.test.length} test`,
        'points on both sides',
      );
    }
    const head = headSpec(output, dataset.problem, dataset.numClasses);
    const rate = state.regularizationRate;
    this.model = buildMlp({
      inputSize: features.length,
      hidden: state.hidden,
      activation: state.activation,
      outputSize: head.units,
      outputActivation: head.activation,
      dropout: state.dropout,
      regularizer:
        state.regularization === 'l1'
          ? { l1: rate }
          : state.regularization === 'l2'
            ? { l2: rate }
            : undefined,
      seed: state.seed,
    });
    compileModel(this.model, {
      optimizer: { name: state.optimizer, learningRate: state.learningRate },
      loss: head.loss,
    });
    this.probe = tf.model({ inputs: this.model.inputs, outputs: this.neuronOutputs() });
    const toTensors = (pts: Point2D[]) =>
      [
        tf.tensor2d(featurize(pts, features), [pts.length, features.length]),
        tf.tensor2d(encodeTargets(pts, output, dataset.problem, dataset.numClasses), [
          pts.length,
          head.units,
        ]),
      ] as const;
    [this.trainX, this.trainY] = toTensors(dataset.train);
    [this.testX, this.testY] = toTensors(dataset.test);
    this.rng = createRng(state.seed + 101);
    this.order = range(dataset.train.length);
    this.cursor = dataset.train.length;
  }

  /**
   * The symbolic output of each layer of neurons after its activation: a Dense layer, or the LeakyReLU
   * layer lib/models adds after it (tfjs has no leaky ReLU activation string). Dropout is skipped: it
   * does nothing at prediction time.
   */
  private neuronOutputs(): tf.SymbolicTensor[] {
    const outs: tf.SymbolicTensor[] = [];
    const layers = this.model.layers;
    layers.forEach((l, i) => {
      if (l.getClassName() !== 'Dense') return;
      const next = layers[i + 1];
      const chosen = next && next.getClassName() === 'LeakyReLU' ? next : l;
      outs.push(chosen.output as tf.SymbolicTensor);
    });
    return outs;
  }

  /**
   * Trains on up to `maxBatches` mini-batches, continuing where the last call stopped, and returns how
   * many it ran. A pass over all training points (in an order shuffled afresh each epoch) is an epoch.
   * One batch is one `model.trainOnBatch` call, so the compiled loss, weight penalty, dropout and
   * optimizer are exactly the model's own; the Playground needs batch-sized steps to keep each
   * animation frame short, which epoch-sized `fit` calls cannot give.
   */
  async trainBatches(maxBatches: number): Promise<number> {
    this.assertAlive();
    const n = this.dataset.train.length;
    const bs = Math.min(this.state.batchSize, n);
    let ran = 0;
    while (ran < Math.max(1, maxBatches)) {
      if (this.cursor >= n) {
        this.order = shuffleInPlace(this.order, this.rng);
        this.cursor = 0;
      }
      const idx = tf.tensor1d(this.order.slice(this.cursor, this.cursor + bs), 'int32');
      const xb = tf.gather(this.trainX, idx);
      const yb = tf.gather(this.trainY, idx);
      const loss = await this.model.trainOnBatch(xb, yb);
      tf.dispose([idx, xb, yb]);
      this.lastBatchLoss = Array.isArray(loss) ? loss[0] : loss;
      this.cursor += bs;
      ran++;
      if (this.cursor >= n) {
        this.epoch++;
        break;
      }
    }
    return ran;
  }

  /** Loss of the last training batch (data loss plus weight penalty); NaN before any training. */
  lastBatchLoss = NaN;

  /** Number of batches in one epoch. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.dataset.train.length / Math.min(this.state.batchSize, this.dataset.train.length));
  }

  /** Finishes the current epoch (or runs a whole one) and returns the new losses. */
  async trainEpoch(): Promise<PlaygroundLosses> {
    const start = this.epoch;
    while (this.epoch === start) await this.trainBatches(this.batchesPerEpoch);
    return this.evaluate();
  }

  /** Changes the learning rate without rebuilding the model (keeps the optimizer's state). */
  setLearningRate(rate: number): void {
    setLearningRate(this.model.optimizer, rate);
  }

  /** Loss and accuracy on the training and test points (the data loss only, no weight penalty). */
  evaluate(): PlaygroundLosses {
    this.assertAlive();
    const classify = this.dataset.problem === 'classification';
    const out = tf.tidy(() => {
      const one = (x: tf.Tensor2D, y: tf.Tensor2D) => {
        const p = this.model.predict(x) as tf.Tensor2D;
        let loss: tf.Tensor;
        if (this.state.output === 'sigmoid-bce') loss = tf.metrics.binaryCrossentropy(y, p).mean();
        else if (this.state.output === 'softmax-ce') loss = tf.metrics.categoricalCrossentropy(y, p).mean();
        else loss = tf.losses.meanSquaredError(y, p);
        let correct: tf.Tensor = tf.scalar(0);
        if (classify) {
          correct =
            p.shape[1] === 1
              ? tf.equal(tf.greaterEqual(p, 0.5), tf.greaterEqual(y, 0.5)).mean()
              : tf.equal(tf.argMax(p, 1), tf.argMax(y, 1)).mean();
        }
        return tf.stack([loss, tf.cast(correct, 'float32')]);
      };
      return tf.concat([one(this.trainX, this.trainY), one(this.testX, this.testY)]);
    });
    const [trainLoss, trainAcc, testLoss, testAcc] = Array.from(out.dataSync());
    out.dispose();
    return classify ? { trainLoss, testLoss, trainAcc, testAcc } : { trainLoss, testLoss };
  }

  /** Predicts a size×size grid in one batched call and reads every neuron and weight for drawing. */
  snapshot(size: number): PlaygroundSnapshot {
    this.assertAlive();
    const grid = this.grid(size);
    const outs = tf.tidy(() => {
      const r = this.probe.predict(grid.x);
      return Array.isArray(r) ? r : [r];
    });
    const values = outs.map((t) => t.dataSync() as Float32Array);
    const cols = outs.map((t) => t.shape[1] as number);
    tf.dispose(outs);
    const n = size * size;
    const perNeuron = (flat: Float32Array, width: number) =>
      Array.from({ length: width }, (_, j) => {
        const a = new Float32Array(n);
        for (let i = 0; i < n; i++) a[i] = flat[i * width + j];
        return a;
      });
    const neurons = values.slice(0, -1).map((v, k) => perNeuron(v, cols[k]));
    const last = values[values.length - 1];
    const width = cols[cols.length - 1];
    let output: Float32Array;
    let confidence: Float32Array | undefined;
    if (width === 1) output = last.slice();
    else {
      output = new Float32Array(n);
      confidence = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let j = 1; j < width; j++) if (last[i * width + j] > last[i * width + best]) best = j;
        output[i] = best;
        confidence[i] = last[i * width + best];
      }
    }
    return { size, output, confidence, inputs: grid.inputs, neurons, weights: this.readWeights() };
  }

  /** Predictions for arbitrary points (class-1 probability, class index or value), for tests and tooltips. */
  predictPoints(points: readonly Pick<Point2D, 'x1' | 'x2'>[]): number[] {
    this.assertAlive();
    const f = this.state.features;
    const out = tf.tidy(() => {
      const p = this.model.predict(
        tf.tensor2d(featurize(points, f), [points.length, f.length]),
      ) as tf.Tensor2D;
      return p.shape[1] === 1 ? p.reshape([-1]) : tf.argMax(p, 1);
    });
    const v = Array.from(out.dataSync());
    out.dispose();
    return v;
  }

  /**
   * Confusion matrix on the test points (`matrix[true][predicted]`), or null for regression. A single
   * output counts as class 1 from 0.5 up (the sigmoid's probability, or the MSE output's 0/1 target).
   */
  testConfusion(): number[][] | null {
    if (this.dataset.problem !== 'classification') return null;
    const raw = this.predictPoints(this.dataset.test);
    const single = headSpec(this.state.output, this.dataset.problem, this.dataset.numClasses).units === 1;
    const predicted = single ? raw.map((v) => (v >= 0.5 ? 1 : 0)) : raw;
    return confusionMatrix(
      this.dataset.test.map((p) => p.label),
      predicted,
      this.dataset.numClasses,
    );
  }

  private readWeights(): PlaygroundSnapshot['weights'] {
    return this.model.layers
      .filter((l) => l.getClassName() === 'Dense')
      .map((l) => {
        // getWeights() returns the variables' own tensors: read them, do not dispose them.
        const [k, b] = l.getWeights();
        const [rows, cols] = k.shape as [number, number];
        const kv = k.dataSync();
        const kernel = Array.from({ length: rows }, (_, r) =>
          Array.from(kv.subarray(r * cols, (r + 1) * cols)),
        );
        return { kernel, bias: b ? Array.from(b.dataSync()) : new Array(cols).fill(0) };
      });
  }

  private grid(size: number) {
    if (this.gridCache?.size === size) return this.gridCache;
    this.gridCache?.x.dispose();
    const pts = gridPoints(size, DOMAIN);
    const f = this.state.features;
    const inputs = f.map((name) => Float32Array.from(pts, (p) => featureValue(name, p.x1, p.x2)));
    // Owned by this network until dispose(): the grid never changes for a given size.
    const x = tf.tensor2d(featurize(pts, f), [pts.length, f.length]);
    this.gridCache = { size, x, inputs };
    return this.gridCache;
  }

  private assertAlive() {
    if (this.disposed) throw new ConfigError('network', 'disposed', 'a network that has not been disposed');
  }

  /** Frees the model, the optimizer's state, the data and the grid. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([this.trainX, this.trainY, this.testX, this.testY]);
    this.gridCache?.x.dispose();
    this.gridCache = null;
    // compileModel hands the optimizer to the model, so this frees its state too.
    this.model.dispose();
  }
}

/** Builds a Playground network for a state and dataset. The caller owns it and must `dispose()` it. */
export function createPlaygroundNetwork(state: PlaygroundState, dataset: LabDataset): PlaygroundNetwork {
  return new PlaygroundNetwork(state, dataset);
}
