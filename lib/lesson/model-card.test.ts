// Model card facts: mixed-up pairs, the class to collect more of, and the plain counts.
import { describe, expect, it } from 'vitest';

import { modelCardFacts } from './model-card';

describe('modelCardFacts', () => {
  it('names the most confused pair and the class most often wrong', () => {
    const facts = modelCardFacts({
      labels: ['Apple', 'Banana', 'Cherry'],
      examples: [10, 12, 9],
      confusion: [
        [3, 0, 1],
        [0, 4, 0],
        [2, 0, 1],
      ],
      validationAccuracy: 8 / 11,
    });
    expect(facts.classes).toEqual([
      { name: 'Apple', examples: 10 },
      { name: 'Banana', examples: 12 },
      { name: 'Cherry', examples: 9 },
    ]);
    expect(facts.mixedUp).toEqual([{ a: 'Apple', b: 'Cherry', count: 3 }]);
    expect(facts.tryMore).toBe('Cherry');
    expect(facts.percent).toBe(73);
  });

  it('without mistakes, suggests the class with far fewer examples; without a test, no percent', () => {
    const facts = modelCardFacts({
      labels: ['Cat', 'Dog'],
      examples: [3, 20],
      confusion: [],
      validationAccuracy: null,
    });
    expect(facts.mixedUp).toEqual([]);
    expect(facts.tryMore).toBe('Cat');
    expect(facts.percent).toBeNull();
    expect(
      modelCardFacts({
        labels: ['A', 'B'],
        examples: [10, 12],
        confusion: [
          [2, 0],
          [0, 2],
        ],
        validationAccuracy: 1,
      }).tryMore,
    ).toBeNull();
  });
});
