// The sound classifier: a small CNN over normalised log-mel spectrograms, built with lib/models and
// trained with lib/training, plus what is needed to predict on live sound and to save it.
import * as tf from '@tensorflow/tfjs';

import { ConfigError, InputError } from '../errors';
import { buildModel, compileModel, type LayerSpec, type ModelSpec } from '../models';
import { confusionMatrix, train, type TrainOptions, type TrainResult } from '../training';
import { stratifiedSplitIndices } from '../transfer/dataset';
import type { TeachableModel } from '../transfer/types';
import { resolveSpectrogramConfig } from './config';
import { DEFAULT_SOUND_CLASSIFIER_CONFIG, SOUND_MODEL_FORMAT } from './constants';
import { fitNormalization, spectrogramsToTensor, type FeatureNormalization } from './features';
import { LogMelComputer } from './spectrogram';
import type { SoundClassifierConfig, SoundDataset, Spectrogram, SpectrogramConfig } from './types';

/** Fills and checks classifier settings. Throws ConfigError naming the field. */
export function resolveSoundClassifierConfig(
  partial: Partial<SoundClassifierConfig> = {},
): SoundClassifierConfig {
  const d = DEFAULT_SOUND_CLASSIFIER_CONFIG;
  const c: SoundClassifierConfig = {
    filters: partial.filters ?? [...d.filters],
    denseUnits: partial.denseUnits ?? d.denseUnits,
    dropout: partial.dropout ?? d.dropout,
    epochs: partial.epochs ?? d.epochs,
    batchSize: partial.batchSize ?? d.batchSize,
    learningRate: partial.learningRate ?? d.learningRate,
    validationFraction: partial.validationFraction ?? d.validationFraction,
    seed: partial.seed ?? d.seed,
  };
  const int = (field: string, v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max)
      throw new ConfigError(field, v, `a whole number from ${min} to ${max}`);
  };
  if (!Array.isArray(c.filters) || c.filters.length < 1 || c.filters.length > 3) {
    throw new ConfigError('filters', c.filters, 'one to three filter counts');
  }
  c.filters.forEach((f, i) => int(`filters[${i}]`, f, 1, 128));
  int('denseUnits', c.denseUnits, 1, 512);
  int('epochs', c.epochs, 1, 500);
  int('batchSize', c.batchSize, 1, 1024);
  int('seed', c.seed, 0, 2 ** 31 - 1);
  if (!(c.dropout >= 0 && c.dropout < 1)) throw new ConfigError('dropout', c.dropout, 'a number in [0, 1)');
  if (!(c.learningRate > 0 && c.learningRate <= 1))
    throw new ConfigError('learningRate', c.learningRate, 'a number in (0, 1]');
  if (!(c.validationFraction >= 0 && c.validationFraction < 1)) {
    throw new ConfigError('validationFraction', c.validationFraction, 'a number in [0, 1)');
  }
  return c;
}

/** What is saved in metadata.json beside the weights. */
export interface SoundClassifierMetadata {
  format: typeof SOUND_MODEL_FORMAT;
  labels: string[];
  normalization: FeatureNormalization;
  spectrogram: SpectrogramConfig;
  [key: string]: unknown;
}

/**
 * A trained model with the label names and feature settings it needs to predict. It is the Sound
 * studio's {@link TeachableModel} (input: one spectrogram).
 */
export class SoundClassifier implements TeachableModel<Spectrogram> {
  readonly model: tf.LayersModel;
  readonly labels: string[];
  readonly normalization: FeatureNormalization;
  readonly spectrogramConfig: SpectrogramConfig;
  private computer: LogMelComputer | null = null;
  private disposed = false;

  constructor(
    model: tf.LayersModel,
    labels: string[],
    normalization: FeatureNormalization,
    spectrogramConfig: SpectrogramConfig,
  ) {
    this.model = model;
    this.labels = labels;
    this.normalization = normalization;
    this.spectrogramConfig = spectrogramConfig;
  }

