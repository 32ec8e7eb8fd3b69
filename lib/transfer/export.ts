// Export a trained head as model.json + weights.bin + metadata.json (+ a usage snippet) and load it back.
import * as tf from '@tensorflow/tfjs';
import { strToU8 } from 'fflate';

import { InputError } from '../errors';
import { artifactsToFiles, captureArtifacts, importModelFiles, zipFiles } from '../persist';
import type { NamedBytes } from '../persist';
import { CENTERNET_SOURCE, TRANSFER_FORMAT } from './constants';
import type { TransferModelMetadata } from './types';

/** App version written into metadata. */
export const APP_VERSION = '0.1.0';

/** Fields the caller supplies for the metadata of an exported head. */
export interface TransferMetadataInput {
  labels: string[];
  extractor: string;
  featureSize: number;
  imageSize?: number;
  backboneNodes?: readonly string[];
}

/** Builds the metadata.json written beside an exported head. */
export function makeTransferMetadata(input: TransferMetadataInput): TransferModelMetadata {
  return {
    format: TRANSFER_FORMAT,
    formatVersion: 1,
    labels: [...input.labels],
    extractor: input.extractor,
    featureSize: input.featureSize,
    ...(input.imageSize ? { imageSize: input.imageSize } : {}),
    ...(input.backboneNodes
      ? {
          backbone: {
            name: 'centernet (MobileNetV3)',
            node: [...input.backboneNodes],
            source: CENTERNET_SOURCE,
          },
        }
      : {}),
    versions: { tfjs: tf.version.tfjs, app: APP_VERSION },
    createdAt: new Date().toISOString(),
  };
}

/**
 * A short program that runs an exported head with plain TensorFlow.js on any web page (no code of
 * this app). The head takes the extractor's feature vector; for pictures, the Image studio's
 * standalone export (model.html, or a model.json that takes pixels) needs no features at all.
 */
export function usageSnippet(meta: TransferModelMetadata): string {
  return `// Runs this exported classifier with plain TensorFlow.js ${meta.versions.tfjs}, offline.
// Put model.json, weights.bin and metadata.json next to your page and load tf.min.js from your own copy.
// The model takes ${meta.featureSize} numbers made by "${meta.extractor}" (see metadata.json) and
// returns one probability per label.
const model = await tf.loadLayersModel('model.json');
const metadata = await (await fetch('metadata.json')).json();
function classify(features /* ${meta.featureSize} numbers */) {
  return tf.tidy(() => Array.from(model.predict(tf.tensor2d([Array.from(features)])).dataSync()));
}
const probabilities = classify(new Array(${meta.featureSize}).fill(0));
console.log(metadata.labels[probabilities.indexOf(Math.max(...probabilities))]);
`;
}

/** The files of an exported head: model.json, weights.bin, metadata.json and README-snippet.js. */
export async function exportTransferModelFiles(
  model: tf.LayersModel,
  meta: TransferModelMetadata,
): Promise<NamedBytes[]> {
  const artifacts = await captureArtifacts(model);
  return [
    ...artifactsToFiles(artifacts, meta),
    { name: 'run-with-creative-ai-studio.js', data: strToU8(usageSnippet(meta)) },
  ];
}

/** The same files, zipped into one download. */
export async function exportTransferModelZip(
  model: tf.LayersModel,
  meta: TransferModelMetadata,
): Promise<Uint8Array> {
  return zipFiles(await exportTransferModelFiles(model, meta));
}

/** Checks that metadata describes one of our heads. */
export function checkTransferMetadata(meta: Record<string, unknown>): TransferModelMetadata {
  if (meta.format !== TRANSFER_FORMAT) {
    throw new InputError(
      `metadata.json is not from this studio (format is ${JSON.stringify(meta.format)}, expected "${TRANSFER_FORMAT}").`,
      'metadata.json',
    );
  }
  if (
    !Array.isArray(meta.labels) ||
    meta.labels.length < 2 ||
    !meta.labels.every((l) => typeof l === 'string')
  ) {
    throw new InputError('metadata.json has no list of at least 2 labels.', 'metadata.json');
  }
  if (typeof meta.featureSize !== 'number' || typeof meta.extractor !== 'string') {
    throw new InputError(
      'metadata.json does not say which feature extractor the model needs.',
      'metadata.json',
    );
  }
  return meta as unknown as TransferModelMetadata;
}

/** Loads an exported head from its files (or one zip). The caller owns the model. */
export async function loadTransferModel(
  files: NamedBytes[],
): Promise<{ model: tf.LayersModel; metadata: TransferModelMetadata }> {
  const { artifacts, metadata } = importModelFiles(files);
  const meta = checkTransferMetadata(metadata);
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const out = model.outputs[0].shape[1];
  const inp = model.inputs[0].shape[1];
  if (out !== meta.labels.length || inp !== meta.featureSize) {
    model.dispose();
    throw new InputError(
      `The model takes ${inp} features and gives ${out} classes, but metadata.json says ${meta.featureSize} features and ${meta.labels.length} labels.`,
    );
  }
  return { model, metadata: meta };
}

/** Loads an exported head served by URL (model.json + weights.bin, and metadata.json). */
export async function loadTransferModelFromUrl(
  modelUrl: string,
  metadataUrl: string,
): Promise<{ model: tf.LayersModel; metadata: TransferModelMetadata }> {
  const model = await tf.loadLayersModel(modelUrl);
  const meta = checkTransferMetadata((await (await fetch(metadataUrl)).json()) as Record<string, unknown>);
  return { model, metadata: meta };
}
