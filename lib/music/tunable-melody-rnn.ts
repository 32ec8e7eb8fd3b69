// A melody MusicRNN (our melody_rnn checkpoint format) re-implemented in tfjs so it can be fine-tuned in the
// browser: same weights, same BasicLSTMCell maths and encodings as Magenta's MusicRNN, plus a loss and
// export back to the checkpoint folder Magenta loads. Generation implements SequenceContinuer.
import * as tf from '@tensorflow/tfjs';

import { ConfigError, ModelLoadError } from '../errors';
import type { Note, QuantizedSequence, SequenceContinuer } from './types';

/** MelodyConverter events: 0 = no event, 1 = note-off, 2 + (pitch − minPitch) = note-on. */
export const NO_EVENT = 0;
export const NOTE_OFF = 1;
const FIRST_PITCH = 2;

/** A checkpoint folder's files, as fetched or as stored in IndexedDB. */
export interface MelodyRnnArtifacts {
  /** config.json: MusicRNN with a MelodyConverter and one BinaryCounter aux input. */
  config: MelodyRnnSpec;
  /** The `weights` list of weights_manifest.json (names, shapes, float32). */
  specs: tf.io.WeightsManifestEntry[];
  /** The float32 shard. */
  data: ArrayBuffer;
}

/** The parts of a MusicRNN config.json this class reads. */
export interface MelodyRnnSpec {
  type: 'MusicRNN';
  dataConverter: { type: 'MelodyConverter'; args: { minPitch: number; maxPitch: number } };
  auxInputs?: { type: 'BinaryCounter'; args: { numBits: number } }[];
  attentionLength?: number;
  chordEncoder?: string;
}

/** Fetches a checkpoint folder (config.json, weights_manifest.json, one shard) from our own origin. */
export async function fetchMelodyRnnArtifacts(url: string): Promise<MelodyRnnArtifacts> {
  const get = async (file: string) => {
    const r = await fetch(`${url}/${file}`);
    if (!r.ok) throw new ModelLoadError(`Could not load ${url}/${file} (HTTP ${r.status}).`);
    return r;
  };
  const config = (await (await get('config.json')).json()) as MelodyRnnSpec;
  const manifest = (await (await get('weights_manifest.json')).json()) as tf.io.WeightsManifestConfig;
  if (manifest.length !== 1 || manifest[0].paths.length !== 1)
    throw new ModelLoadError(`${url}: expected one weight group with one shard.`);
  const data = await (await get(manifest[0].paths[0])).arrayBuffer();
  return { config, specs: manifest[0].weights, data };
}

/** Encodes a melody as Magenta's MelodyConverter does (highest note wins a shared onset). */
export function melodyToEvents(notes: readonly Note[], totalSteps: number, minPitch: number): Int32Array {
  const ev = new Int32Array(totalSteps);
  const sorted = [...notes].sort((a, b) => a.quantizedStartStep - b.quantizedStartStep || b.pitch - a.pitch);
  let last = -1;
  for (const n of sorted) {
    const s = n.quantizedStartStep;
    if (s === last) continue;
    if (s >= 0 && s < totalSteps) ev[s] = n.pitch - minPitch + FIRST_PITCH;
    if (n.quantizedEndStep < totalSteps) ev[n.quantizedEndStep] = NOTE_OFF;
    last = s;
  }
  return ev;
}

/** Decodes MelodyConverter events into notes (Magenta's Melody.toNoteSequence). */
export function eventsToMelody(events: ArrayLike<number>, minPitch: number): Note[] {
  const notes: Note[] = [];
  let cur: { pitch: number; start: number } | null = null;
  for (let s = 0; s < events.length; s++) {
    const e = events[s];
    if (e === NO_EVENT) continue;
    if (cur)
      notes.push({ pitch: cur.pitch, quantizedStartStep: cur.start, quantizedEndStep: s, velocity: 100 });
    cur = e >= FIRST_PITCH ? { pitch: e - FIRST_PITCH + minPitch, start: s } : null;
  }
  if (cur)
    notes.push({
      pitch: cur.pitch,
      quantizedStartStep: cur.start,
      quantizedEndStep: events.length,
      velocity: 100,
    });
  return notes;
}

