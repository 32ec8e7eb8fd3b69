// The Image studio's standalone export: the fused model (lib/transfer/standalone.ts) as model.json +
// weights.bin, its metadata.json, a README with a plain-tfjs usage snippet, and the self-contained
// HTML page; and loading such an export back (the studio imports its own exports).
import * as tf from '@tensorflow/tfjs';
import { strFromU8, strToU8 } from 'fflate';

import { InputError } from '../errors';
import { expandFiles, type NamedBytes } from '../persist';
import { CENTERNET_SOURCE } from './constants';
import { APP_VERSION } from './export';
import {
  STANDALONE_INPUT,
  STANDALONE_OUTPUT,
  buildStandaloneImageModel,
  type StandaloneModelFiles,
} from './standalone';
import type { ImageFeatureSpec } from './types';

/** `format` of a standalone image model's metadata.json. */
export const STANDALONE_IMAGE_FORMAT = 'creative-ai-studio/standalone-image-model';

/** metadata.json of a standalone image model. */
export interface StandaloneImageMetadata {
  [key: string]: unknown;
  format: typeof STANDALONE_IMAGE_FORMAT;
  formatVersion: 1;
  labels: string[];
  /** Side of the square the model resizes every picture to (inside the model). */
  imageSize: number;
  input: { name: string; shape: number[]; dtype: 'float32'; range: [number, number]; channels: 'RGB' };
  output: { name: string; shape: number[] };
  /** What the model does to the pixels before the network (all inside the graph). */
  preprocessing: string;
  /** Version of the image features (changes when the numbers change). */
  featureVersion: number;
  extractor: string;
  backbone: { name: string; nodes: string[]; source: string };
  versions: { tfjs: string; app: string };
  createdAt: string;
}

/** Builds the metadata.json of a standalone image model. */
export function standaloneImageMetadata(input: {
  labels: readonly string[];
  extractor: string;
  spec: Readonly<ImageFeatureSpec>;
  inputSize: number;
}): StandaloneImageMetadata {
  const { spec, inputSize } = input;
  return {
    format: STANDALONE_IMAGE_FORMAT,
    formatVersion: 1,
    labels: [...input.labels],
    imageSize: inputSize,
    input: {
      name: STANDALONE_INPUT,
      shape: [1, -1, -1, 3],
      dtype: 'float32',
      range: [0, 255],
      channels: 'RGB',
    },
    output: { name: STANDALONE_OUTPUT, shape: [1, input.labels.length] },
    preprocessing:
      `Inside the model: the centred square of the picture is cropped and resized to ${inputSize}×${inputSize} ` +
      `(bilinear, corners aligned)` +
      (spec.flip ? '; the picture and its left-right mirror are averaged' : '') +
      '. Feed raw RGB values 0–255 of any size.',
    featureVersion: spec.version,
    extractor: input.extractor,
    backbone: { name: 'centernet (MobileNetV3)', nodes: [...spec.nodes], source: CENTERNET_SOURCE },
    versions: { tfjs: tf.version.tfjs, app: APP_VERSION },
    createdAt: new Date().toISOString(),
  };
}

/** How to run the exported model on any web page with plain TensorFlow.js (no code of this app). */
export function standaloneUsageSnippet(meta: StandaloneImageMetadata): string {
  return `Creative AI Studio — image model "${meta.labels.join(', ')}"

The easiest way: open model.html (double-click it; it works offline, even from a USB stick).

On your own web page, with TensorFlow.js ${meta.versions.tfjs} (put model.json, weights.bin and
metadata.json next to the page and serve the folder, or load tf.min.js from your own copy):

  <script src="tf.min.js"></script>
  <script>
  (async () => {
    const model = await tf.loadGraphModel('model.json');
    const labels = ${JSON.stringify(meta.labels)};
    const video = document.querySelector('video'); // or an <img>, <canvas> or ImageBitmap
    const probabilities = tf.tidy(() =>
      model.predict(tf.browser.fromPixels(video).toFloat().expandDims(0)) // [1, h, w, 3], 0–255
    ).dataSync();
    console.log(labels[probabilities.indexOf(Math.max(...probabilities))]);
  })();
  </script>

Input: "${meta.input.name}", shape [1, height, width, 3], float32 RGB 0–255, any size.
Output: "${meta.output.name}", shape [1, ${meta.labels.length}]: one probability per label, in the order above.
${meta.preprocessing}
`;
}

