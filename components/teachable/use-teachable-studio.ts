'use client';
// One hook for a teachable studio: the autosaved project, training (components/training's
// useTrainingRun), the live model (rebuilt from the saved project, disposed when replaced) and the
// project-file actions. The studio brings its learner: a frozen extractor (+ dense head) or a whole
// model trained from the examples' payloads.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { useTrainingRun, type TrainingRun } from '@/components/training';
import { captureArtifacts } from '@/lib/persist';
import { MAX_CLASSES, MIN_CLASSES } from '@/lib/transfer/constants';
import {
  headLearner,
  type HeadLearnerOptions,
  type HeadModel,
  type TeachableLearner,
} from '@/lib/transfer/learner';
import {
  sampleCount,
  type BaseTrainSettings,
  type SamplePayload,
  type TeachableProject,
} from '@/lib/transfer/project';
import { reextractProject } from '@/lib/transfer/reextract';
import type { FeatureExtractor, HeadConfig, TeachableModel, TrainSummary } from '@/lib/transfer/types';

import { useTeachableProject, type UseTeachableProjectOptions } from './use-teachable-project';

/** Options for {@link useTeachableStudio} besides the learner. */
export interface TeachableStudioOptions<S extends BaseTrainSettings> extends Omit<
  UseTeachableProjectOptions<S>,
  'extractor' | 'featureSize'
> {
  /** Learner name and feature size, known before the learner has loaded. */
  name: string;
  featureSize: number;
  /** A translated reason training cannot start, or null. Defaults to "2 classes, none empty". */
  blocker?: (project: TeachableProject<S>) => string | null;
  /**
   * Computes an example's feature again from its payload (null when it cannot), for projects saved
   * with one of `olderExtractors`; null while the extractor loads.
   */
  refeature?: ((payload: SamplePayload) => Promise<Float32Array | null>) | null;
}

/** Where the model comes from: a frozen extractor + dense head, or any learner. Null while loading. */
export type LearnerSource<I, S extends BaseTrainSettings, M extends TeachableModel<I>> =
  | { extractor: FeatureExtractor<I> | null; extraTrain?: HeadLearnerOptions<S & HeadConfig>['extraTrain'] }
  | { learner: TeachableLearner<I, S, M> | null };

/** Everything a teachable studio works with. */
export interface TeachableStudio<
  I,
  S extends BaseTrainSettings,
  M extends TeachableModel<I>,
> extends ReturnType<typeof useTeachableProject<S>> {
  learner: TeachableLearner<I, S, M> | null;
  /** Training state (phase, epochs, curves, summary) and cancel. */
  run: TrainingRun<TrainSummary>;
  /** Trains on every example; resolves with the summary, or null when it did not run or failed. */
  train(): Promise<TrainSummary | null>;
  /** The live model (trained here or restored from the project), or null. */
  model: M | null;
  /** Class probabilities of one input from the live model, or null without one. Stable. */
  predict(input: I): Promise<number[] | null>;
  /** Class names in order. */
  labels: string[];
  /** Names for the model's outputs (the classes' current names while their number matches). */
  modelLabels: string[];
  /** Why training cannot start (translated), or null. */
  blocker: string | null;
  /** True when examples changed since the saved model was trained. */
  stale: boolean;
  /** Why the saved model could not be rebuilt, or null. */
  restoreError: unknown;
  /** Replaces the project with an imported one (the old model is freed, training state reset). */
  loadProject(p: TeachableProject<S>): void;
  /** Deletes everything and starts over. */
  newProject(): Promise<void>;
  /** Progress of re-extracting an older project's features, or null when none is running. */
  refeaturing: { done: number; total: number } | null;
  /** Names of the features a project file may have (this learner's first, then older ones). */
  acceptedExtractors: string[];
  /** Brings back the project the last import replaced (its model too); false when there is none. */
  undoImport(): boolean;
}