/** One training window: `events[t]` predicts `events[t + 1]` where `mask[t]` is 1. */
export interface EventWindow {
  events: Int32Array;
  /** Absolute step of events[0] (the BinaryCounter counts from the start of the piece). */
  start: number;
  mask: Float32Array;
}

/**
 * A MusicRNN melody model whose weights are tf.Variables: `loss` for training, `continueSequence` for
 * generation (Magenta's sampler: multinomial over logits / temperature, argmax at 0), `toArtifacts` to
 * save or export it as a Magenta checkpoint folder.
 */
export class TunableMelodyRnn implements SequenceContinuer {
  readonly minPitch: number;
  readonly maxPitch: number;
  readonly depth: number;
  readonly counterBits: number;
  private readonly config: MelodyRnnSpec;
  private readonly names: string[];
  private readonly vars: tf.Variable[];
  private readonly forgetBias: tf.Scalar;
  private disposed = false;

  /** Builds the model from checkpoint artifacts (copies the weights into variables it owns). */
  constructor(artifacts: MelodyRnnArtifacts) {
    const c = artifacts.config;
    if (c.type !== 'MusicRNN' || c.dataConverter?.type !== 'MelodyConverter')
      throw new ConfigError('config.type', c.type, 'a MusicRNN with a MelodyConverter');
    if (c.attentionLength || c.chordEncoder)
      throw new ConfigError('config', 'attention or chords', 'a plain melody MusicRNN (melody_rnn)');
    const aux = c.auxInputs ?? [];
    if (aux.length > 1 || (aux[0] && aux[0].type !== 'BinaryCounter'))
      throw new ConfigError(
        'config.auxInputs',
        aux.map((a) => a.type).join(','),
        'none or one BinaryCounter',
      );
    this.config = c;
    this.minPitch = c.dataConverter.args.minPitch;
    this.maxPitch = c.dataConverter.args.maxPitch;
    this.depth = this.maxPitch - this.minPitch + 1 + FIRST_PITCH;
    this.counterBits = aux[0]?.args.numBits ?? 0;
    const named = tf.io.decodeWeights(artifacts.data, artifacts.specs);
    this.names = artifacts.specs.map((s) => s.name);
    for (const n of this.names)
      if (!named[n]) throw new ModelLoadError(`weight ${n} is missing from the shard.`);
    if (!named['fully_connected/weights'] || !named['rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel'])
      throw new ModelLoadError(
        'Not a melody_rnn checkpoint (no rnn/multi_rnn_cell or fully_connected weights).',
      );
    // Owned by this model until dispose().
    this.vars = this.names.map((n) => tf.variable(named[n], true, `tunable/${n}/${Math.random()}`));
    for (const t of Object.values(named)) t.dispose();
    this.forgetBias = tf.scalar(1.0);
  }

  private v(name: string): tf.Variable {
    return this.vars[this.names.indexOf(name)];
  }

  /** LSTM layers in order: [kernel, bias]. */
  private layers(): [tf.Variable, tf.Variable][] {
    const out: [tf.Variable, tf.Variable][] = [];
    for (let l = 0; ; l++) {
      const p = `rnn/multi_rnn_cell/cell_${l}/basic_lstm_cell/`;
      if (!this.names.includes(`${p}kernel`)) return out;
      out.push([this.v(`${p}kernel`), this.v(`${p}bias`)]);
    }
  }

  /** The trainable variables (for an optimizer). */
  get trainableVariables(): tf.Variable[] {
    return [...this.vars];
  }

  /** BinaryCounter of absolute step `pos`: bit k of (pos + 1) as ±1 (Magenta's aux input). */
  private counter(pos: number, out: Float32Array, offset: number): void {
    for (let k = 0; k < this.counterBits; k++)
      out[offset + k] = Math.floor((pos + 1) / 2 ** k) % 2 === 1 ? 1 : -1;
  }

