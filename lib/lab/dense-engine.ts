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

/**
 * Per-batch-size work buffers: pre-activations, activations, dropout scales, what each layer passes on
 * (its activations, or after dropout the masked ones), and the deltas.
 */
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

/** Optimizer constants for one step, computed once per step rather than once per weight. */
interface StepConstants {
  lr: number;
  /** Adam: lr / (1 − β1ᵗ) and 1 / (1 − β2ᵗ), the bias corrections. */
  lrC1: number;
  invC2: number;
}

/**
 * A dense network trained in typed arrays. Built from the same `ModelSpec` and compile settings as the
 * tfjs model, it starts from the same seeded weights, draws the same dropout masks and applies the
 * same loss, weight penalties and optimizer formulas, so the two agree to float rounding (tested).
 *
 * Speed (the Playground's networks are tiny, so loop overhead, not arithmetic, is the cost): no
 * allocation per step; the batch runs as small matrix products blocked four outputs at a time (one
 * input load feeds four accumulators); each layer's gradient is applied as soon as its delta has been
 * passed back, with the L1/L2 gradient and the penalty folded into the optimizer's loop; dropout masks
 * come from an inlined Alea.
 */
export class DenseEngine {
  private readonly layers: Layer[];
  private readonly loss: DenseEngineLoss;
  private readonly opt: Required<OptimizerConfig>;
  private accBeta1: number;
  private accBeta2: number;
  private buffers = new Map<number, Buffers>();
  private readonly step: StepConstants = { lr: 0, lrC1: 0, invC2: 0 };
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
      const a = per();
      const mask = this.layers.map((l) =>
        l.dropout && l.dropout.rate > 0 ? new Float32Array(n * l.cols) : null,
      );
      b = {
        z: per(),
        a,
        mask,
        // Without dropout a layer passes on its activations themselves.
        out: this.layers.map((l, k) => (mask[k] ? new Float32Array(n * l.cols) : a[k])),
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
    return this.run(this.buffersFor(n), x, n, training);
  }

