// One standalone image model: preprocessing (centre square crop + resize), the frozen backbone,
// pooling of the feature blocks (with flip averaging and per-block L2) and the trained dense head,
// written as ONE tfjs graph model (model.json graph + weights.bin). Anyone can run it with plain
// `tf.loadGraphModel(url)` and `model.predict(pixels)`: input [1, h, w, 3] float 0–255 RGB of any
// size, output [1, classes] probabilities. The graph is written node by node from the backbone's
// own graph (only the nodes the features need), so no converter or Python is involved.
import * as tf from '@tensorflow/tfjs';

import { InputError } from '../errors';
import { CENTERNET_INPUT } from './constants';
import type { ImageFeatureSpec } from './types';

/** Name of the standalone model's input (pixels) and output (probabilities). */
export const STANDALONE_INPUT = 'image';
export const STANDALONE_OUTPUT = 'probabilities';

/** A node of a TensorFlow GraphDef as tfjs model.json stores it. */
interface GraphNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, unknown>;
  device?: string;
}

/** What {@link buildStandaloneImageModel} needs. */
export interface StandaloneImageModelInput {
  /** The backbone's graph-model artifacts (centernet's model.json + weights). */
  backbone: tf.io.ModelArtifacts;
  /** How the features are made (nodes, flip, normalisation). */
  spec: Readonly<ImageFeatureSpec>;
  /** Side of the square fed to the backbone. */
  inputSize: number;
  /** The trained head (Dense layers, optional Dropout). */
  head: tf.LayersModel;
}

/** The standalone model as files: model.json (JSON object) and its one weights file. */
export interface StandaloneModelFiles {
  modelJson: tf.io.ModelJSON;
  weights: Uint8Array;
}

const F = { type: 'DT_FLOAT' };
const I32 = { type: 'DT_INT32' };
const b64 = (s: string) =>
  typeof btoa === 'function' ? btoa(s) : Buffer.from(s, 'latin1').toString('base64');

function bytesPerElement(spec: tf.io.WeightsManifestEntry): number {
  const q = spec.quantization?.dtype;
  if (q === 'uint8') return 1;
  if (q === 'uint16' || q === 'float16') return 2;
  return spec.dtype === 'bool' ? 1 : 4;
}

function joinBuffers(data: tf.io.WeightData | undefined): Uint8Array {
  if (!data) return new Uint8Array(0);
  const list = Array.isArray(data) ? data : [data];
  const out = new Uint8Array(list.reduce((s, b) => s + b.byteLength, 0));
  let o = 0;
  for (const b of list) {
    out.set(new Uint8Array(b), o);
    o += b.byteLength;
  }
  return out;
}

/** The name of the node an input string refers to ("a:1" → "a", "^a" → "a"). */
const nodeOf = (input: string) => input.replace(/^\^/, '').split(':')[0];

/**
 * Builds the fused graph: pixels → crop + resize → [picture, mirror] → backbone → pooled blocks →
 * flip average → per-block L2 → concat → dense head → softmax. Numbers match the studio's
 * `classify` path (same ops, same order) to float rounding.
 * @throws InputError when the head has a layer the graph cannot express.
 */
