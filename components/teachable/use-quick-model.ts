'use client';
// Quick mode for a frozen-extractor studio: k-nearest neighbours on the project's stored features,
// so the preview answers from the first example on, before (and without) training.
import { useCallback, useMemo, useRef } from 'react';

import { KnnClassifier } from '@/lib/transfer/knn';
import type { BaseTrainSettings, TeachableProject } from '@/lib/transfer/project';
import type { FeatureExtractor } from '@/lib/transfer/types';

/** The quick model: `predict` (null without examples) and whether it can answer now. */
export interface QuickModel<I> {
  /** Class probabilities over the project's classes (in order), or null without usable examples. Stable. */
  predict(input: I): Promise<number[] | null>;
  /** True when at least one example has features of this extractor. */
  ready: boolean;
}

/** k-nearest neighbours over `project`'s examples, through `extractor` (null while it loads). */
export function useQuickModel<I, S extends BaseTrainSettings>(
  extractor: FeatureExtractor<I> | null,
  project: TeachableProject<S> | null,
): QuickModel<I> {
  const knn = useMemo(() => (extractor ? new KnnClassifier(extractor) : null), [extractor]);
  // Examples of another extractor (a project waiting to be re-extracted) are never compared.
  const usable = !!extractor && !!project && project.featureSize === extractor.featureSize;
  const examples = useMemo(
    () => (usable && project ? project.classes.map((c) => c.samples.map((s) => s.feature)) : []),
    [usable, project],
  );
  const live = useRef({ knn, examples });
  live.current = { knn, examples };
  const predict = useCallback(async (input: I) => {
    const { knn: k, examples: ex } = live.current;
    if (!k) return null;
    k.setExamples(ex);
    return k.predict(input);
  }, []);
  return { predict, ready: usable && examples.some((l) => l.length > 0) };
}
