// Teachable Machine image models (model.json + weights.bin + metadata.json): validate, load, predict.
// Format (teachablemachine-community libraries/image, custom-mobilenet.ts and utils/tf.ts): a
// layers model whose input is [null, 224, 224, 3] (a truncated MobileNet + pooling, then a dense
// head ending in softmax); metadata.json holds `labels` (class names in output order), optional
// `imageSize` (224), `tfjsVersion`, `tmVersion`, `packageName` "@teachablemachine/image",
// `packageVersion`, `modelName`, `timeStamp`, `userMetadata`. Pixels are centre-cropped to a square,
// resized to 224 and scaled with x / 127 − 1 (about [-1, 1]).
import * as tf from '@tensorflow/tfjs';

import { InputError } from '../errors';
import { checkTmMetadata } from '../files';
import { captureArtifacts, artifactsToFiles, importModelFiles } from '../persist';
import type { NamedBytes } from '../persist';
import { centreSquare, toPixels } from './preprocess';
import type { ImageInput } from './types';

/** Teachable Machine's image size. */
export const TM_IMAGE_SIZE = 224;

/** metadata.json of a Teachable Machine image model. */
export interface TeachableMachineMetadata {
  [key: string]: unknown;
  labels: string[];
  imageSize?: number;
  tfjsVersion?: string;
  tmVersion?: string;
  packageName?: string;
  packageVersion?: string;
  modelName?: string;
  timeStamp?: string;
  userMetadata?: Record<string, unknown>;
}

/** A loaded Teachable Machine model; the caller disposes `model`. */
export interface TeachableMachineModel {
  model: tf.LayersModel;
  metadata: TeachableMachineMetadata;
  imageSize: number;
}

function checkMetadata(source: string, raw: Record<string, unknown>): TeachableMachineMetadata {
  if (Object.keys(raw).length === 0) {
    throw new InputError(
      'metadata.json is missing: Teachable Machine exports model.json, weights.bin and metadata.json.',
      'metadata.json',
    );
  }
  // Labels (1 to 20 names) and imageSize (an integer in TM_IMAGE_SIZE_RANGE): a size like 30000
  // would build a tensor that breaks the engine until reload.
  const { labels, imageSize } = checkTmMetadata(source, raw);
  return { ...raw, labels, imageSize } as TeachableMachineMetadata;
}

/**
 * Validates and loads the three files Teachable Machine exports (or a zip of them). Every problem
 * is an InputError saying which file is wrong and why.
 */
export async function loadTeachableMachineModel(files: NamedBytes[]): Promise<TeachableMachineModel> {
  const { artifacts, metadata: rawMeta } = importModelFiles(files);
  const metadata = checkMetadata(files.map((f) => f.name).join(', '), rawMeta);
  if (artifacts.format === 'graph-model') {
    throw new InputError(
      'model.json is a graph model; Teachable Machine image models are layers models.',
      'model.json',
    );
  }
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (e) {
    throw new InputError(
      `model.json could not be built: ${e instanceof Error ? e.message : String(e)}`,
      'model.json',
    );
  }
  const size = metadata.imageSize ?? TM_IMAGE_SIZE;
  const inShape = model.inputs[0].shape;
  const outShape = model.outputs[0].shape;
  const problem =
    inShape.length !== 4 || inShape[3] !== 3
      ? `the model takes input of shape [${inShape.join(', ')}], not images [batch, height, width, 3]`
      : inShape[1] !== null && inShape[1] !== size
        ? `the model takes ${inShape[1]}×${inShape[2]} images but metadata.json says ${size}`
        : outShape.length !== 2 || outShape[1] !== metadata.labels.length
          ? `the model has ${String(outShape[1])} outputs but metadata.json lists ${metadata.labels.length} labels`
          : null;
  if (problem) {
    model.dispose();
    throw new InputError(`These files do not fit together: ${problem}.`);
  }
  return { model, metadata, imageSize: size };
}

/** The input Teachable Machine feeds its model: centred square, resized, x / 127 − 1. Call inside tf.tidy. */
export function teachableMachineInput(
  input: ImageInput,
  imageSize = TM_IMAGE_SIZE,
  mirror = false,
): tf.Tensor4D {
  return centreSquare(toPixels(input), imageSize, mirror).div(127).sub(1).expandDims(0) as tf.Tensor4D;
}

/** Class probabilities for one image from a Teachable Machine model (plain numbers, no leaks). */
export async function predictTeachableMachine(
  tm: TeachableMachineModel,
  input: ImageInput,
  mirror = false,
): Promise<number[]> {
  const p = tf.tidy(() => tm.model.predict(teachableMachineInput(input, tm.imageSize, mirror)) as tf.Tensor);
  try {
    return Array.from(await p.data());
  } finally {
    p.dispose();
  }
}

/**
 * Builds a small model with Teachable Machine's structure (a nested image model ending in global
 * pooling, then a nested dense 100 → softmax head) and returns the three files TM would export.
 * We cannot download a real TM model here, so tests use this; its convolution stands in for the
 * truncated MobileNet. Seeded, so the same seed gives the same files.
 */
export async function makeTeachableMachineStyleFiles(labels: string[], seed = 1): Promise<NamedBytes[]> {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed * 100 + s });
  const base = tf.sequential({ name: 'sequential_1' });
  base.add(
    tf.layers.conv2d({
      inputShape: [TM_IMAGE_SIZE, TM_IMAGE_SIZE, 3],
      filters: 8,
      kernelSize: 8,
      strides: 8,
      activation: 'relu',
      kernelInitializer: init(1),
    }),
  );
  base.add(tf.layers.globalAveragePooling2d({}));
  const head = tf.sequential({ name: 'sequential_3' });
  head.add(
    tf.layers.dense({
      inputShape: [8],
      units: 100,
      activation: 'relu',
      kernelInitializer: init(2),
      name: 'dense_Dense1',
    }),
  );
  head.add(
    tf.layers.dense({
      units: labels.length,
      activation: 'softmax',
      useBias: false,
      kernelInitializer: init(3),
      name: 'dense_Dense2',
    }),
  );
  const model = tf.sequential({ name: 'sequential_4' });
  model.add(base);
  model.add(head);
  const artifacts = await captureArtifacts(model);
  model.dispose();
  const metadata: TeachableMachineMetadata = {
    tfjsVersion: '1.3.1',
    tmVersion: '2.4.7',
    packageVersion: '0.8.4',
    packageName: '@teachablemachine/image',
    timeStamp: '2026-01-01T00:00:00.000Z',
    userMetadata: {},
    modelName: 'tm-my-image-model',
    labels,
    imageSize: TM_IMAGE_SIZE,
  };
  return artifactsToFiles(artifacts, metadata);
}