export function buildStandaloneImageModel(input: StandaloneImageModelInput): StandaloneModelFiles {
  const { backbone, spec, inputSize, head } = input;
  const topology = backbone.modelTopology as { node: GraphNode[]; library?: unknown; versions?: unknown };
  const byName = new Map(topology.node.map((n) => [n.name, n]));
  // Only the backbone nodes the feature blocks depend on.
  const keep = new Set<string>();
  const stack = [...spec.nodes];
  while (stack.length) {
    const name = stack.pop()!;
    if (keep.has(name)) continue;
    const node = byName.get(name);
    if (!node) throw new InputError(`The backbone has no node "${name}".`);
    keep.add(name);
    for (const i of node.input ?? []) stack.push(nodeOf(i));
  }
  keep.delete(CENTERNET_INPUT);

  // Weights of the kept constants, sliced from the backbone's weights file in manifest order.
  const all = joinBuffers(backbone.weightData);
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const w of backbone.weightSpecs ?? []) {
    const bytes = w.shape.reduce((a, b) => a * b, 1) * bytesPerElement(w);
    if (keep.has(w.name)) {
      weightSpecs.push(w);
      chunks.push(all.subarray(offset, offset + bytes));
    }
    offset += bytes;
  }
  const nodes: GraphNode[] = [];
  const constant = (
    name: string,
    values: number[] | Float32Array,
    shape: number[],
    dtype: 'float32' | 'int32',
  ) => {
    nodes.push({
      name,
      op: 'Const',
      attr: {
        value: {
          tensor: {
            dtype: dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT',
            tensorShape: { dim: shape.map((s) => ({ size: String(s) })) },
          },
        },
        dtype: dtype === 'int32' ? I32 : F,
      },
    });
    weightSpecs.push({ name, shape, dtype });
    const arr = dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
    chunks.push(new Uint8Array(arr.buffer));
  };
  const op = (name: string, opName: string, inputs: string[], attr: Record<string, unknown> = { T: F }) => {
    nodes.push({ name, op: opName, input: inputs, attr });
    return name;
  };

  // Preprocessing: the centred square of the picture, resized to inputSize with aligned corners
  // (what lib/transfer's centreSquare does): CropAndResize with the box of that square.
  nodes.push({
    name: STANDALONE_INPUT,
    op: 'Placeholder',
    attr: { shape: { shape: { dim: [1, -1, -1, 3].map((s) => ({ size: String(s) })) } }, dtype: F },
  });
  constant('pre/idx_h', [1], [1], 'int32');
  constant('pre/idx_w', [2], [1], 'int32');
  constant('pre/axis0', [0], [], 'int32');
  constant('pre/two', [2], [], 'float32');
  constant('pre/one', [1], [], 'float32');
  constant('pre/box_ind', [0], [1], 'int32');
  constant('pre/crop_size', [inputSize, inputSize], [2], 'int32');
  constant('pre/box_shape', [1, 4], [2], 'int32');
  op('pre/shape', 'Shape', [STANDALONE_INPUT], { T: F, out_type: I32 });
  op('pre/shape_f', 'Cast', ['pre/shape'], { SrcT: I32, DstT: F, Truncate: { b: false } });
  const gather = (name: string, idx: string) =>
    op(name, 'GatherV2', ['pre/shape_f', idx, 'pre/axis0'], {
      Tparams: F,
      Tindices: I32,
      Taxis: I32,
      batch_dims: { i: '0' },
    });
  gather('pre/h', 'pre/idx_h');
  gather('pre/w', 'pre/idx_w');
  op('pre/side', 'Minimum', ['pre/h', 'pre/w']);
  for (const d of ['h', 'w']) {
    op(`pre/${d}_extra`, 'Sub', [`pre/${d}`, 'pre/side']);
    op(`pre/${d}_half`, 'RealDiv', [`pre/${d}_extra`, 'pre/two']);
    op(`pre/${d}_start`, 'Floor', [`pre/${d}_half`]);
    op(`pre/${d}_last`, 'Sub', [`pre/${d}`, 'pre/one']);
    op(`pre/${d}_den`, 'Maximum', [`pre/${d}_last`, 'pre/one']);
    op(`pre/${d}_end0`, 'Add', [`pre/${d}_start`, 'pre/side']);
    op(`pre/${d}_end1`, 'Sub', [`pre/${d}_end0`, 'pre/one']);
    op(`pre/${d}1`, 'RealDiv', [`pre/${d}_start`, `pre/${d}_den`]);
    op(`pre/${d}2`, 'RealDiv', [`pre/${d}_end1`, `pre/${d}_den`]);
  }
  op('pre/box', 'ConcatV2', ['pre/h1', 'pre/w1', 'pre/h2', 'pre/w2', 'pre/axis0'], {
    N: { i: '4' },
    T: F,
    Tidx: I32,
  });
  op('pre/boxes', 'Reshape', ['pre/box', 'pre/box_shape'], { T: F, Tshape: I32 });
  op('pre/square', 'CropAndResize', [STANDALONE_INPUT, 'pre/boxes', 'pre/box_ind', 'pre/crop_size'], {
    T: F,
    method: { s: b64('bilinear') },
    extrapolation_value: { f: 0 },
  });
  // The picture and its mirror go through the backbone as one batch of two.
  let images = 'pre/square';
  if (spec.flip) {
    constant('pre/axis2', [2], [1], 'int32');
    constant('pre/axis0b', [0], [], 'int32');
    op('pre/mirror', 'ReverseV2', ['pre/square', 'pre/axis2'], { T: F, Tidx: I32 });
    images = op('pre/pair', 'ConcatV2', ['pre/square', 'pre/mirror', 'pre/axis0b'], {
      N: { i: '2' },
      T: F,
      Tidx: I32,
    });
  }
  nodes.push({ name: CENTERNET_INPUT, op: 'Identity', input: [images], attr: { T: F } });
  for (const n of topology.node) if (keep.has(n.name)) nodes.push(n);

  // Pooling: mean over height and width per block; the flip average is the mean over the pair.
  // Only constants that are used: an unused node would become an extra output of the graph.
  constant('feat/hw', [1, 2], [2], 'int32');
  if (spec.flip) constant('feat/batch', [0], [1], 'int32');
  if (spec.norm === 'l2node') {
    constant('feat/ch', [1], [1], 'int32');
    constant('feat/eps', [1e-12], [], 'float32');
    constant('feat/scale', [1 / Math.sqrt(spec.nodes.length)], [], 'float32');
  }
  if (spec.nodes.length > 1) constant('feat/axis1', [1], [], 'int32');
  const parts = spec.nodes.map((node, i) => {
    let p = op(`feat/${i}/pool`, 'Mean', [node, 'feat/hw'], { T: F, Tidx: I32, keep_dims: { b: false } });
    if (spec.flip)
      p = op(`feat/${i}/flip`, 'Mean', [p, 'feat/batch'], { T: F, Tidx: I32, keep_dims: { b: true } });
    if (spec.norm === 'l2node') {
      op(`feat/${i}/sq`, 'Square', [p]);
      op(`feat/${i}/sum`, 'Sum', [`feat/${i}/sq`, 'feat/ch'], { T: F, Tidx: I32, keep_dims: { b: true } });
      op(`feat/${i}/norm`, 'Sqrt', [`feat/${i}/sum`]);
      op(`feat/${i}/safe`, 'Maximum', [`feat/${i}/norm`, 'feat/eps']);
      op(`feat/${i}/factor`, 'RealDiv', ['feat/scale', `feat/${i}/safe`]);
      p = op(`feat/${i}/unit`, 'Mul', [p, `feat/${i}/factor`]);
    }
    return p;
  });
  let x =
    parts.length === 1
      ? parts[0]
      : op('feat/concat', 'ConcatV2', [...parts, 'feat/axis1'], {
          N: { i: String(parts.length) },
          T: F,
          Tidx: I32,
        });

  // The head: each Dense layer is MatMul + BiasAdd + its activation; Dropout does nothing at inference.
  head.layers.forEach((layer, li) => {
    const cls = layer.getClassName();
    if (cls === 'InputLayer' || cls === 'Dropout') return;
    if (cls !== 'Dense')
      throw new InputError(`The head has a ${cls} layer; only Dense layers can be exported.`);
    const [kernel, bias] = layer.getWeights();
    const cfg = layer.getConfig() as { activation?: string; useBias?: boolean };
    constant(`head/${li}/kernel`, kernel.dataSync() as Float32Array, kernel.shape, 'float32');
    x = op(`head/${li}/matmul`, 'MatMul', [x, `head/${li}/kernel`], {
      T: F,
      transpose_a: { b: false },
      transpose_b: { b: false },
    });
    if (bias && cfg.useBias !== false) {
      constant(`head/${li}/bias`, bias.dataSync() as Float32Array, bias.shape, 'float32');
      x = op(`head/${li}/bias_add`, 'BiasAdd', [x, `head/${li}/bias`], {
        T: F,
        data_format: { s: b64('NHWC') },
      });
    }
    const act = cfg.activation ?? 'linear';
    const ops: Record<string, string> = {
      relu: 'Relu',
      softmax: 'Softmax',
      sigmoid: 'Sigmoid',
      tanh: 'Tanh',
    };
    if (act !== 'linear') {
      if (!ops[act]) throw new InputError(`The head uses the "${act}" activation, which cannot be exported.`);
      x = op(`head/${li}/${act}`, ops[act], [x]);
    }
  });
  op(STANDALONE_OUTPUT, 'Identity', [x]);

  const weights = new Uint8Array(chunks.reduce((s, c) => s + c.byteLength, 0));
  let o = 0;
  for (const c of chunks) {
    weights.set(c, o);
    o += c.byteLength;
  }
  const classes = head.outputs[0].shape[1] ?? -1;
  const modelJson: tf.io.ModelJSON = {
    format: 'graph-model',
    generatedBy: 'creative-ai-studio lib/transfer/standalone.ts',
    convertedBy: null,
    modelTopology: { node: nodes, library: topology.library ?? {}, versions: topology.versions ?? {} },
    weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }],
    signature: {
      inputs: {
        [STANDALONE_INPUT]: {
          name: `${STANDALONE_INPUT}:0`,
          dtype: 'DT_FLOAT',
          tensorShape: { dim: [1, -1, -1, 3].map((s) => ({ size: String(s) })) },
        },
      },
      outputs: {
        [STANDALONE_OUTPUT]: {
          name: `${STANDALONE_OUTPUT}:0`,
          dtype: 'DT_FLOAT',
          tensorShape: { dim: [1, classes].map((s) => ({ size: String(s) })) },
        },
      },
    },
  } as unknown as tf.io.ModelJSON;
  return { modelJson, weights };
}

/** Loads a standalone model from its files (for tests and the studio's import). Caller disposes it. */
export function loadStandaloneModel(files: StandaloneModelFiles): Promise<tf.GraphModel> {
  const m = files.modelJson;
  return tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: m.modelTopology,
      weightSpecs: m.weightsManifest.flatMap((g) => g.weights),
      weightData: files.weights.slice().buffer,
      format: m.format,
      signature: (m as { signature?: object }).signature,
    }),
  );
}

/** Class probabilities of a [h, w, 3] 0–255 picture from a standalone model (no leaks). */
export async function predictStandalone(model: tf.GraphModel, pixels: tf.Tensor3D): Promise<number[]> {
  const p = tf.tidy(() => model.predict(pixels.toFloat().expandDims(0)) as tf.Tensor);
  try {
    return Array.from(await p.data());
  } finally {
    p.dispose();
  }
}
