// Loads a pretrained MNIST digit classifier (tfjs LayersModel) and wraps it for the Digits studio.
import * as tf from '@tensorflow/tfjs';
import { InputError, ModelLoadError } from '@/lib/errors';
import { DIGIT_CLASS_COUNT, DIGIT_INPUT_SIZE, DIGIT_LABELS, DIGIT_MODELS } from './constants';
import type { DigitModel, DigitModelMetadata, DigitModelSource, LoadDigitModelOptions } from './types';

const PIXELS = DIGIT_INPUT_SIZE * DIGIT_INPUT_SIZE;

/**
 * Loads a digit classifier: a shipped one by name ('digits-mlp' or 'digits-cnn'), another
 * model.json by `{url}`, or any `tf.io.IOHandler`. The model must take [null, 28, 28, 1] and give
 * 10 probabilities. After loading it runs one warm-up prediction (disposed), so the first real
 * prediction is fast. Throws a ModelLoadError naming the file when anything is missing or wrong.
 */
export async function loadDigitModel(
  source: DigitModelSource,
  options: LoadDigitModelOptions = {},
): Promise<DigitModel> {
  const { handler, metadataUrl, label } = resolveSource(source, options);

  let artifacts: tf.io.ModelArtifacts;
  try {
    if (handler.load === undefined) throw new Error('the IOHandler has no load()');
    artifacts = await handler.load();
  } catch (error) {
    throw new ModelLoadError(`Could not load the digit model from ${label}: ${message(error)}`);
  }
  if (artifacts.modelTopology === undefined || artifacts.weightSpecs === undefined) {
    throw new ModelLoadError(
      `${label} is not a tfjs LayersModel (no modelTopology or weightsManifest). ` +
        'Use a model.json written by scripts/train-digits.py or model.save().',
    );
  }

  const model = await buildModel(artifacts, label);

  try {
    checkShapes(model, label);
    const metadata =
      options.metadata ??
      (metadataUrl !== undefined
        ? await fetchMetadata(metadataUrl, options.fetchFunc)
        : metadataFromArtifacts(artifacts, model));
    const digitModel = wrap(model, metadata);
    // Warm-up: the first call compiles kernels (WebGL shaders); do it now behind the progress UI.
    const warm = tf.tidy(
      () => model.predict(tf.zeros([1, DIGIT_INPUT_SIZE, DIGIT_INPUT_SIZE, 1])) as tf.Tensor,
    );
    await warm.data();
    warm.dispose();
    return digitModel;
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/**
 * Builds the model, then sets its weights. Done in two steps rather than with
 * tf.loadLayersModel so that a model whose weights fail to load is disposed, not leaked.
 */
async function buildModel(artifacts: tf.io.ModelArtifacts, label: string): Promise<tf.LayersModel> {
  const specs = artifacts.weightSpecs ?? [];
  const data =
    artifacts.weightData === undefined
      ? new ArrayBuffer(0)
      : tf.io.concatenateArrayBuffers(artifacts.weightData);
  const expected = specs.reduce(
    (sum, spec) => sum + spec.shape.reduce((n, d) => n * d, 1) * (spec.dtype === 'bool' ? 1 : 4),
    0,
  );
  const quantized = specs.some((spec) => spec.quantization !== undefined);
  if (!quantized && data.byteLength !== expected) {
    throw new ModelLoadError(
      `The weights of ${label} are ${data.byteLength} bytes; its manifest needs ${expected}. ` +
        'The weights file is truncated or belongs to another model: export the model again.',
    );
  }
  let model: tf.LayersModel | undefined;
  let weights: tf.NamedTensorMap | undefined;
  try {
    model = await tf.models.modelFromJSON(artifacts.modelTopology as tf.serialization.ConfigDict);
    weights = tf.io.decodeWeights(data, specs);
    model.loadWeights(weights, true);
    return model;
  } catch (error) {
    model?.dispose();
    throw new ModelLoadError(`The digit model at ${label} could not be built: ${message(error)}`);
  } finally {
    if (weights !== undefined) tf.dispose(weights);
  }
}

function resolveSource(
  source: DigitModelSource,
  options: LoadDigitModelOptions,
): { handler: tf.io.IOHandler; metadataUrl?: string; label: string } {
  const httpOptions = { fetchFunc: options.fetchFunc, onProgress: options.onProgress };
  if (typeof source === 'string') {
    const info = DIGIT_MODELS[source];
    if (info === undefined) {
      throw new ModelLoadError(
        `Unknown digit model "${source}". Use one of: ${Object.keys(DIGIT_MODELS).join(', ')}, ` +
          'or pass {url} or a tf.io.IOHandler.',
      );
    }
    return { handler: tf.io.http(info.url, httpOptions), metadataUrl: info.metadataUrl, label: info.url };
  }
  if ('url' in source && typeof source.url === 'string') {
    const metadataUrl = source.metadataUrl ?? source.url.replace(/[^/]*$/, 'metadata.json');
    return { handler: tf.io.http(source.url, httpOptions), metadataUrl, label: source.url };
  }
  if (typeof (source as tf.io.IOHandler).load === 'function') {
    return { handler: source as tf.io.IOHandler, label: 'the given IOHandler' };
  }
  throw new ModelLoadError(
    'loadDigitModel needs a model name, {url: ".../model.json"} or a tf.io.IOHandler with load().',
  );
}

function checkShapes(model: tf.LayersModel, label: string): void {
  const input = model.inputs[0]?.shape ?? [];
  const output = model.outputs[0]?.shape ?? [];
  const inputOk =
    model.inputs.length === 1 &&
    input.length === 4 &&
    input[1] === DIGIT_INPUT_SIZE &&
    input[2] === DIGIT_INPUT_SIZE &&
    input[3] === 1;
  if (!inputOk) {
    throw new ModelLoadError(
      `The model at ${label} takes input ${JSON.stringify(input)}; a digit model must take ` +
        `[null, ${DIGIT_INPUT_SIZE}, ${DIGIT_INPUT_SIZE}, 1].`,
    );
  }
  if (model.outputs.length !== 1 || output.length !== 2 || output[1] !== DIGIT_CLASS_COUNT) {
    throw new ModelLoadError(
      `The model at ${label} gives output ${JSON.stringify(output)}; a digit model must give ` +
        `[null, ${DIGIT_CLASS_COUNT}].`,
    );
  }
}

async function fetchMetadata(url: string, fetchFunc?: typeof fetch): Promise<DigitModelMetadata> {
  const doFetch = fetchFunc ?? globalThis.fetch;
  let text: string;
  try {
    const response = await doFetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    throw new ModelLoadError(`Could not fetch the model's metadata ${url}: ${message(error)}`);
  }
  return parseMetadata(text, url);
}

/** Parses and checks a metadata.json text; throws ModelLoadError naming `source`. */
export function parseMetadata(text: string, source: string): DigitModelMetadata {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ModelLoadError(`${source} is not valid JSON: ${message(error)}`);
  }
  const meta = value as Partial<DigitModelMetadata> | null;
  if (
    meta === null ||
    typeof meta !== 'object' ||
    !Array.isArray(meta.labels) ||
    meta.labels.length !== DIGIT_CLASS_COUNT
  ) {
    throw new ModelLoadError(
      `${source} must be an object with "labels", an array of ${DIGIT_CLASS_COUNT} strings.`,
    );
  }
  return meta as DigitModelMetadata;
}

function metadataFromArtifacts(artifacts: tf.io.ModelArtifacts, model: tf.LayersModel): DigitModelMetadata {
  const given = artifacts.userDefinedMetadata as Partial<DigitModelMetadata> | undefined;
  if (given !== undefined && Array.isArray(given.labels)) {
    return parseMetadata(JSON.stringify(given), 'the IOHandler metadata');
  }
  return {
    name: model.name,
    labels: [...DIGIT_LABELS],
    inputShape: [null, DIGIT_INPUT_SIZE, DIGIT_INPUT_SIZE, 1],
    params: model.countParams(),
    testAccuracy: Number.NaN,
    trainedOn: 'unknown',
    augmentation: null,
    script: 'unknown',
    date: 'unknown',
  };
}

function wrap(model: tf.LayersModel, metadata: DigitModelMetadata): DigitModel {
  let disposed = false;

  const predictBatch = (inputs: Float32Array): number[][] => {
    if (disposed) {
      throw new ModelLoadError('This digit model was disposed; load it again with loadDigitModel().');
    }
    if (!(inputs instanceof Float32Array) || inputs.length === 0 || inputs.length % PIXELS !== 0) {
      throw new InputError(
        `A digit model needs ${PIXELS} values (28x28, 0-1) per digit; got ` +
          `${inputs instanceof Float32Array ? inputs.length : typeof inputs} values. ` +
          'Use preprocessDigit() from lib/vision to make them from a drawing.',
      );
    }
    const n = inputs.length / PIXELS;
    // predict() works in batches of 32 by default; the whole batch is small enough to go at once.
    const probs = tf.tidy(
      () =>
        model.predict(tf.tensor4d(inputs, [n, DIGIT_INPUT_SIZE, DIGIT_INPUT_SIZE, 1]), {
          batchSize: 256,
        }) as tf.Tensor,
    );
    // Synchronous read-back so a drawing's prediction can update in the same pointer event;
    // ten numbers per digit are cheap to wait for.
    const flat = probs.dataSync();
    probs.dispose();
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) {
      rows.push(Array.from(flat.subarray(i * DIGIT_CLASS_COUNT, (i + 1) * DIGIT_CLASS_COUNT)));
    }
    return rows;
  };

  return {
    model,
    metadata,
    predictBatch,
    predict(input28: Float32Array): number[] {
      if (input28 instanceof Float32Array && input28.length !== PIXELS) {
        throw new InputError(
          `predict() takes one digit: ${PIXELS} values (28x28); got ${input28.length}. ` +
            'Use predictBatch() for several.',
        );
      }
      return predictBatch(input28)[0];
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      model.dispose();
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
