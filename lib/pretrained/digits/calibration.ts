// Calibrated confidence for the shipped digit models: temperature scaling (Guo et al., "On Calibration of
// Modern Neural Networks", ICML 2017) fitted on held-out digits, and the "I'm not sure" threshold picked
// from measured error rates. Numbers come from bench/digits-calibration.eval.ts (docs/digits-models.md).

/** Calibration of one model. */
export interface DigitCalibration {
  /** Divide the logits by this (below 1 sharpens: our label-smoothed models are under-confident). */
  temperature: number;
  /** Below this calibrated top probability the studio says "I'm not sure". */
  unsureBelow: number;
}

/** For models without a measured calibration (a network trained in the browser): unchanged, 0.6. */
export const DEFAULT_DIGIT_CALIBRATION: Readonly<DigitCalibration> = Object.freeze({
  temperature: 1,
  unsureBelow: 0.6,
});

/** Measured by bench/digits-calibration.eval.ts; see docs/digits-models.md. */
export const DIGIT_CALIBRATION: Readonly<Record<string, Readonly<DigitCalibration>>> = Object.freeze({
  'digits-mlp': Object.freeze({ temperature: 1, unsureBelow: 0.6 }),
  'digits-cnn': Object.freeze({ temperature: 1, unsureBelow: 0.6 }),
});

/** The calibration of a model by name (the default for any other). */
export function digitCalibration(name: string): Readonly<DigitCalibration> {
  return DIGIT_CALIBRATION[name] ?? DEFAULT_DIGIT_CALIBRATION;
}

/**
 * Softmax probabilities at another temperature: softmax(log p / T), which equals softmax(logits / T)
 * for a softmax output. Keeps the order of the classes (and so the answer).
 */
export function calibrateProbabilities(probs: readonly number[], temperature: number): number[] {
  if (temperature === 1) return [...probs];
  const logs = probs.map((p) => Math.log(Math.max(p, 1e-12)) / temperature);
  const max = Math.max(...logs);
  const exps = logs.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Mean negative log-likelihood of the true labels. */
export function negativeLogLikelihood(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
): number {
  let s = 0;
  rows.forEach((p, i) => (s -= Math.log(Math.max(p[labels[i]], 1e-12))));
  return s / rows.length;
}

/** Expected calibration error: |accuracy − confidence| over `bins` equal-width confidence bins, weighted. */
export function expectedCalibrationError(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  bins = 10,
): number {
  const acc = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const count = new Array<number>(bins).fill(0);
  rows.forEach((p, i) => {
    const top = Math.max(...p);
    const b = Math.min(bins - 1, Math.floor(top * bins));
    count[b]++;
    conf[b] += top;
    if (p.indexOf(top) === labels[i]) acc[b]++;
  });
  let e = 0;
  for (let b = 0; b < bins; b++) if (count[b]) e += Math.abs(acc[b] - conf[b]);
  return e / rows.length;
}

/** The temperature (0.05–20) with the lowest NLL on these rows: golden-section search over log T. */
export function fitTemperature(rows: readonly (readonly number[])[], labels: ArrayLike<number>): number {
  const f = (logT: number) =>
    negativeLogLikelihood(
      rows.map((p) => calibrateProbabilities(p, Math.exp(logT))),
      labels,
    );
  let a = Math.log(0.05);
  let b = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 60 && b - a > 1e-4; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return Math.exp((a + b) / 2);
}

/** How a threshold sorts answers: share of wrong answers it flags, share of right answers it flags. */
export interface UnsureRates {
  threshold: number;
  /** Wrong answers below the threshold / all wrong answers. */
  wrongFlagged: number;
  /** Right answers below the threshold / all right answers. */
  rightFlagged: number;
  /** Wrong answers at or above the threshold / all answers at or above it (said without doubt). */
  errorWhenSure: number;
}

/** The rates of one threshold on (calibrated) rows. */
export function unsureRates(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  threshold: number,
): UnsureRates {
  let wrong = 0;
  let wrongLow = 0;
  let right = 0;
  let rightLow = 0;
  rows.forEach((p, i) => {
    const top = Math.max(...p);
    const ok = p.indexOf(top) === labels[i];
    const low = top < threshold;
    if (ok) {
      right++;
      if (low) rightLow++;
    } else {
      wrong++;
      if (low) wrongLow++;
    }
  });
  const sure = rows.length - wrongLow - rightLow;
  return {
    threshold,
    wrongFlagged: wrong ? wrongLow / wrong : 0,
    rightFlagged: right ? rightLow / right : 0,
    errorWhenSure: sure ? (wrong - wrongLow) / sure : 0,
  };
}

/**
 * The highest threshold (in steps of 0.01) that flags at most `maxRightFlagged` of the right answers:
 * it catches as many wrong answers as it can while a child who drew well rarely hears "I'm not sure".
 */
export function chooseUnsureThreshold(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  maxRightFlagged = 0.05,
): UnsureRates {
  let best = unsureRates(rows, labels, 0);
  for (let t = 0.01; t < 1; t += 0.01) {
    const r = unsureRates(rows, labels, Math.round(t * 100) / 100);
    if (r.rightFlagged <= maxRightFlagged) best = r;
    else break;
  }
  return best;
}