  private run(b: Buffers, x: Float32Array, n: number, training: boolean): Float32Array[] {
    let input = x;
    for (let k = 0; k < this.layers.length; k++) {
      const l = this.layers[k];
      const z = b.z[k];
      const a = b.a[k];
      denseForward(input, n, l.rows, l.cols, l.kernel, l.bias, z);
      activate(l.act, z, a, n, l.cols);
      const mask = b.mask[k];
      if (training && mask && l.dropout) {
        const { rate, seed } = l.dropout;
        // tf.dropout: floor(u + keep) / keep, with u from alea(seed + calls), as SeededDropout draws it.
        const o = b.out[k];
        dropout(String(seed === undefined ? Math.random() : seed + l.dropout.calls++), 1 - rate, a, mask, o);
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
    const outs = this.run(b, x, n, true);
    const L = this.layers.length;
    const last = this.layers[L - 1];
    let loss = lossAndGrad(this.loss, outs[L - 1], y, n, last.cols, b.dA[L - 1]);
    const st = this.step;
    st.lr = this.opt.learningRate;
    if (this.opt.name === 'adam') {
      st.lrC1 = st.lr / Math.fround(1 - this.accBeta1);
      st.invC2 = 1 / Math.fround(1 - this.accBeta2);
    }
    // Backward, layer by layer from the top. A layer's weights change as soon as its delta has been
    // passed down (the layers below never read them again this step), which is what applying all
    // gradients at the end computes.
    for (let k = L - 1; k >= 0; k--) {
      const l = this.layers[k];
      const { rows, cols, kernel } = l;
      const dZ = b.dZ[k];
      activationGrad(l.act, b.z[k], b.a[k], b.dA[k], dZ, n, cols);
      const input = k === 0 ? x : b.out[k - 1];
      if (k > 0) denseBackward(dZ, n, rows, cols, kernel, b.mask[k - 1], b.dA[k - 1]);
      kernelGrad(input, dZ, n, rows, cols, l.gK);
      loss += this.update(kernel, l.gK, l.slotsK, l.l1, l.l2);
      if (l.useBias) {
        const gB = l.gB;
        for (let j = 0; j < cols; j++) {
          let s = 0;
          for (let r = 0, d = j; r < n; r++, d += cols) s += dZ[d];
          gB[j] = s;
        }
        this.update(l.bias, gB, l.slotsB, 0, 0);
      }
    }
    if (this.opt.name === 'adam') {
      this.accBeta1 = Math.fround(this.accBeta1 * this.opt.beta1);
      this.accBeta2 = Math.fround(this.accBeta2 * this.opt.beta2);
    }
    this.steps++;
    return loss;
  }

  /**
   * The tfjs optimizers' update rules (tfjs-core 4.22), variable by variable, with the weight
   * penalty's gradient (l1·sign + 2·l2·w, as tfjs-layers' l1l2 regulariser differentiates) added in the
   * same loop. Returns the penalty l1·Σ|w| + l2·Σw² of the weights before the update.
   */
  private update(w: Float32Array, g: Float32Array, s: Float32Array[], l1: number, l2: number): number {
    const { lr, lrC1, invC2 } = this.step;
    const { momentum, beta1, beta2, epsilon, rho } = this.opt;
    const len = w.length;
    const l2x2 = 2 * l2;
    let p1 = 0;
    let p2 = 0;
    if (l1) {
      for (let i = 0; i < len; i++) {
        const v = w[i];
        p1 += Math.abs(v);
        p2 += v * v;
        // d|w|/dw is tfjs's step(w, -1): +1 above zero, -1 at and below it.
        g[i] += (v > 0 ? l1 : -l1) + l2x2 * v;
      }
    } else if (l2) {
      for (let i = 0; i < len; i++) {
        const v = w[i];
        p2 += v * v;
        g[i] += l2x2 * v;
      }
    }
    switch (this.opt.name) {
      case 'sgd':
        for (let i = 0; i < len; i++) w[i] -= lr * g[i];
        break;
      case 'momentum':
      case 'nesterov': {
        const acc = s[0];
        const nesterov = this.opt.name === 'nesterov';
        for (let i = 0; i < len; i++) {
          const a = (acc[i] = acc[i] * momentum + g[i]);
          w[i] -= lr * (nesterov ? g[i] + acc[i] * momentum : a);
        }
        break;
      }
      case 'adagrad': {
        const acc = s[0];
        for (let i = 0; i < len; i++) {
          acc[i] += g[i] * g[i];
          w[i] -= (lr * g[i]) / Math.sqrt(acc[i] + EPS);
        }
        break;
      }
      case 'rmsprop': {
        const [ms, mom] = s;
        for (let i = 0; i < len; i++) {
          ms[i] = ms[i] * rho + g[i] * g[i] * (1 - rho);
          mom[i] = mom[i] * momentum + (g[i] * lr) / Math.sqrt(ms[i] + epsilon);
          w[i] -= mom[i];
        }
        break;
      }
      case 'adam': {
        const m = s[0];
        const v = s[1];
        const k1 = 1 - beta1;
        const k2 = 1 - beta2;
        for (let i = 0; i < len; i++) {
          const gi = g[i];
          const mi = (m[i] = m[i] * beta1 + gi * k1);
          const vi = (v[i] = v[i] * beta2 + gi * gi * k2);
          w[i] -= (lrC1 * mi) / (Math.sqrt(vi * invC2) + epsilon);
        }
        break;
      }
    }
    return l1 * p1 + l2 * p2;
  }
}

/**
 * z = input · kernel + bias for `n` rows ([n × rows] · [rows × cols]), four output columns at a time so
 * one load of an input feeds four accumulators.
 */
function denseForward(
  input: Float32Array,
  n: number,
  rows: number,
  cols: number,
  kernel: Float32Array,
  bias: Float32Array,
  z: Float32Array,
): void {
  let r = 0;
  // Two rows at a time where four columns fit: each kernel load feeds two accumulators.
  for (; r + 2 <= n && cols >= 4; r += 2) {
    const xo = r * rows;
    const zo = r * cols;
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let i = 0, w = j; i < rows; i++, w += cols) {
        const x0 = input[xo + i];
        const x1 = input[xo + rows + i];
        const k0 = kernel[w];
        const k1 = kernel[w + 1];
        const k2 = kernel[w + 2];
        const k3 = kernel[w + 3];
        a0 += x0 * k0;
        a1 += x0 * k1;
        a2 += x0 * k2;
        a3 += x0 * k3;
        b0 += x1 * k0;
        b1 += x1 * k1;
        b2 += x1 * k2;
        b3 += x1 * k3;
      }
      z[zo + j] = a0 + bias[j];
      z[zo + j + 1] = a1 + bias[j + 1];
      z[zo + j + 2] = a2 + bias[j + 2];
      z[zo + j + 3] = a3 + bias[j + 3];
      z[zo + cols + j] = b0 + bias[j];
      z[zo + cols + j + 1] = b1 + bias[j + 1];
      z[zo + cols + j + 2] = b2 + bias[j + 2];
      z[zo + cols + j + 3] = b3 + bias[j + 3];
    }
    for (; j < cols; j++) {
      let a = 0;
      let b = 0;
      for (let i = 0, w = j; i < rows; i++, w += cols) {
        a += input[xo + i] * kernel[w];
        b += input[xo + rows + i] * kernel[w];
      }
      z[zo + j] = a + bias[j];
      z[zo + cols + j] = b + bias[j];
    }
  }
  for (; r < n; r++) {
    const xo = r * rows;
    const zo = r * cols;
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0, w = j; i < rows; i++, w += cols) {
        const xi = input[xo + i];
        s0 += xi * kernel[w];
        s1 += xi * kernel[w + 1];
        s2 += xi * kernel[w + 2];
        s3 += xi * kernel[w + 3];
      }
      z[zo + j] = s0 + bias[j];
      z[zo + j + 1] = s1 + bias[j + 1];
      z[zo + j + 2] = s2 + bias[j + 2];
      z[zo + j + 3] = s3 + bias[j + 3];
    }
    for (; j < cols; j++) {
      let s = 0;
      for (let i = 0, w = j; i < rows; i++, w += cols) s += input[xo + i] * kernel[w];
      z[zo + j] = s + bias[j];
    }
  }
}

