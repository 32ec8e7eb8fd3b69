// A typed-array engine for small dense networks: the second backend of a ModelSpec (dense + dropout
// layers), computing exactly what tfjs-layers computes for it, without tensors, at plain-JS speed.
import { ConfigError } from '../errors';
import {
  deriveSeed,
  initialDenseKernel,
  LEAKY_RELU_ALPHA,
  resolveModelSpec,
  resolveOptimizerConfig,
  type ActivationName,
  type LossName,
  type ModelSpec,
  type OptimizerConfig,
} from '../models';

/** Losses the engine computes (the Playground's heads). */
export type DenseEngineLoss = Extract<
  LossName,
  'meanSquaredError' | 'binaryCrossentropy' | 'categoricalCrossentropy'
>;

/** How to train: the same optimizer settings and loss names `compileModel` takes. */
export interface DenseEngineCompile {
  optimizer: Partial<OptimizerConfig> & Pick<OptimizerConfig, 'name'>;
  loss: DenseEngineLoss;
}

/** One dense layer's weights, as the engine holds them (kernel row-major [rows = inputs][cols = units]). */
export interface DenseEngineWeights {
  kernel: Float32Array;
  bias: Float32Array;
  rows: number;
  cols: number;
}

/** tfjs-layers' fuzz factor for clipping probabilities (backend epsilon, float32). */
const EPS = 1e-7;
/** Below/above these softplus returns exp(x) / x, as tfjs's kernel does. */
const SOFTPLUS_THRESHOLD = Math.log(1.1920928955078125e-7) + 2;
const ENGINE_ACTIVATIONS: readonly ActivationName[] = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'softplus',
  'softmax',
];

/**
 * Alea, the generator tfjs's seeded random ops use (seedrandom's `alea`), so the engine's dropout masks
 * are the very masks `tf.dropout(x, rate, undefined, seed)` draws.
 */
export function alea(seed: string): () => number {
  let n = 0xefc8249d;
  const mash = (data: string) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  let c = 1;
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  s0 -= mash(seed);
  if (s0 < 0) s0 += 1;
  s1 -= mash(seed);
  if (s1 < 0) s1 += 1;
  s2 -= mash(seed);
  if (s2 < 0) s2 += 1;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    return (s2 = t - (c = t | 0));
  };
}

interface Layer {
  rows: number;
  cols: number;
  act: ActivationName;
  useBias: boolean;
  l1: number;
  l2: number;
  kernel: Float32Array;
  bias: Float32Array;
  gK: Float32Array;
  gB: Float32Array;
  /** Optimizer slots (moments, accumulators), one pair of arrays per slot. */
  slotsK: Float32Array[];
  slotsB: Float32Array[];
  dropout: { rate: number; seed?: number; calls: number } | null;
}

/** Per-batch-size work buffers: pre-activations, activations, dropout scales, layer inputs, deltas. */
interface Buffers {
  z: Float32Array[];
  a: Float32Array[];
  mask: (Float32Array | null)[];
  out: Float32Array[];
  dA: Float32Array[];
  dZ: Float32Array[];
}

/** Whether the engine can train this spec: dense layers (+ one dropout after a dense) on a flat input. */
export function denseEngineSupports(spec: ModelSpec): boolean {
  if (spec.inputShape.length !== 1) return false;
  let prev: string | null = null;
  for (const l of spec.layers) {
    if (l.type === 'dense') {
      if (!ENGINE_ACTIVATIONS.includes(l.activation ?? 'linear')) return false;
    } else if (l.type !== 'dropout' || prev !== 'dense') return false;
    prev = l.type;
  }
  return spec.layers.length > 0 && spec.layers[spec.layers.length - 1].type === 'dense';
}

/**
 * A dense network trained in typed arrays. Built from the same `ModelSpec` and compile settings as the
 * tfjs model, it starts from the same seeded weights, draws the same dropout masks and applies the
 * same loss, weight penalties and optimizer formulas, so the two agree to float rounding (tested).
 */
