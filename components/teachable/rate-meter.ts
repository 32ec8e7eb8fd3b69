// A measured rate ("predictions per second", "examples per second"): events counted over the last
// few seconds, so the number on screen is what was really delivered, not what was hoped for.

/** Window the rate is measured over, in milliseconds. Defaults to 3 s. */
export const RATE_WINDOW_MS = 3000;

/**
 * Returns `tick()`: call it after each event; it returns the events per second over the last
 * `windowMs` (0 until there are two events). `now` is injectable for tests.
 */
export function createRateMeter(
  windowMs: number = RATE_WINDOW_MS,
  now: () => number = () => performance.now(),
): () => number {
  const times: number[] = [];
  return () => {
    const t = now();
    times.push(t);
    while (times.length > 2 && t - times[0] > windowMs) times.shift();
    if (times.length < 2) return 0;
    return ((times.length - 1) * 1000) / Math.max(1, t - times[0]);
  };
}

/** A rate for people: one decimal below 10, whole numbers above. */
export function roundRate(rate: number): number {
  return rate < 10 ? Math.round(rate * 10) / 10 : Math.round(rate);
}