  /** Rebuilds a classifier from a loaded model and its metadata. Throws InputError if they do not fit. */
  static fromModel(model: tf.LayersModel, metadata: Record<string, unknown>): SoundClassifier {
    const m = metadata as Partial<SoundClassifierMetadata>;
    if (m.format !== SOUND_MODEL_FORMAT || !Array.isArray(m.labels) || !m.normalization || !m.spectrogram) {
      throw new InputError(
        'metadata.json does not describe a sound model from this studio.',
        'metadata.json',
      );
    }
    const spectrogram = resolveSpectrogramConfig(m.spectrogram);
    const out = model.outputs[0]!.shape;
    if (out[out.length - 1] !== m.labels.length) {
      throw new InputError(
        `The model has ${String(out[out.length - 1])} outputs but metadata.json names ${m.labels.length} classes.`,
        'metadata.json',
      );
    }
    return new SoundClassifier(model, m.labels, m.normalization, spectrogram);
  }

  /** Metadata to save with the model. */
  metadata(): SoundClassifierMetadata {
    return {
      format: SOUND_MODEL_FORMAT,
      labels: [...this.labels],
      normalization: { ...this.normalization },
      spectrogram: { ...this.spectrogramConfig },
    };
  }

  /** Class probabilities for each spectrogram, in label order. Leaves no tensors behind. */
  async predictSpectrograms(specs: readonly Spectrogram[]): Promise<number[][]> {
    const out = tf.tidy(
      () => this.model.predict(spectrogramsToTensor(specs, this.normalization)) as tf.Tensor,
    );
    try {
      return (await out.array()) as number[][];
    } finally {
      out.dispose();
    }
  }

  /** Class probabilities for one spectrogram, in label order. Leaves no tensors behind. */
  async predict(spec: Spectrogram): Promise<number[]> {
    return (await this.predictSpectrograms([spec]))[0]!;
  }

  /** Class probabilities for one 1-second waveform at the spectrogram's sample rate. */
  async predictWaveform(samples: Float32Array): Promise<number[]> {
    this.computer ??= new LogMelComputer(this.spectrogramConfig);
    return (await this.predictSpectrograms([this.computer.compute(samples)]))[0]!;
  }

