// A smoothed "predictions per second" for the live previews (shown for teachers).

/** Returns `tick()`: call it after each prediction; it gives the smoothed rate per second. */
export function createRateMeter(smoothing = 0.9): () => number {
  let last = performance.now();
  let avg = 0;
  return () => {
    const now = performance.now();
    const inst = 1000 / Math.max(1, now - last);
    last = now;
    avg = avg ? avg * smoothing + inst * (1 - smoothing) : inst;
    return avg;
  };
}