export class DenseEngine {
  private readonly layers: Layer[];
  private readonly loss: DenseEngineLoss;
  private readonly opt: Required<OptimizerConfig>;
  private accBeta1: number;
  private accBeta2: number;
  private buffers = new Map<number, Buffers>();
  /** Optimizer steps taken. */
  steps = 0;

  constructor(spec: ModelSpec, compile: DenseEngineCompile) {
    const resolved = resolveModelSpec(spec);
    if (!denseEngineSupports(resolved)) {
      throw new ConfigError('spec', resolved.layers.map((l) => l.type).join(','), 'dense and dropout layers');
    }
    if (!['meanSquaredError', 'binaryCrossentropy', 'categoricalCrossentropy'].includes(compile.loss)) {
      throw new ConfigError(
        'loss',
        compile.loss,
        'meanSquaredError, binaryCrossentropy, categoricalCrossentropy',
      );
    }
    this.loss = compile.loss;
    this.opt = resolveOptimizerConfig(compile.optimizer);
    this.accBeta1 = Math.fround(this.opt.beta1);
    this.accBeta2 = Math.fround(this.opt.beta2);
    const slots = { sgd: 0, momentum: 1, nesterov: 1, adagrad: 1, rmsprop: 2, adam: 2 }[this.opt.name];
    const fill = this.opt.name === 'adagrad' ? this.opt.initialAccumulatorValue : 0;
    this.layers = [];
    let rows = resolved.inputShape[0];
    resolved.layers.forEach((l, i) => {
      if (l.type === 'dropout') {
        this.layers[this.layers.length - 1].dropout = {
          rate: l.rate,
          seed: deriveSeed(resolved.seed, i, 2),
          calls: 0,
        };
        return;
      }
      if (l.type !== 'dense') return;
      const cols = l.units;
      const size = rows * cols;
      this.layers.push({
        rows,
        cols,
        act: l.activation ?? 'linear',
        useBias: l.useBias ?? true,
        l1: l.regularizer?.l1 ?? 0,
        l2: l.regularizer?.l2 ?? 0,
        kernel: initialDenseKernel(resolved, i, rows),
        bias: new Float32Array(cols),
        gK: new Float32Array(size),
        gB: new Float32Array(cols),
        slotsK: Array.from({ length: slots }, () => new Float32Array(size).fill(fill)),
        slotsB: Array.from({ length: slots }, () => new Float32Array(cols).fill(fill)),
        dropout: null,
      });
      rows = cols;
    });
  }

  /** Number of inputs per example. */
  get inputSize(): number {
    return this.layers[0].rows;
  }

  /** Number of outputs per example. */
  get outputSize(): number {
    return this.layers[this.layers.length - 1].cols;
  }

  /** The current learning rate. */
  get learningRate(): number {
    return this.opt.learningRate;
  }

  /** Changes the learning rate; the optimizer keeps its moments. */
  setLearningRate(rate: number): void {
    if (!Number.isFinite(rate) || rate <= 0) throw new ConfigError('learningRate', rate, 'a number > 0');
    this.opt.learningRate = rate;
  }

  /** The live weights (read them, do not keep or change them). */
  weights(): DenseEngineWeights[] {
    return this.layers.map((l) => ({ kernel: l.kernel, bias: l.bias, rows: l.rows, cols: l.cols }));
  }

  private buffersFor(n: number): Buffers {
    let b = this.buffers.get(n);
    if (!b) {
      const per = () => this.layers.map((l) => new Float32Array(n * l.cols));
      b = {
        z: per(),
        a: per(),
        mask: this.layers.map((l) => (l.dropout && l.dropout.rate > 0 ? new Float32Array(n * l.cols) : null)),
        out: per(),
        dA: per(),
        dZ: per(),
      };
      // Keep a few sizes (a batch, the last batch of an epoch, the grid, the data); drop the oldest.
      if (this.buffers.size >= 6) this.buffers.delete(this.buffers.keys().next().value as number);
      this.buffers.set(n, b);
    }
    return b;
  }

