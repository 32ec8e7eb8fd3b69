// Re-extracting a saved project's features when the studio's features change (a new feature
// version): the thumbnails stay, every example's feature is computed again from its picture, and
// the model trained on the old features is dropped (it expects the old numbers).
import type { BaseTrainSettings, SamplePayload, TeachableProject } from './project';

/** Options for {@link reextractProject}. */
export interface ReextractOptions {
  signal?: AbortSignal;
  /** Called after each example with the count done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** The features a project should have after re-extraction. */
export interface ReextractTarget {
  /** The new extractor's name (recorded in the project). */
  extractor: string;
  featureSize: number;
}

/**
 * A copy of `project` with every example's feature computed again by `featureOf` from its payload.
 * Examples `featureOf` cannot read (it returns null: no picture was kept) are left out. The trained
 * model is dropped, the revision moves on and classes, names, settings and options are kept.
 * Returns null when cancelled.
 * @throws Error when a feature has the wrong length.
 */
export async function reextractProject<S extends BaseTrainSettings>(
  project: TeachableProject<S>,
  target: ReextractTarget,
  featureOf: (payload: SamplePayload) => Promise<Float32Array | null>,
  options: ReextractOptions = {},
): Promise<TeachableProject<S> | null> {
  const total = project.classes.reduce((s, c) => s + c.samples.length, 0);
  let done = 0;
  const classes: TeachableProject<S>['classes'] = [];
  for (const cls of project.classes) {
    const samples: TeachableProject<S>['classes'][number]['samples'] = [];
    for (const s of cls.samples) {
      if (options.signal?.aborted) return null;
      const feature = await featureOf(s.payload);
      if (feature) {
        if (feature.length !== target.featureSize) {
          throw new Error(
            `"${target.extractor}" gave ${feature.length} features, not ${target.featureSize}.`,
          );
        }
        samples.push({ ...s, feature });
      }
      options.onProgress?.(++done, total);
    }
    classes.push({ ...cls, samples });
  }
  if (options.signal?.aborted) return null;
  return {
    ...project,
    extractor: target.extractor,
    featureSize: target.featureSize,
    classes,
    head: null,
    revision: project.revision + 1,
    updatedAt: Date.now(),
  };
}
