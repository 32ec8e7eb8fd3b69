// How a teachable studio turns its examples into a model. Two kinds plug into the same kit:
// "frozen extractor + dense head" (headLearner: Image, Pose, any FeatureExtractor) and "a whole
// model trained from the examples' payloads" (the Sound studio's spectrogram network, lib/audio).
import * as tf from '@tensorflow/tfjs';

import { InputError } from '../errors';
import { classify } from './classifier';
import { disposeHead, trainHead } from './head';
import type { BaseTrainSettings, ProjectModel, TeachableProject } from './project';
import type {
  FeatureExtractor,
  FeaturesByClass,
  HeadConfig,
  LearnerProgress,
  TeachableModel,
  TrainHeadResult,
  TrainSummary,
} from './types';

/** What training returns: the model (the caller owns it) and the numbers for the teacher. */
export interface LearnerResult<M> {
  model: M;
  summary: TrainSummary;
}

/**
 * Turns a project's examples into a {@link TeachableModel} and rebuilds one from a saved project.
 * `name` and `featureSize` are recorded in the project, so a project made by another learner (with
 * other features) is never mixed in.
 */
export interface TeachableLearner<
  I,
  S extends BaseTrainSettings,
  M extends TeachableModel<I> = TeachableModel<I>,
> {
  readonly name: string;
  /** Length of the feature vector stored with each example; 0 when the learner trains on payloads. */
  readonly featureSize: number;
  /** Trains a new model on every example of the project. Cancelling keeps a usable model. */
  train(project: TeachableProject<S>, progress?: LearnerProgress): Promise<LearnerResult<M>>;
  /** Rebuilds the model saved with a project. */
  restore(saved: ProjectModel): Promise<M>;
}

/** Thrown when a run is cancelled before any model exists (the training UI shows "cancelled"). */
export class TrainingCancelledError extends Error {
  constructor() {
    super('Training was cancelled.');
    this.name = 'TrainingCancelledError';
  }
}

/** A dense head on a frozen extractor, as a {@link TeachableModel}. */
export class HeadModel<I> implements TeachableModel<I> {
  constructor(
    readonly extractor: FeatureExtractor<I>,
    readonly model: tf.LayersModel,
    readonly labels: readonly string[],
  ) {}

  predict(input: I): Promise<number[]> {
    return classify(this.extractor, this.model, input);
  }

  metadata(): undefined {
    return undefined;
  }

  dispose(): void {
    disposeHead(this.model);
  }
}

/** Loads a layers model from stored artifacts (weights are copied; the caller owns the model). */
export function loadModelArtifacts(artifacts: tf.io.ModelArtifacts): Promise<tf.LayersModel> {
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

/** The numbers of a head training run, without the model. */
export function headSummary(labels: readonly string[], r: Omit<TrainHeadResult, 'model'>): TrainSummary {
  const n = r.validation.trueY.length;
  const right = r.validation.trueY.filter((y, i) => y === r.validation.predY[i]).length;
  return {
    labels: [...labels],
    epochsRun: r.epochsRun,
    cancelled: r.cancelled,
    ms: r.ms,
    counts: r.counts,
    confusion: r.confusion,
    perClassAccuracy: r.perClassAccuracy,
    validationAccuracy: n ? right / n : null,
    tooFewToTest: r.tooFewToTest,
  };
}

/** Options for {@link headLearner}. */
export interface HeadLearnerOptions<S extends HeadConfig> {
  /**
   * More training-only examples per class (augmented copies), made before training; they never
   * enter the held-out set. Return undefined for none.
   */
  extraTrain?: (
    project: TeachableProject<S>,
    signal: AbortSignal | undefined,
    onProgress: (fraction: number) => void,
  ) => Promise<FeaturesByClass | undefined>;
}

/**
 * The "frozen extractor + dense head" learner: each example's feature was cached when it was
 * added, so training only fits lib/transfer's head (Teachable Machine's recipe). Any
 * {@link FeatureExtractor} plugs in here: image, pose, or a pretrained sound embedding.
 */
export function headLearner<I, S extends HeadConfig = HeadConfig>(
  extractor: FeatureExtractor<I>,
  options: HeadLearnerOptions<S> = {},
): TeachableLearner<I, S, HeadModel<I>> {
  return {
    name: extractor.name,
    featureSize: extractor.featureSize,
    async train(project, progress = {}) {
      const labels = project.classes.map((c) => c.name);
      const features = project.classes.map((c) => c.samples.map((s) => s.feature));
      let extra: FeaturesByClass | undefined;
      if (options.extraTrain) {
        progress.setPhase?.('preparing', 0);
        extra = await options.extraTrain(project, progress.signal, (f) => progress.setProgress?.(f));
        if (progress.signal?.aborted) throw new TrainingCancelledError();
      }
      const size = features.find((f) => f.length > 0)?.[0]?.length;
      if (size !== undefined && size !== extractor.featureSize) {
        throw new InputError(
          `The examples have ${size} features but "${extractor.name}" makes ${extractor.featureSize}.`,
        );
      }
      progress.setPhase?.('training', null);
      progress.setEpochs?.(project.settings.epochs);
      const { model, ...rest } = await trainHead(
        labels,
        features,
        project.settings,
        {
          signal: progress.signal,
          onEpochEnd: ({ epoch, loss, acc, valLoss, valAcc }) =>
            progress.onEpochEnd?.(epoch, { loss, acc, valLoss, valAcc }),
        },
        extra,
      );
      return { model: new HeadModel(extractor, model, labels), summary: headSummary(labels, rest) };
    },
    async restore(saved) {
      return new HeadModel(extractor, await loadModelArtifacts(saved.artifacts), saved.labels);
    },
  };
}