  /** Releases the model's weights; safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
  }
}

/** Training callbacks and cancellation, passed through to lib/training. */
export type SoundTrainHooks = Pick<TrainOptions, 'signal' | 'onEpochEnd' | 'onBatchEnd'>;

/** What `trainSoundClassifier` returns. */
export interface SoundTrainResult {
  classifier: SoundClassifier;
  training: TrainResult;
  /** Indices (into the dataset) held out for validation. */
  validationIndices: number[];
  /** Predicted class of each validation example (same order). */
  validationPredictions: number[];
  /** Rows: true class, columns: predicted class, over the validation examples. */
  confusion: number[][];
  /** Validation accuracy, or null without validation examples. */
  validationAccuracy: number | null;
}

/**
 * The model spec for a given input [frames, bins, 1] and class count. Convolution blocks find local
 * time-frequency patterns; a max pool over the whole time axis then keeps, per frequency band and
 * filter, only the strongest response, so a clap counts as a clap wherever it falls in the second.
 */
export function soundModelSpec(
  inputShape: [number, number, number],
  numClasses: number,
  config: Partial<SoundClassifierConfig> = {},
): ModelSpec {
  const c = resolveSoundClassifierConfig(config);
  const layers: LayerSpec[] = [];
  let frames = inputShape[0];
  for (const filters of c.filters) {
    layers.push({ type: 'conv2d', filters, kernelSize: 3, activation: 'relu', padding: 'same' });
    layers.push({ type: 'maxPool2d', poolSize: 2 });
    frames = Math.floor(frames / 2);
  }
  if (frames < 1)
    throw new ConfigError(
      'filters',
      c.filters,
      `at most ${Math.floor(Math.log2(inputShape[0]))} blocks for ${inputShape[0]} frames`,
    );
  layers.push({ type: 'maxPool2d', poolSize: [frames, 1] });
  layers.push({ type: 'flatten' });
  layers.push({ type: 'dense', units: c.denseUnits, activation: 'relu' });
  if (c.dropout > 0) layers.push({ type: 'dropout', rate: c.dropout });
  layers.push({ type: 'dense', units: numClasses, activation: 'softmax' });
  return { inputShape: [...inputShape], layers, seed: c.seed };
}

/** Builds the untrained model (also shown in "Under the hood" before training). The caller disposes it. */
export function buildSoundModel(
  inputShape: [number, number, number],
  numClasses: number,
  config: Partial<SoundClassifierConfig> = {},
): tf.Sequential {
  return buildModel(soundModelSpec(inputShape, numClasses, config));
}

/**
 * Trains a new spectrogram CNN on the dataset. Features are normalised with statistics of the
 * training part only (the validation part must stay unseen). Leaves no tensors behind except the
 * returned classifier's model, which the caller disposes.
 */
export async function trainSoundClassifier(
  dataset: SoundDataset,
  config: Partial<SoundClassifierConfig> = {},
  spectrogramConfig: Partial<SpectrogramConfig> = {},
  hooks: SoundTrainHooks = {},
): Promise<SoundTrainResult> {
  const c = resolveSoundClassifierConfig(config);
  const { labels, spectrograms, classes } = dataset;
  if (labels.length < 2) throw new InputError('Add at least two classes to train.');
  if (spectrograms.length !== classes.length) throw new InputError('Every spectrogram needs a class.');
  labels.forEach((label, k) => {
    if (!classes.includes(k)) throw new InputError(`The class "${label}" has no examples.`, label);
  });
  const { train: trainIdx, validation } = stratifiedSplitIndices(classes, c.validationFraction, c.seed);
  const normalization = fitNormalization(trainIdx.map((i) => spectrograms[i]!));
  const first = spectrograms[0]!;
  const model = buildSoundModel([first.frames, first.bins, 1], labels.length, c);
  compileModel(model, {
    optimizer: { name: 'adam', learningRate: c.learningRate },
    loss: 'categoricalCrossentropy',
  });
  const toTensors = (idx: number[]) => ({
    x: spectrogramsToTensor(
      idx.map((i) => spectrograms[i]!),
      normalization,
    ),
    y: tf.tidy(() =>
      tf
        .oneHot(
          tf.tensor1d(
            idx.map((i) => classes[i]!),
            'int32',
          ),
          labels.length,
        )
        .toFloat(),
    ),
  });
  const trainData = toTensors(trainIdx);
  const valData = validation.length ? toTensors(validation) : undefined;
  let training: TrainResult;
  let validationPredictions: number[] = [];
  try {
    training = await train(
      model,
      { x: trainData.x, y: trainData.y, validation: valData },
      { epochs: c.epochs, batchSize: c.batchSize, seed: c.seed, shuffle: true, ...hooks },
    );
    if (valData) {
      const pred = tf.tidy(() => (model.predict(valData.x) as tf.Tensor).argMax(-1));
      validationPredictions = Array.from(await pred.data());
      pred.dispose();
    }
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    // compileModel makes the model own its optimizer, so model.dispose() would free Adam's moment
    // estimates (two tensors per weight) only when the classifier goes. It only predicts from now
    // on, so they are freed now; disposing the optimizer again later is harmless.
    model.optimizer?.dispose();
    tf.dispose([trainData.x, trainData.y]);
    if (valData) tf.dispose([valData.x, valData.y]);
  }
  const trueVal = validation.map((i) => classes[i]!);
  const correct = trueVal.filter((t, i) => t === validationPredictions[i]).length;
  return {
    classifier: new SoundClassifier(
      model,
      [...labels],
      normalization,
      resolveSpectrogramConfig(spectrogramConfig),
    ),
    training,
    validationIndices: validation,
    validationPredictions,
    // Nothing held out (a class had under 10 examples): an all-zero matrix, as the dense head gives.
    confusion: trueVal.length
      ? confusionMatrix(trueVal, validationPredictions, labels.length)
      : labels.map(() => new Array<number>(labels.length).fill(0)),
    validationAccuracy: validation.length ? correct / validation.length : null,
  };
}