  /**
   * Runs `n` rows of `x` (row-major [n × inputSize]) forward and returns every dense layer's output
   * after its activation, row-major [n × units]; the last is the network's output. With `training`,
   * dropout is applied (and a layer's array then holds its values before dropout). The arrays are
   * the engine's buffers: copy what you keep past the next call.
   */
  forward(x: Float32Array, n: number, training = false): Float32Array[] {
    const b = this.buffersFor(n);
    let input = x;
    for (let k = 0; k < this.layers.length; k++) {
      const l = this.layers[k];
      const { rows, cols, kernel, bias, useBias } = l;
      const z = b.z[k];
      const a = b.a[k];
      for (let r = 0; r < n; r++) {
        const xo = r * rows;
        const zo = r * cols;
        for (let j = 0; j < cols; j++) {
          let s = 0;
          for (let i = 0, w = j; i < rows; i++, w += cols) s += input[xo + i] * kernel[w];
          z[zo + j] = useBias ? Math.fround(s) + bias[j] : s;
        }
      }
      activate(l.act, z, a, n, cols);
      const mask = b.mask[k];
      if (training && mask && l.dropout) {
        const { rate, seed } = l.dropout;
        // tf.dropout: floor(u + keep) / keep, with u from alea(seed + calls), as SeededDropout draws it.
        const rand = alea(String(seed === undefined ? Math.random() : seed + l.dropout.calls++));
        const keep = 1 - rate;
        const scale = Math.fround(1 / keep);
        const o = b.out[k];
        for (let i = 0; i < n * cols; i++) {
          const m = Math.floor(Math.fround(Math.fround(rand()) + keep)) * scale;
          mask[i] = m;
          o[i] = a[i] * m;
        }
        input = o;
      } else {
        input = a;
      }
    }
    return b.a;
  }

  /** The network's outputs for `n` rows (prediction mode), as a new array [n × outputSize]. */
  predict(x: Float32Array, n: number): Float32Array {
    const outs = this.forward(x, n);
    return outs[outs.length - 1].slice(0, n * this.outputSize);
  }

