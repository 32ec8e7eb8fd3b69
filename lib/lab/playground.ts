// The Playground network: a small MLP from lib/models' ModelSpec, trained batch by batch on the dense engine
// (default) or on tfjs, and probed on a grid so the UI can draw the decision boundary, every neuron's own
// heat map and the weights.
import { createRng, range, shuffleInPlace, type Rng } from '../data';
import { ConfigError } from '../errors';
import { mlpSpec } from '../models';
import { confusionMatrix } from '../training';
import { DOMAIN } from './constants';
import { lossAndGrad, type DenseEngineLoss } from './dense-engine';
import { featureValue, featurize, gridPoints, resolveFeatures } from './features';
import { encodeTargets, headSpec, matchHead } from './heads';
import {
  createPlaygroundBackend,
  type PlaygroundBackend,
  type PlaygroundEngine,
} from './playground-backends';
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

/** Options for {@link createPlaygroundNetwork}. */
export interface PlaygroundNetworkOptions {
  /** Which engine trains the network. Defaults to 'js', the typed-array dense engine. */
  engine?: PlaygroundEngine;
}

/**
 * A Playground experiment: the network (on either engine), its data as flat arrays, and the grid probe.
 * Create with `createPlaygroundNetwork`, call `trainBatches` each animation frame, `snapshot` to draw,
 * `dispose` when done.
 */
export class PlaygroundNetwork {
  /** Training epochs done so far. */
  epoch = 0;
  /** Loss of the last training batch (data loss plus weight penalty); NaN before any training. */
  lastBatchLoss = NaN;
  readonly state: PlaygroundState;
  readonly dataset: LabDataset;
  readonly engine: PlaygroundEngine;
  private readonly backend: PlaygroundBackend;
  private readonly loss: DenseEngineLoss;
  private readonly units: number;
  private readonly trainX: Float32Array;
  private readonly trainY: Float32Array;
  private readonly testX: Float32Array;
  private readonly testY: Float32Array;
  private readonly batchX: Float32Array;
  private readonly batchY: Float32Array;
  private gridCache: { size: number; x: Float32Array; inputs: Float32Array[] } | null = null;
  private disposed = false;
  private readonly rng: Rng;
  private order: number[];
  /** Position in `order` of the next batch; starts past the end so the first call shuffles. */
  private cursor: number;

  constructor(state: PlaygroundState, dataset: LabDataset, options: PlaygroundNetworkOptions = {}) {
    const features = resolveFeatures(state.features);
    const output = matchHead(state.output, dataset.problem, dataset.numClasses);
    this.state = { ...state, features, output };
    this.dataset = dataset;
    this.engine = options.engine ?? 'js';
    if (dataset.train.length === 0 || dataset.test.length === 0) {
      throw new ConfigError(
        'dataset',
        `${dataset.train.length} train / ${dataset.test.length} test`,
        'points on both sides',
      );
    }
    const head = headSpec(output, dataset.problem, dataset.numClasses);
    const rate = state.regularizationRate;
    // One ModelSpec for both engines: the dense engine is a second backend of it, not a second format.
    const spec = mlpSpec({
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
    this.loss = head.loss as DenseEngineLoss;
    this.units = head.units;
    this.backend = createPlaygroundBackend(this.engine, spec, {
      optimizer: { name: state.optimizer, learningRate: state.learningRate },
      loss: head.loss,
    });
    const targets = (pts: Point2D[]) => encodeTargets(pts, output, dataset.problem, dataset.numClasses);
    this.trainX = featurize(dataset.train, features);
    this.trainY = targets(dataset.train);
    this.testX = featurize(dataset.test, features);
    this.testY = targets(dataset.test);
    const bs = Math.min(state.batchSize, dataset.train.length);
    this.batchX = new Float32Array(bs * features.length);
    this.batchY = new Float32Array(bs * head.units);
    this.rng = createRng(state.seed + 101);
    this.order = range(dataset.train.length);
    this.cursor = dataset.train.length;
  }

  /**
   * Trains on up to `maxBatches` mini-batches, continuing where the last call stopped, and returns how
   * many it ran. A pass over all training points (in an order shuffled afresh each epoch) is an epoch;
   * a call stops at the end of one. Batch-sized steps keep each animation frame short.
   */
  async trainBatches(maxBatches: number): Promise<number> {
    this.assertAlive();
    const n = this.dataset.train.length;
    const bs = Math.min(this.state.batchSize, n);
    const f = this.state.features.length;
    const u = this.units;
    let ran = 0;
    while (ran < Math.max(1, maxBatches)) {
      if (this.cursor >= n) {
        this.order = shuffleInPlace(this.order, this.rng);
        this.cursor = 0;
      }
      const count = Math.min(bs, n - this.cursor);
      for (let r = 0; r < count; r++) {
        const i = this.order[this.cursor + r];
        for (let j = 0; j < f; j++) this.batchX[r * f + j] = this.trainX[i * f + j];
        for (let j = 0; j < u; j++) this.batchY[r * u + j] = this.trainY[i * u + j];
      }
      const step = this.backend.trainStep(this.batchX, this.batchY, count);
      this.lastBatchLoss = typeof step === 'number' ? step : await step;
      this.cursor += bs;
      ran++;
      if (this.cursor >= n) {
        this.epoch++;
        break;
      }
    }
    return ran;
  }

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
    this.backend.setLearningRate(rate);
  }

  private outputsOf(x: Float32Array, n: number): Float32Array {
    const outs = this.backend.layerOutputs(x, n);
    return outs[outs.length - 1];
  }

  /** Loss and accuracy on the training and test points (the data loss only, no weight penalty). */
  evaluate(): PlaygroundLosses {
    this.assertAlive();
    const classify = this.dataset.problem === 'classification';
    const u = this.units;
    const one = (x: Float32Array, y: Float32Array) => {
      const n = y.length / u;
      const p = this.outputsOf(x, n);
      const loss = lossAndGrad(this.loss, p, y, n, u, null);
      let correct = 0;
      if (classify) {
        for (let r = 0; r < n; r++) {
          if (u === 1) correct += p[r] >= 0.5 === y[r] >= 0.5 ? 1 : 0;
          else correct += argMax(p, r * u, u) === argMax(y, r * u, u) ? 1 : 0;
        }
      }
      return [loss, correct / n];
    };
    const [trainLoss, trainAcc] = one(this.trainX, this.trainY);
    const [testLoss, testAcc] = one(this.testX, this.testY);
    return classify ? { trainLoss, testLoss, trainAcc, testAcc } : { trainLoss, testLoss };
  }

  /** Predicts a size×size grid in one batched call and reads every neuron and weight for drawing. */
  snapshot(size: number): PlaygroundSnapshot {
    this.assertAlive();
    const grid = this.grid(size);
    const n = size * size;
    const values = this.backend.layerOutputs(grid.x, n);
    const cols = values.map((v) => v.length / n);
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
    if (width === 1) output = last.slice(0, n);
    else {
      output = new Float32Array(n);
      confidence = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const best = argMax(last, i * width, width);
        output[i] = best;
        confidence[i] = last[i * width + best];
      }
    }
    return { size, output, confidence, inputs: grid.inputs, neurons, weights: this.readWeights() };
  }