/** The files of a standalone export (model.json, weights.bin, metadata.json, README.txt, model.html). */
export function standaloneImageFiles(
  model: StandaloneModelFiles,
  meta: StandaloneImageMetadata,
  html?: string,
): NamedBytes[] {
  return [
    { name: 'model.json', data: strToU8(JSON.stringify(model.modelJson)) },
    { name: 'weights.bin', data: model.weights },
    { name: 'metadata.json', data: strToU8(JSON.stringify(meta, null, 2)) },
    { name: 'README.txt', data: strToU8(standaloneUsageSnippet(meta)) },
    ...(html ? [{ name: 'model.html', data: strToU8(html) }] : []),
  ];
}

/** Builds the fused model of a trained head and returns it with its metadata. */
export function buildStandaloneImageExport(input: {
  backbone: tf.io.ModelArtifacts;
  head: tf.LayersModel;
  labels: readonly string[];
  extractor: string;
  spec: Readonly<ImageFeatureSpec>;
  inputSize: number;
}): { model: StandaloneModelFiles; meta: StandaloneImageMetadata } {
  const model = buildStandaloneImageModel(input);
  return { model, meta: standaloneImageMetadata(input) };
}

/** True when the chosen files hold a standalone image model of this studio. */
export function isStandaloneImageExport(files: NamedBytes[]): boolean {
  const meta = expandFiles(files).find((f) => f.name === 'metadata.json');
  if (!meta) return false;
  try {
    return (JSON.parse(strFromU8(meta.data)) as { format?: unknown }).format === STANDALONE_IMAGE_FORMAT;
  } catch {
    return false;
  }
}

/** Loads a standalone image export back (files or one zip). The caller disposes the model. */
export async function loadStandaloneImageExport(
  files: NamedBytes[],
): Promise<{ model: tf.GraphModel; metadata: StandaloneImageMetadata }> {
  const all = expandFiles(files);
  const find = (name: string) => all.find((f) => f.name === name);
  const json = find('model.json');
  const weights = find('weights.bin');
  const metaFile = find('metadata.json');
  if (!json || !weights || !metaFile) {
    throw new InputError(
      'A standalone model needs model.json, weights.bin and metadata.json (or the one .zip).',
    );
  }
  let modelJson: tf.io.ModelJSON;
  let metadata: StandaloneImageMetadata;
  try {
    modelJson = JSON.parse(strFromU8(json.data)) as tf.io.ModelJSON;
    metadata = JSON.parse(strFromU8(metaFile.data)) as StandaloneImageMetadata;
  } catch {
    throw new InputError('model.json or metadata.json is not valid JSON.');
  }
  if (metadata.format !== STANDALONE_IMAGE_FORMAT || !Array.isArray(metadata.labels)) {
    throw new InputError(
      'metadata.json does not describe a standalone image model of this studio.',
      'metadata.json',
    );
  }
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      format: modelJson.format,
      signature: (modelJson as { signature?: object }).signature,
      weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
      weightData: weights.data.slice().buffer,
    }),
  );
  const out = model.outputs[0]?.shape;
  if (out && out[1] !== undefined && out[1] !== -1 && out[1] !== metadata.labels.length) {
    model.dispose();
    throw new InputError(
      `The model gives ${out[1]} classes but metadata.json lists ${metadata.labels.length} labels.`,
    );
  }
  return { model, metadata };
}
