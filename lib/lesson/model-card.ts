// The facts of a kids' model card: each class and its examples, which classes get mixed up, and
// which class most needs more examples. Plain numbers in, plain facts out.

/** What the card is computed from (a teachable studio's training summary and its classes). */
export interface ModelCardInput {
  labels: readonly string[];
  /** Examples per class, in label order. */
  examples: readonly number[];
  /** Confusion matrix on held-out examples, [true][predicted]; empty without any. */
  confusion: readonly (readonly number[])[];
  /** Accuracy over held-out examples, or null without any. */
  validationAccuracy: number | null;
}

/** What the card says. */
export interface ModelCardFacts {
  classes: { name: string; examples: number }[];
  /** Pairs of classes confused with each other on held-out examples, most confused first (at most 3). */
  mixedUp: { a: string; b: string; count: number }[];
  /** The class to collect more examples of, or null when nothing stands out. */
  tryMore: string | null;
  /** Held-out accuracy in whole percent, or null. */
  percent: number | null;
}

/** Computes the card's facts. */
export function modelCardFacts(input: ModelCardInput): ModelCardFacts {
  const { labels, examples, confusion } = input;
  const classes = labels.map((name, i) => ({ name, examples: examples[i] ?? 0 }));
  const mixedUp: ModelCardFacts['mixedUp'] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const count = (confusion[i]?.[j] ?? 0) + (confusion[j]?.[i] ?? 0);
      if (count > 0) mixedUp.push({ a: labels[i], b: labels[j], count });
    }
  }
  mixedUp.sort((x, y) => y.count - x.count);

  // The class most often wrong on held-out examples; without errors, the one with far fewest examples.
  let tryMore: string | null = null;
  let worst = 0;
  labels.forEach((name, i) => {
    const row = confusion[i] ?? [];
    const wrong = row.reduce((s, v, j) => (j === i ? s : s + v), 0);
    const total = row.reduce((s, v) => s + v, 0);
    const rate = total ? wrong / total : 0;
    if (rate > worst) {
      worst = rate;
      tryMore = name;
    }
  });
  if (!tryMore && classes.length > 1) {
    const sorted = [...classes].sort((a, b) => a.examples - b.examples);
    if (sorted[0].examples * 2 <= sorted[1].examples) tryMore = sorted[0].name;
  }
  const percent = input.validationAccuracy === null ? null : Math.round(input.validationAccuracy * 100);
  return { classes, mixedUp: mixedUp.slice(0, 3), tryMore, percent };
}