/** A frozen extractor + dense head studio (Image, Pose, a pretrained sound embedding). */
export function useTeachableStudio<I, S extends HeadConfig>(
  source: { extractor: FeatureExtractor<I> | null; extraTrain?: HeadLearnerOptions<S>['extraTrain'] },
  options: TeachableStudioOptions<S>,
): TeachableStudio<I, S, HeadModel<I>>;
/** A studio whose learner trains a whole model from the examples' payloads (Sound's CNN). */
export function useTeachableStudio<I, S extends BaseTrainSettings, M extends TeachableModel<I>>(
  source: { learner: TeachableLearner<I, S, M> | null },
  options: TeachableStudioOptions<S>,
): TeachableStudio<I, S, M>;
export function useTeachableStudio<I, S extends BaseTrainSettings, M extends TeachableModel<I>>(
  source: LearnerSource<I, S, M>,
  options: TeachableStudioOptions<S>,
): TeachableStudio<I, S, M> {
  const t = useT();
  const api = useTeachableProject<S>({
    ...options,
    extractor: options.name,
    featureSize: options.featureSize,
  });
  const { project, setHead, replace, reset, undoReplace, renameClass } = api;

  // Default class names follow a language switch: a class still called "Class 1" becomes "클래스 1"
  // (every default name seen in this session is remembered with its number; 0 = Background).
  const knownDefaults = useRef(new Map<string, number>());
  const { className, backgroundName } = options;
  const firstDefault = className(1);
  useEffect(() => {
    const current = new Map<string, number>();
    for (let n = MAX_CLASSES; n >= 1; n--) current.set(className(n), n);
    if (backgroundName) current.set(backgroundName, 0);
    const known = knownDefaults.current;
    project?.classes.forEach((c) => {
      const n = known.get(c.name);
      if (n === undefined || current.has(c.name)) return;
      const next = n === 0 ? backgroundName : className(n);
      if (next) renameClass(c.id, next);
    });
    current.forEach((n, name) => known.set(name, n));
    // className is a new function every render; its first name says when the language changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstDefault, backgroundName, project?.classes, renameClass]);
  const run = useTrainingRun<TrainSummary>();
  const { start: startRun, reset: resetRun } = run;

  // The learner: given, or a head learner on the given extractor (extraTrain read when training).
  const extraTrain = useRef('extractor' in source ? source.extraTrain : undefined);
  extraTrain.current = 'extractor' in source ? source.extraTrain : undefined;
  const extractor = 'extractor' in source ? source.extractor : null;
  const given = 'learner' in source ? source.learner : null;
  const learner = useMemo(
    () =>
      given ??
      (extractor
        ? (headLearner(extractor, {
            extraTrain: (p, signal, onProgress) =>
              extraTrain.current?.(p as never, signal, onProgress) ?? Promise.resolve(undefined),
          }) as unknown as TeachableLearner<I, S, M>)
        : null),
    [given, extractor],
  );

  // The live model; `loadedFor` is the trainedAt of the saved model it corresponds to.
  const modelRef = useRef<M | null>(null);
  const [model, setModel] = useState<M | null>(null);
  const loadedFor = useRef<number | null>(null);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const install = useCallback((m: M | null) => {
    if (modelRef.current && modelRef.current !== m) modelRef.current.dispose();
    modelRef.current = m;
    setModel(m);
  }, []);
  useEffect(() => () => install(null), [install]);

  // Rebuild the model from the saved project (after a reload or an import), never on another
  // extractor's features (a project waiting to be re-extracted).
  useEffect(() => {
    const saved = project?.head;
    if (!saved || !learner || loadedFor.current === saved.trainedAt) return;
    if (project.extractor !== learner.name) return;
    loadedFor.current = saved.trainedAt;
    setRestoreError(null);
    void learner.restore(saved).then(
      (m) => (loadedFor.current === saved.trainedAt ? install(m) : m.dispose()),
      (e: unknown) => setRestoreError(e),
    );
  }, [project, learner, install]);

  // A project saved with older features: keep its pictures and compute the features again.
  const refeature = options.refeature;
  const [refeaturing, setRefeaturing] = useState<{ done: number; total: number } | null>(null);
  const projectRef = useRef(project);
  projectRef.current = project;
  const oldFeatures = !!project && project.extractor !== options.name;
  useEffect(() => {
    const p = projectRef.current;
    if (!oldFeatures || !refeature || !p) return;
    const ctrl = new AbortController();
    const total = p.classes.reduce((s, c) => s + c.samples.length, 0);
    setRefeaturing({ done: 0, total });
    void reextractProject(p, { extractor: options.name, featureSize: options.featureSize }, refeature, {
      signal: ctrl.signal,
      onProgress: (done) => setRefeaturing({ done, total }),
    }).then(
      (next) => {
        if (!next || ctrl.signal.aborted) return;
        setRefeaturing(null);
        replace(next);
      },
      (e: unknown) => {
        setRefeaturing(null);
        setRestoreError(e);
      },
    );
    return () => {
      ctrl.abort();
      setRefeaturing(null);
    };
  }, [oldFeatures, refeature, options.name, options.featureSize, replace]);
  const olderKey = (options.olderExtractors ?? []).join('\n');
  const acceptedExtractors = useMemo(
    () => [options.name, ...(olderKey ? olderKey.split('\n') : [])],
    [options.name, olderKey],
  );

  const labels = useMemo(() => project?.classes.map((c) => c.name) ?? [], [project]);
  const modelLabels = useMemo(() => {
    const h = project?.head;
    if (!h) return [];
    return h.labels.length === labels.length ? labels : h.labels;
  }, [project, labels]);

  const customBlocker = options.blocker;
  const blocker = useMemo(() => {
    if (!project) return null;
    if (project.extractor !== options.name)
      return t('teachx.reextracting', { done: refeaturing?.done ?? 0, total: sampleCount(project) });
    if (customBlocker) return customBlocker(project);
    if (project.classes.length < MIN_CLASSES) return t('teach.needTwo');
    const empty = project.classes.find((c) => c.samples.length === 0);
    return empty ? t('teach.emptyClass', { name: empty.name }) : null;
  }, [project, customBlocker, t, options.name, refeaturing]);

  const train = useCallback(async () => {
    if (!project || !learner || blocker) return null;
    const revision = project.revision;
    return startRun(
      async (ctx) => {
        const { model: m, summary } = await learner.train(project, ctx);
        const trainedAt = Date.now();
        loadedFor.current = trainedAt;
        install(m);
        const artifacts = await captureArtifacts(m.model);
        setHead({ artifacts, labels: summary.labels, trainedAt, metadata: m.metadata(), revision });
        return summary;
      },
      { epochs: project.settings.epochs },
    );
  }, [project, learner, blocker, startRun, install, setHead]);

  const predict = useCallback(async (input: I) => {
    const m = modelRef.current;
    return m ? m.predict(input) : null;
  }, []);

  const forgetModel = useCallback(() => {
    install(null);
    loadedFor.current = null;
    setRestoreError(null);
    resetRun();
  }, [install, resetRun]);

  const loadProject = useCallback(
    (p: TeachableProject<S>) => {
      forgetModel();
      replace(p);
    },
    [forgetModel, replace],
  );

  const undoImport = useCallback(() => {
    if (!api.canUndo) return false;
    forgetModel();
    return undoReplace();
  }, [api.canUndo, forgetModel, undoReplace]);

  const newProject = useCallback(async () => {
    forgetModel();
    await reset();
  }, [forgetModel, reset]);

  const head = project?.head;
  const stale =
    !!head && head.revision !== undefined && project !== null && head.revision !== project.revision;

  return {
    ...api,
    learner,
    run,
    train,
    model,
    predict,
    labels,
    modelLabels,
    blocker,
    stale,
    restoreError,
    loadProject,
    newProject,
    refeaturing,
    acceptedExtractors,
    undoImport,
  };
}