  /** Inputs [T, B, depth + bits] for events[0..T-1] of each window (one-hot event, then counter). */
  private inputs(windows: readonly EventWindow[], T: number): tf.Tensor3D {
    const D = this.depth + this.counterBits;
    const x = new Float32Array(T * windows.length * D);
    windows.forEach((w, b) => {
      for (let t = 0; t < T; t++) {
        const o = (t * windows.length + b) * D;
        x[o + (w.events[t] ?? 0)] = 1;
        this.counter(w.start + t, x, o + this.depth);
      }
    });
    return tf.tensor3d(x, [T, windows.length, D]);
  }

  /** One LSTM pass over inputs [T, B, in] from a zero state: logits [T, B, depth]. Call inside a tidy. */
  private run(x: tf.Tensor3D): tf.Tensor3D {
    const [T, B] = x.shape;
    const layers = this.layers();
    let c = layers.map(([, b]) => tf.zeros([B, b.shape[0] / 4]) as tf.Tensor2D);
    let h = c.map((z) => z.clone());
    const cells = layers.map(
      ([k, b]) =>
        (data: tf.Tensor2D, cc: tf.Tensor2D, hh: tf.Tensor2D) =>
          tf.basicLSTMCell(this.forgetBias, k as tf.Tensor2D, b as tf.Tensor1D, data, cc, hh),
    );
    const steps = tf.unstack(x) as tf.Tensor2D[];
    const outs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      [c, h] = tf.multiRNNCell(cells, steps[t], c, h);
      outs.push(h[h.length - 1]);
    }
    const y = tf.stack(outs) as tf.Tensor3D; // [T, B, units]
    const logits = tf.add(
      tf.matMul(y.reshape([T * B, -1]), this.v('fully_connected/weights')),
      this.v('fully_connected/biases'),
    );
    return logits.reshape([T, B, this.depth]);
  }

  /** Mean next-step cross-entropy (nats per predicted step) over the windows' masked steps, as a scalar tensor. */
  lossTensor(windows: readonly EventWindow[]): tf.Scalar {
    const T = Math.max(...windows.map((w) => w.events.length)) - 1;
    const B = windows.length;
    const targets = new Int32Array(T * B);
    const mask = new Float32Array(T * B);
    windows.forEach((w, b) => {
      for (let t = 0; t < T; t++) {
        targets[t * B + b] = w.events[t + 1] ?? 0;
        mask[t * B + b] = t + 1 < w.events.length ? (w.mask[t] ?? 0) : 0;
      }
    });
    return tf.tidy(() => {
      const logits = this.run(this.inputs(windows, T)).reshape([T * B, this.depth]);
      const logp = tf.logSoftmax(logits);
      const nll = tf.neg(
        tf.sum(tf.mul(logp, tf.oneHot(tf.tensor1d(targets, 'int32'), this.depth).toFloat()), 1),
      );
      const m = tf.tensor1d(mask);
      return tf.div(tf.sum(tf.mul(nll, m)), tf.maximum(tf.sum(m), 1)) as tf.Scalar;
    });
  }

  /** The same loss as a plain number. */
  async loss(windows: readonly EventWindow[]): Promise<number> {
    const l = this.lossTensor(windows);
    const v = (await l.data())[0];
    l.dispose();
    return v;
  }

  /**
   * Runs `primer` (events) then samples `steps` more. Returns the sampled events and, when `withProbs`,
   * the softmax of each sampled step. Temperature 0 (or undefined) takes the argmax, as Magenta does.
   */
  async continueEvents(
    primer: ArrayLike<number>,
    steps: number,
    temperature?: number,
    withProbs = false,
  ): Promise<{ events: number[]; probs: number[][] }> {
    const L = primer.length;
    const D = this.depth + this.counterBits;
    const layers = this.layers();
    const out = tf.tidy(() => {
      let c = layers.map(([, b]) => tf.zeros([1, b.shape[0] / 4]) as tf.Tensor2D);
      let h = c.map((z) => z.clone());
      const cells = layers.map(
        ([k, b]) =>
          (data: tf.Tensor2D, cc: tf.Tensor2D, hh: tf.Tensor2D) =>
            tf.basicLSTMCell(this.forgetBias, k as tf.Tensor2D, b as tf.Tensor1D, data, cc, hh),
      );
      const counters = new Float32Array(this.counterBits);
      const step = (event: tf.Tensor2D, pos: number) => {
        this.counter(pos, counters, 0);
        const input = tf.concat([event, tf.tensor2d(counters.slice(), [1, this.counterBits])], 1);
        [c, h] = tf.multiRNNCell(cells, input.reshape([1, D]) as tf.Tensor2D, c, h);
      };
      for (let i = 0; i < L; i++)
        step(tf.oneHot(tf.tensor1d([primer[i]], 'int32'), this.depth).toFloat() as tf.Tensor2D, i);
      const samples: tf.Tensor1D[] = [];
      const probs: tf.Tensor1D[] = [];
      for (let k = 0; k < steps; k++) {
        let logits = tf
          .add(
            tf.matMul(h[h.length - 1], this.v('fully_connected/weights')),
            this.v('fully_connected/biases'),
          )
          .as1D();
        let sample: tf.Tensor1D;
        if (temperature) {
          logits = tf.div(logits, temperature);
          sample = tf.multinomial(logits, 1).as1D() as tf.Tensor1D;
        } else sample = logits.argMax().as1D();
        if (withProbs) probs.push(tf.softmax(logits));
        samples.push(sample);
        if (k < steps - 1) step(tf.oneHot(sample, this.depth).toFloat() as tf.Tensor2D, L + k);
      }
      return [
        steps ? tf.concat(samples) : tf.zeros([0], 'int32'),
        withProbs && steps ? tf.stack(probs) : tf.zeros([0, this.depth]),
      ] as [tf.Tensor1D, tf.Tensor2D];
    });
    const events = Array.from(await out[0].data());
    const p = await out[1].array();
    tf.dispose(out);
    return { events, probs: p };
  }

  /** Magenta's `continueSequence`: notes of the continuation only, counted from its first step. */
  async continueSequence(
    sequence: QuantizedSequence,
    steps: number,
    temperature?: number,
    chordProgression?: string[],
  ): Promise<{ notes: Note[]; totalQuantizedSteps: number }> {
    if (this.disposed) throw new ModelLoadError('This tuned model was disposed.');
    if (chordProgression?.length)
      throw new ConfigError(
        'chordProgression',
        chordProgression.join(' '),
        'none (this model reads no chords)',
      );
    const primer = melodyToEvents(sequence.notes, sequence.totalQuantizedSteps, this.minPitch);
    const { events } = await this.continueEvents(primer, steps, temperature);
    return {
      notes: eventsToMelody(events, this.minPitch).map((n) => ({ ...n })),
      totalQuantizedSteps: steps,
    };
  }

  /** The current weights as a checkpoint folder (config.json, weights_manifest.json, one float32 shard). */
  async toArtifacts(): Promise<MelodyRnnArtifacts> {
    const specs: tf.io.WeightsManifestEntry[] = this.vars.map((v, i) => ({
      name: this.names[i],
      shape: v.shape,
      dtype: 'float32',
    }));
    const total = this.vars.reduce((s, v) => s + v.size, 0);
    const buf = new Float32Array(total);
    let off = 0;
    for (const v of this.vars) {
      buf.set(await v.data(), off);
      off += v.size;
    }
    return { config: { ...this.config }, specs, data: buf.buffer };
  }

  /** Frees the variables; safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const v of this.vars) v.dispose();
    this.forgetBias.dispose();
  }
}

/** The checkpoint folder as files (for a zip download; serve them as a folder to load in Magenta). */
export function artifactsToCheckpointFiles(a: MelodyRnnArtifacts): { name: string; data: Uint8Array }[] {
  const enc = new TextEncoder();
  const shard = 'group1-shard1of1';
  return [
    { name: 'config.json', data: enc.encode(JSON.stringify(a.config, null, 2)) },
    {
      name: 'weights_manifest.json',
      data: enc.encode(JSON.stringify([{ paths: [shard], weights: a.specs }])),
    },
    { name: shard, data: new Uint8Array(a.data) },
  ];
}
