import { describe, expect, it } from 'vitest';

import { createRateMeter, roundRate } from './rate-meter';

describe('createRateMeter', () => {
  it('measures the events really delivered over the last seconds', () => {
    let clock = 0;
    const tick = createRateMeter(3000, () => clock);
    expect(tick()).toBe(0);
    // 1.5 events a second for 6 s.
    let r = 0;
    for (let i = 0; i < 9; i++) {
      clock += 1000 / 1.5;
      r = tick();
    }
    expect(r).toBeCloseTo(1.5, 5);
    // Then 10 a second: after 3 s only the new pace counts.
    for (let i = 0; i < 30; i++) {
      clock += 100;
      r = tick();
    }
    expect(r).toBeCloseTo(10, 5);
  });

  it('rounds for display', () => {
    expect(roundRate(1.46)).toBe(1.5);
    expect(roundRate(12.6)).toBe(13);
  });
});
