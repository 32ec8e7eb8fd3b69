// Timing helpers for workloads: warm up, repeat, report the median (robust on a noisy machine).

/** Runs `fn` `warmup` times unmeasured, then `reps` times; returns the median milliseconds. */
export async function medianMs(fn: () => Promise<unknown>, { warmup = 2, reps = 5 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
