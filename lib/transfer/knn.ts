// Quick mode: k-nearest neighbours on the stored features, so a studio answers from the first
// example on, before any training (Teachable Machine v1 and ml5's KNN classifier work this way).
import type { FeatureExtractor, FeaturesByClass } from './types';

/** Options for {@link knnPredict}. */
export interface KnnOptions {
  /** Neighbours that vote. Defaults to 5 (fewer when there are fewer examples). */
  k?: number;
  /**
   * Softness of the vote: each neighbour's weight is exp((similarity − best) / temperature), so a
   * much closer example counts more. Cosine similarity; defaults to 0.05.
   */
  temperature?: number;
}

/** Default number of voting neighbours. */
export const KNN_K = 5;
/** Default vote temperature (cosine similarity units). */
export const KNN_TEMPERATURE = 0.05;

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s) || 1;
}

/**
 * Class probabilities of `query` from the examples grouped by class (index = class): the k most
 * similar examples (cosine similarity) vote, each weighted by how close it is. Classes without
 * examples get 0. Returns all zeros when there are no examples at all. Plain numbers, no tensors.
 */
export function knnPredict(
  byClass: FeaturesByClass,
  query: ArrayLike<number>,
  options: KnnOptions = {},
): number[] {
  const k = Math.max(1, Math.floor(options.k ?? KNN_K));
  const temperature = options.temperature ?? KNN_TEMPERATURE;
  const qn = norm(query);
  const sims: { cls: number; sim: number }[] = [];
  byClass.forEach((list, cls) => {
    for (const v of list) {
      let dot = 0;
      const n = Math.min(v.length, query.length);
      for (let i = 0; i < n; i++) dot += v[i] * query[i];
      sims.push({ cls, sim: dot / (norm(v) * qn) });
    }
  });
  const probs = new Array<number>(byClass.length).fill(0);
  if (!sims.length) return probs;
  sims.sort((a, b) => b.sim - a.sim);
  const near = sims.slice(0, k);
  const best = near[0].sim;
  let total = 0;
  for (const { cls, sim } of near) {
    const w = Math.exp((sim - best) / temperature);
    probs[cls] += w;
    total += w;
  }
  return probs.map((p) => p / total);
}

/**
 * A quick-mode classifier on a frozen extractor: the examples' stored features are the model.
 * `setExamples` replaces them (call it whenever the project's examples change).
 */
export class KnnClassifier<I> {
  private examples: FeaturesByClass = [];

  constructor(
    readonly extractor: FeatureExtractor<I>,
    readonly options: KnnOptions = {},
  ) {}

  /** Replaces the examples, grouped by class (index = class). */
  setExamples(byClass: FeaturesByClass): void {
    this.examples = byClass;
  }

  /** Number of stored examples. */
  get size(): number {
    return this.examples.reduce((s, l) => s + l.length, 0);
  }

  /** Class probabilities of one input, or null while there are no examples. Leaves no tensors. */
  async predict(input: I): Promise<number[] | null> {
    if (!this.size) return null;
    const feature = await this.extractor.extract(input);
    return knnPredict(this.examples, feature, this.options);
  }
}