/**
 * dPrev = dZ · kernelᵀ (times the previous layer's dropout scales, if any), four input rows of the
 * kernel at a time.
 */
function denseBackward(
  dZ: Float32Array,
  n: number,
  rows: number,
  cols: number,
  kernel: Float32Array,
  mask: Float32Array | null,
  dPrev: Float32Array,
): void {
  for (let r = 0; r < n; r++) {
    const zo = r * cols;
    const po = r * rows;
    let i = 0;
    for (; i + 4 <= rows; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const w0 = i * cols;
      for (let j = 0; j < cols; j++) {
        const d = dZ[zo + j];
        s0 += d * kernel[w0 + j];
        s1 += d * kernel[w0 + cols + j];
        s2 += d * kernel[w0 + 2 * cols + j];
        s3 += d * kernel[w0 + 3 * cols + j];
      }
      if (mask === null) {
        dPrev[po + i] = s0;
        dPrev[po + i + 1] = s1;
        dPrev[po + i + 2] = s2;
        dPrev[po + i + 3] = s3;
      } else {
        dPrev[po + i] = s0 * mask[po + i];
        dPrev[po + i + 1] = s1 * mask[po + i + 1];
        dPrev[po + i + 2] = s2 * mask[po + i + 2];
        dPrev[po + i + 3] = s3 * mask[po + i + 3];
      }
    }
    for (; i < rows; i++) {
      let s = 0;
      for (let j = 0, w = i * cols; j < cols; j++) s += dZ[zo + j] * kernel[w + j];
      dPrev[po + i] = mask === null ? s : s * mask[po + i];
    }
  }
}

/** gK = inputᵀ · dZ over the batch ([rows × n] · [n × cols]), four columns at a time. */
function kernelGrad(
  input: Float32Array,
  dZ: Float32Array,
  n: number,
  rows: number,
  cols: number,
  gK: Float32Array,
): void {
  for (let i = 0; i < rows; i++) {
    const go = i * cols;
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0, xi = i, d = j; r < n; r++, xi += rows, d += cols) {
        const v = input[xi];
        s0 += v * dZ[d];
        s1 += v * dZ[d + 1];
        s2 += v * dZ[d + 2];
        s3 += v * dZ[d + 3];
      }
      gK[go + j] = s0;
      gK[go + j + 1] = s1;
      gK[go + j + 2] = s2;
      gK[go + j + 3] = s3;
    }
    for (; j < cols; j++) {
      let s = 0;
      for (let r = 0, xi = i, d = j; r < n; r++, xi += rows, d += cols) s += input[xi] * dZ[d];
      gK[go + j] = s;
    }
  }
}

