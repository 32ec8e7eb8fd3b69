// The two ways a Playground network can run the same ModelSpec: the typed-array dense engine (default,
// plain-JS speed) or a tfjs model on the current tfjs backend (what TensorFlow.js itself does).
import * as tf from '@tensorflow/tfjs';

import {
  buildModel,
  compileModel,
  setLearningRate,
  type LossName,
  type ModelSpec,
  type OptimizerConfig,
} from '../models';
import { DenseEngine, type DenseEngineLoss } from './dense-engine';

/** Which engine trains a Playground network: the typed-array engine ('js') or TensorFlow.js ('tfjs'). */
export type PlaygroundEngine = 'js' | 'tfjs';

/** Engines in display order. */
export const PLAYGROUND_ENGINES: readonly PlaygroundEngine[] = Object.freeze(['js', 'tfjs']);

/** What the Playground network needs from an engine. Arrays are row-major [rows × columns]. */
export interface PlaygroundBackend {
  /** One optimizer step on `n` rows; resolves to the batch loss plus the weight penalty. */
  trainStep(x: Float32Array, y: Float32Array, n: number): number | Promise<number>;
  /**
   * Every dense layer's output after its activation (prediction mode); the last is the output. Read the
   * arrays before the next call: an engine may reuse them.
   */
  layerOutputs(x: Float32Array, n: number): Float32Array[];
  /** Per dense layer, its kernel (rows = inputs) and biases. */
  weights(): { kernel: Float32Array; bias: Float32Array; rows: number; cols: number }[];
  setLearningRate(rate: number): void;
  dispose(): void;
}

/** Training settings shared by both engines. */
export interface BackendCompile {
  optimizer: OptimizerConfig;
  loss: LossName;
}

class EngineBackend implements PlaygroundBackend {
  private readonly engine: DenseEngine;
  constructor(spec: ModelSpec, compile: BackendCompile) {
    this.engine = new DenseEngine(spec, {
      optimizer: compile.optimizer,
      loss: compile.loss as DenseEngineLoss,
    });
  }
  trainStep(x: Float32Array, y: Float32Array, n: number): number {
    return this.engine.trainBatch(x, y, n);
  }
  layerOutputs(x: Float32Array, n: number): Float32Array[] {
    // The engine's own buffers, valid until its next call: the network reads them at once.
    return this.engine.forward(x, n);
  }
  weights() {
    return this.engine.weights();
  }
  setLearningRate(rate: number): void {
    this.engine.setLearningRate(rate);
  }
  dispose(): void {}
}

class TfjsBackend implements PlaygroundBackend {
  private readonly model: tf.Sequential;
  private readonly probe: tf.LayersModel;
  private readonly inputs: number;
  private readonly outputs: number;

  constructor(spec: ModelSpec, compile: BackendCompile) {
    this.model = buildModel(spec);
    compileModel(this.model, compile);
    this.inputs = spec.inputShape[0];
    this.outputs = this.model.outputs[0].shape[1] as number;
    this.probe = tf.model({ inputs: this.model.inputs, outputs: this.neuronOutputs() });
  }

  /**
   * The symbolic output of each layer of neurons after its activation: a Dense layer, or the LeakyReLU
   * layer lib/models adds after it. Dropout is skipped: it does nothing at prediction time.
   */
  private neuronOutputs(): tf.SymbolicTensor[] {
    const layers = this.model.layers;
    const outs: tf.SymbolicTensor[] = [];
    layers.forEach((l, i) => {
      if (l.getClassName() !== 'Dense') return;
      const next = layers[i + 1];
      const chosen = next && next.getClassName() === 'LeakyReLU' ? next : l;
      outs.push(chosen.output as tf.SymbolicTensor);
    });
    return outs;
  }

  async trainStep(x: Float32Array, y: Float32Array, n: number): Promise<number> {
    const xs = tf.tensor2d(x.subarray(0, n * this.inputs), [n, this.inputs]);
    const ys = tf.tensor2d(y.subarray(0, n * this.outputs), [n, this.outputs]);
    try {
      const loss = await this.model.trainOnBatch(xs, ys);
      return Array.isArray(loss) ? loss[0] : loss;
    } finally {
      tf.dispose([xs, ys]);
    }
  }

  layerOutputs(x: Float32Array, n: number): Float32Array[] {
    const outs = tf.tidy(() => {
      const r = this.probe.predict(tf.tensor2d(x.subarray(0, n * this.inputs), [n, this.inputs]));
      return Array.isArray(r) ? r : [r];
    });
    const values = outs.map((t) => Float32Array.from(t.dataSync()));
    tf.dispose(outs);
    return values;
  }

  weights() {
    return this.model.layers
      .filter((l) => l.getClassName() === 'Dense')
      .map((l) => {
        // getWeights() returns the variables' own tensors: read them, do not dispose them.
        const [k, b] = l.getWeights();
        const [rows, cols] = k.shape as [number, number];
        return {
          kernel: Float32Array.from(k.dataSync()),
          bias: b ? Float32Array.from(b.dataSync()) : new Float32Array(cols),
          rows,
          cols,
        };
      });
  }

  setLearningRate(rate: number): void {
    setLearningRate(this.model.optimizer, rate);
  }

  dispose(): void {
    // compileModel hands the optimizer to the model, so this frees its state too.
    this.model.dispose();
  }
}

/** Creates the engine for a spec. The caller owns it and must `dispose()` it. */
export function createPlaygroundBackend(
  engine: PlaygroundEngine,
  spec: ModelSpec,
  compile: BackendCompile,
): PlaygroundBackend {
  return engine === 'tfjs' ? new TfjsBackend(spec, compile) : new EngineBackend(spec, compile);
}