  /** The weight penalty (sum of l1·|w| + l2·w² over regularised kernels). */
  penalty(): number {
    let p = 0;
    for (const l of this.layers) {
      if (!l.l1 && !l.l2) continue;
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < l.kernel.length; i++) {
        s1 += Math.abs(l.kernel[i]);
        s2 += l.kernel[i] * l.kernel[i];
      }
      p += l.l1 * s1 + l.l2 * s2;
    }
    return p;
  }

  /**
   * One optimizer step on `n` rows of `x` with targets `y` (row-major [n × outputSize]), like tfjs's
   * `model.trainOnBatch`. Returns that batch's loss plus the weight penalty, before the step.
   */
  trainBatch(x: Float32Array, y: Float32Array, n: number): number {
    const b = this.buffersFor(n);
    const outs = this.forward(x, n, true);
    const L = this.layers.length;
    const last = this.layers[L - 1];
    const loss = lossAndGrad(this.loss, outs[L - 1], y, n, last.cols, b.dA[L - 1]) + this.penalty();
    for (let k = L - 1; k >= 0; k--) {
      const l = this.layers[k];
      const { rows, cols, kernel, gK, gB } = l;
      const dZ = b.dZ[k];
      activationGrad(l.act, b.z[k], b.a[k], b.dA[k], dZ, n, cols);
      const input = k === 0 ? x : b.mask[k - 1] ? b.out[k - 1] : b.a[k - 1];
      gK.fill(0);
      gB.fill(0);
      for (let r = 0; r < n; r++) {
        const xo = r * rows;
        const zo = r * cols;
        for (let j = 0; j < cols; j++) {
          const d = dZ[zo + j];
          if (d === 0) continue;
          gB[j] += d;
          for (let i = 0; i < rows; i++) gK[i * cols + j] += input[xo + i] * d;
        }
      }
      if (l.l1 || l.l2) {
        for (let i = 0; i < gK.length; i++) {
          const w = kernel[i];
          // d|w|/dw is tfjs's step(w, -1): +1 above zero, -1 at and below it.
          gK[i] += l.l1 * (w > 0 ? 1 : -1) + 2 * l.l2 * w;
        }
      }
      if (k > 0) {
        const dPrev = b.dA[k - 1];
        const mask = b.mask[k - 1];
        for (let r = 0; r < n; r++) {
          const zo = r * cols;
          const po = r * rows;
          for (let i = 0; i < rows; i++) {
            let s = 0;
            for (let j = 0; j < cols; j++) s += dZ[zo + j] * kernel[i * cols + j];
            dPrev[po + i] = mask ? s * mask[po + i] : s;
          }
        }
      }
    }
    for (const l of this.layers) {
      this.update(l.kernel, l.gK, l.slotsK);
      if (l.useBias) this.update(l.bias, l.gB, l.slotsB);
    }
    if (this.opt.name === 'adam') {
      this.accBeta1 = Math.fround(this.accBeta1 * this.opt.beta1);
      this.accBeta2 = Math.fround(this.accBeta2 * this.opt.beta2);
    }
    this.steps++;
    return loss;
  }

  /** The tfjs optimizers' update rules (tfjs-core 4.22), variable by variable. */
  private update(w: Float32Array, g: Float32Array, s: Float32Array[]): void {
    const { learningRate: lr, momentum, beta1, beta2, epsilon, rho } = this.opt;
    const len = w.length;
    switch (this.opt.name) {
      case 'sgd':
        for (let i = 0; i < len; i++) w[i] -= lr * g[i];
        return;
      case 'momentum':
      case 'nesterov': {
        const acc = s[0];
        const nesterov = this.opt.name === 'nesterov';
        for (let i = 0; i < len; i++) {
          const a = (acc[i] = acc[i] * momentum + g[i]);
          w[i] -= lr * (nesterov ? g[i] + acc[i] * momentum : a);
        }
        return;
      }
      case 'adagrad': {
        const acc = s[0];
        for (let i = 0; i < len; i++) {
          acc[i] += g[i] * g[i];
          w[i] -= (lr * g[i]) / Math.sqrt(acc[i] + EPS);
        }
        return;
      }
      case 'rmsprop': {
        const [ms, mom] = s;
        for (let i = 0; i < len; i++) {
          ms[i] = ms[i] * rho + g[i] * g[i] * (1 - rho);
          mom[i] = mom[i] * momentum + (g[i] * lr) / Math.sqrt(ms[i] + epsilon);
          w[i] -= mom[i];
        }
        return;
      }
      case 'adam': {
        const [m, v] = s;
        const c1 = Math.fround(1 - this.accBeta1);
        const c2 = Math.fround(1 - this.accBeta2);
        for (let i = 0; i < len; i++) {
          m[i] = m[i] * beta1 + g[i] * (1 - beta1);
          v[i] = v[i] * beta2 + g[i] * g[i] * (1 - beta2);
          w[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
        }
        return;
      }
    }
  }
}

/** Applies an activation row by row (softmax needs whole rows). */
function activate(act: ActivationName, z: Float32Array, a: Float32Array, n: number, cols: number): void {
  const len = n * cols;
  switch (act) {
    case 'linear':
      for (let i = 0; i < len; i++) a[i] = z[i];
      return;
    case 'sigmoid':
      for (let i = 0; i < len; i++) a[i] = 1 / (1 + Math.exp(-z[i]));
      return;
    case 'tanh':
      for (let i = 0; i < len; i++) a[i] = Math.tanh(z[i]);
      return;
    case 'relu':
      for (let i = 0; i < len; i++) a[i] = z[i] < 0 ? 0 : z[i];
      return;
    case 'leakyRelu':
      for (let i = 0; i < len; i++) a[i] = z[i] < 0 ? LEAKY_RELU_ALPHA * z[i] : z[i];
      return;
    case 'elu':
      for (let i = 0; i < len; i++) a[i] = z[i] >= 0 ? z[i] : Math.exp(z[i]) - 1;
      return;
    case 'softplus':
      for (let i = 0; i < len; i++) {
        const v = z[i];
        a[i] = v < SOFTPLUS_THRESHOLD ? Math.exp(v) : v > -SOFTPLUS_THRESHOLD ? v : Math.log(1 + Math.exp(v));
      }
      return;
    case 'softmax':
      for (let r = 0; r < n; r++) {
        const o = r * cols;
        let max = -Infinity;
        for (let j = 0; j < cols; j++) if (z[o + j] > max) max = z[o + j];
        let sum = 0;
        for (let j = 0; j < cols; j++) sum += a[o + j] = Math.exp(Math.fround(z[o + j] - max));
        sum = Math.fround(sum);
        for (let j = 0; j < cols; j++) a[o + j] = a[o + j] / sum;
      }
      return;
    default:
      throw new ConfigError('activation', act, ENGINE_ACTIVATIONS.join(', '));
  }
}