/** Alea's state after mashing its three ' ' seeds: every generator starts here, then mashes its seed. */
const ALEA_START = (() => {
  let n = 0xefc8249d;
  const mashSpace = () => {
    n += 32;
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  const s0 = mashSpace();
  const s1 = mashSpace();
  const s2 = mashSpace();
  return { n, s0, s1, s2 };
})();

/**
 * tf.dropout with a seed: fills `mask` with floor(u + keep) / keep in float32, for u drawn from
 * alea(seed) (the generator of `alea` above, inlined: no closure call per draw), and `out` with a · mask.
 */
function dropout(seed: string, keep: number, a: Float32Array, mask: Float32Array, out: Float32Array): void {
  let n = ALEA_START.n;
  let s0 = ALEA_START.s0;
  let s1 = ALEA_START.s1;
  let s2 = ALEA_START.s2;
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < seed.length; i++) {
      n += seed.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    const m = (n >>> 0) * 2.3283064365386963e-10;
    if (round === 0) {
      s0 -= m;
      if (s0 < 0) s0 += 1;
    } else if (round === 1) {
      s1 -= m;
      if (s1 < 0) s1 += 1;
    } else {
      s2 -= m;
      if (s2 < 0) s2 += 1;
    }
  }
  let c = 1;
  const scale = Math.fround(1 / keep);
  for (let i = 0; i < mask.length; i++) {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    s2 = t - (c = t | 0);
    // floor(u + keep) in float32 is 1 exactly when the float32 sum reaches 1 (u < 1, keep ≤ 1).
    const m = Math.fround(Math.fround(s2) + keep) >= 1 ? scale : 0;
    mask[i] = m;
    out[i] = a[i] * m;
  }
}

/**
 * exp(y) = 2^(k/32) · e^r with k = round(32·y / ln 2) and |r| ≤ ln 2 / 64: a table of 2^(k/32) over
 * |y| ≤ 40 and a degree-5 polynomial for e^r − 1 (relative error below 1e-14, checked in the tests).
 * Math.exp and Math.tanh are calls into C; this is a few multiplications, branch-free inside the range.
 */
const EXP_STEPS = 32 / Math.LN2;
const EXP_STEP_HI = 6.9314718036912382e-1 / 32;
const EXP_STEP_LO = 1.9082149292705877e-10 / 32;
/** 1.5·2^52: adding and subtracting it rounds a double to the nearest integer. */
const ROUND_SHIFT = 6755399441055744;
const EXP_RANGE = 40;
const EXP_OFFSET = 1848; // > 40 · 32 / ln 2
const EXP_TABLE = Float64Array.from({ length: 2 * EXP_OFFSET + 1 }, (_, i) =>
  Math.pow(2, (i - EXP_OFFSET) / 32),
);

/** e^y − 1 for |y| ≤ 40 (callers clamp), accurate near 0 too. */
function expm1Small(y: number): number {
  const k = y * EXP_STEPS + ROUND_SHIFT - ROUND_SHIFT;
  const r = y - k * EXP_STEP_HI - k * EXP_STEP_LO;
  const p = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  const s = EXP_TABLE[(k + EXP_OFFSET) | 0];
  return s * p + (s - 1);
}

/** tanh(x) to ~1e-14 (|x| ≥ 19 gives ±(1 − 1e-16)); about 3× faster than Math.tanh in V8. */
export function fastTanh(x: number): number {
  const em1 = expm1Small(x < -19 ? -38 : x > 19 ? 38 : 2 * x);
  return em1 / (2 + em1);
}

/** 1 / (1 + e^−x) to ~1e-14 (|x| ≥ 40 gives 1 − 4e-18 or 4e-18). */
export function fastSigmoid(x: number): number {
  return 1 / (2 + expm1Small(x < -EXP_RANGE ? EXP_RANGE : x > EXP_RANGE ? -EXP_RANGE : -x));
}

/** Applies an activation row by row (softmax needs whole rows). */
function activate(act: ActivationName, z: Float32Array, a: Float32Array, n: number, cols: number): void {
  const len = n * cols;
  switch (act) {
    case 'linear':
      for (let i = 0; i < len; i++) a[i] = z[i];
      return;
    case 'sigmoid':
      for (let i = 0; i < len; i++) a[i] = fastSigmoid(z[i]);
      return;
    case 'tanh':
      for (let i = 0; i < len; i++) a[i] = fastTanh(z[i]);
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
      for (let i = 0; i < len; i++) dZ[i] = dA[i] * fastSigmoid(z[i]);
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