  /** Predictions for arbitrary points (class-1 probability, class index or value), for tests and tooltips. */
  predictPoints(points: readonly Pick<Point2D, 'x1' | 'x2'>[]): number[] {
    this.assertAlive();
    const p = this.outputsOf(featurize(points, this.state.features), points.length);
    const u = this.units;
    return Array.from({ length: points.length }, (_, r) => (u === 1 ? p[r] : argMax(p, r * u, u)));
  }

  /**
   * Confusion matrix on the test points (`matrix[true][predicted]`), or null for regression. A single
   * output counts as class 1 from 0.5 up (the sigmoid's probability, or the MSE output's 0/1 target).
   */
  testConfusion(): number[][] | null {
    if (this.dataset.problem !== 'classification') return null;
    const raw = this.predictPoints(this.dataset.test);
    const predicted = this.units === 1 ? raw.map((v) => (v >= 0.5 ? 1 : 0)) : raw;
    return confusionMatrix(
      this.dataset.test.map((p) => p.label),
      predicted,
      this.dataset.numClasses,
    );
  }

  private readWeights(): PlaygroundSnapshot['weights'] {
    return this.backend.weights().map(({ kernel, bias, rows, cols }) => ({
      kernel: Array.from({ length: rows }, (_, r) => Array.from(kernel.subarray(r * cols, (r + 1) * cols))),
      bias: Array.from(bias),
    }));
  }

  private grid(size: number) {
    if (this.gridCache?.size === size) return this.gridCache;
    const pts = gridPoints(size, DOMAIN);
    const f = this.state.features;
    const inputs = f.map((name) => Float32Array.from(pts, (p) => featureValue(name, p.x1, p.x2)));
    this.gridCache = { size, x: featurize(pts, f), inputs };
    return this.gridCache;
  }

  private assertAlive() {
    if (this.disposed) throw new ConfigError('network', 'disposed', 'a network that has not been disposed');
  }

  /** Frees the model and the optimizer's state. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.gridCache = null;
    this.backend.dispose();
  }
}

function argMax(a: ArrayLike<number>, offset: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (a[offset + j] > a[offset + best]) best = j;
  return best;
}

/**
 * Builds a Playground network for a state and dataset, on the dense engine unless `options.engine` says
 * 'tfjs'. The caller owns it and must `dispose()` it.
 */
export function createPlaygroundNetwork(
  state: PlaygroundState,
  dataset: LabDataset,
  options: PlaygroundNetworkOptions = {},
): PlaygroundNetwork {
  return new PlaygroundNetwork(state, dataset, options);
}