/** dZ from dA through the activation, with tfjs's gradient rules (e.g. ReLU's slope 0 at 0). */
function activationGrad(
  act: ActivationName,
  z: Float32Array,
  a: Float32Array,
  dA: Float32Array,
  dZ: Float32Array,
  n: number,
  cols: number,
): void {
  const len = n * cols;
  switch (act) {
    case 'linear':
      for (let i = 0; i < len; i++) dZ[i] = dA[i];
      return;
    case 'sigmoid':
      for (let i = 0; i < len; i++) dZ[i] = dA[i] * (a[i] * (1 - a[i]));
      return;
    case 'tanh':
      for (let i = 0; i < len; i++) dZ[i] = (1 - a[i] * a[i]) * dA[i];
      return;
    case 'relu':
      for (let i = 0; i < len; i++) dZ[i] = z[i] > 0 ? dA[i] : 0;
      return;
    case 'leakyRelu':
      for (let i = 0; i < len; i++) dZ[i] = z[i] > 0 ? dA[i] : dA[i] * LEAKY_RELU_ALPHA;
      return;
    case 'elu':
      for (let i = 0; i < len; i++) dZ[i] = a[i] >= 0 ? dA[i] : dA[i] * (a[i] + 1);
      return;
    case 'softplus':
      for (let i = 0; i < len; i++) dZ[i] = dA[i] * (1 / (1 + Math.exp(-z[i])));
      return;
    case 'softmax':
      for (let r = 0; r < n; r++) {
        const o = r * cols;
        let s = 0;
        for (let j = 0; j < cols; j++) s += dA[o + j] * a[o + j];
        for (let j = 0; j < cols; j++) dZ[o + j] = dA[o + j] * a[o + j] - s * a[o + j];
      }
      return;
    default:
      throw new ConfigError('activation', act, ENGINE_ACTIVATIONS.join(', '));
  }
}

/**
 * The batch's mean loss (tfjs-layers' formulas: BCE through clipped logits, CE on renormalised and
 * clipped probabilities, MSE averaged over outputs) and its gradient with respect to the outputs.
 */
export function lossAndGrad(
  loss: DenseEngineLoss,
  p: Float32Array,
  y: Float32Array,
  n: number,
  cols: number,
  dP: Float32Array | null,
): number {
  let total = 0;
  if (loss === 'meanSquaredError') {
    const k = 2 / (n * cols);
    for (let i = 0; i < n * cols; i++) {
      const d = p[i] - y[i];
      total += d * d;
      if (dP) dP[i] = k * d;
    }
    return total / (n * cols);
  }
  if (loss === 'binaryCrossentropy') {
    for (let i = 0; i < n * cols; i++) {
      const inside = p[i] >= EPS && p[i] <= 1 - EPS;
      const q = inside ? p[i] : p[i] < EPS ? EPS : 1 - EPS;
      total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
      if (dP) dP[i] = inside ? (q - y[i]) / (q * (1 - q)) / (n * cols) : 0;
    }
    return total / (n * cols);
  }
  for (let r = 0; r < n; r++) {
    const o = r * cols;
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += p[o + j];
    let dot = 0;
    for (let j = 0; j < cols; j++) {
      const q = p[o + j] / sum;
      const inside = q >= EPS && q <= 1 - EPS;
      const c = inside ? q : q < EPS ? EPS : 1 - EPS;
      total -= y[o + j] * Math.log(c);
      const dq = inside ? -y[o + j] / c / n : 0;
      if (dP) dP[o + j] = dq / sum;
      dot += dq * p[o + j];
    }
    if (dP) for (let j = 0; j < cols; j++) dP[o + j] -= dot / (sum * sum);
  }
  return total / n;
}
