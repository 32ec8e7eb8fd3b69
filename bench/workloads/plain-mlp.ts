// A plain-JavaScript MLP trained with per-example SGD the way TensorFlow Playground computes (no tensors):
// the comparison point for the lab's benchmark. Not used by the app.

/** A fully connected tanh network with a sigmoid output, trained on binary cross-entropy. */
export class PlainMlp {
  private readonly w: Float64Array[][];
  private readonly b: Float64Array[];
  private readonly acts: Float64Array[];
  private readonly deltas: Float64Array[];
  private readonly gw: Float64Array[][];
  private readonly gb: Float64Array[];

  constructor(
    readonly sizes: number[],
    seed = 1,
  ) {
    let s = seed >>> 0;
    const rand = () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 4294967296 - 0.5;
    };
    this.w = [];
    this.b = [];
    this.gw = [];
    this.gb = [];
    for (let l = 1; l < sizes.length; l++) {
      this.w.push(Array.from({ length: sizes[l] }, () => Float64Array.from({ length: sizes[l - 1] }, rand)));
      this.gw.push(Array.from({ length: sizes[l] }, () => new Float64Array(sizes[l - 1])));
      this.b.push(new Float64Array(sizes[l]).fill(0.1));
      this.gb.push(new Float64Array(sizes[l]));
    }
    this.acts = sizes.map((n) => new Float64Array(n));
    this.deltas = sizes.map((n) => new Float64Array(n));
  }

  private forward(x: ArrayLike<number>): number {
    this.acts[0].set(x as ArrayLike<number>);
    const last = this.w.length - 1;
    for (let l = 0; l <= last; l++) {
      const inp = this.acts[l];
      const out = this.acts[l + 1];
      for (let j = 0; j < out.length; j++) {
        let z = this.b[l][j];
        const row = this.w[l][j];
        for (let i = 0; i < inp.length; i++) z += row[i] * inp[i];
        out[j] = l === last ? 1 / (1 + Math.exp(-z)) : Math.tanh(z);
      }
    }
    return this.acts[this.acts.length - 1][0];
  }

  /** One mini-batch SGD step on rows of `xs` (flat, row-major) with 0/1 labels. Returns the mean loss. */
  trainBatch(xs: Float64Array, ys: ArrayLike<number>, start: number, count: number, lr: number): number {
    const nIn = this.sizes[0];
    for (const g of this.gw) for (const r of g) r.fill(0);
    for (const g of this.gb) g.fill(0);
    let loss = 0;
    for (let k = start; k < start + count; k++) {
      const p = this.forward(xs.subarray(k * nIn, (k + 1) * nIn));
      const y = ys[k];
      loss += -(y * Math.log(p + 1e-7) + (1 - y) * Math.log(1 - p + 1e-7));
      const L = this.w.length;
      this.deltas[L][0] = p - y;
      for (let l = L - 1; l >= 0; l--) {
        const inp = this.acts[l];
        const dOut = this.deltas[l + 1];
        const dIn = this.deltas[l];
        dIn.fill(0);
        for (let j = 0; j < dOut.length; j++) {
          const row = this.w[l][j];
          const grow = this.gw[l][j];
          this.gb[l][j] += dOut[j];
          for (let i = 0; i < inp.length; i++) {
            grow[i] += dOut[j] * inp[i];
            dIn[i] += dOut[j] * row[i];
          }
        }
        if (l > 0) for (let i = 0; i < dIn.length; i++) dIn[i] *= 1 - inp[i] * inp[i];
      }
    }
    for (let l = 0; l < this.w.length; l++) {
      for (let j = 0; j < this.w[l].length; j++) {
        this.b[l][j] -= (lr * this.gb[l][j]) / count;
        const row = this.w[l][j];
        const g = this.gw[l][j];
        for (let i = 0; i < row.length; i++) row[i] -= (lr * g[i]) / count;
      }
    }
    return loss / count;
  }
}
