// "Learn from my MIDI": cut a person's melodies into training and validation windows and fine-tune a
// TunableMelodyRnn on them with Adam for a time budget, reporting plain numbers and stopping on abort.
import * as tf from '@tensorflow/tfjs';

import { ConfigError, InputError } from '../errors';
import { STEPS_PER_BAR } from './music-constants';
import { fitToRange, makeMonophonic } from './sequences';
import { melodyToEvents, type EventWindow, type TunableMelodyRnn } from './tunable-melody-rnn';
import type { Note } from './types';

/** One piece of music to learn from (a clip or an uploaded .mid). */
export interface MelodySource {
  notes: readonly Note[];
  totalQuantizedSteps: number;
}

/** Windows for training and for measuring the validation loss. */
export interface FineTuneData {
  train: EventWindow[];
  val: EventWindow[];
  /** Predicted steps in each set (the loss is their mean). */
  trainSteps: number;
  valSteps: number;
}

/** Options of {@link makeFineTuneData}. */
export interface FineTuneDataOptions {
  /** Predicted steps per window. Defaults to 64 (4 bars). */
  windowSteps?: number;
  /** Share of each piece, from its end, kept for validation (whole bars). Defaults to 0.25. */
  valFraction?: number;
}

function windowsOf(
  ev: Int32Array,
  from: number,
  to: number,
  W: number,
  maskFrom: number,
  stride: number,
): EventWindow[] {
  const out: EventWindow[] = [];
  for (let s = from; s < to - 1; s += stride) {
    const e = Math.min(to, s + W + 1);
    const events = ev.slice(s, e);
    const mask = new Float32Array(events.length - 1);
    for (let t = 0; t < mask.length; t++) mask[t] = s + t + 1 >= maskFrom ? 1 : 0;
    if (mask.some((m) => m > 0)) out.push({ events, start: s, mask });
    if (e === to) break;
  }
  return out;
}

/**
 * Turns melodies into windows of `windowSteps` predicted steps, starting on each bar line. Each piece is
 * reduced to one line, moved by octaves into the model's range, and split in time: the last
 * `valFraction` of its bars is validation (its windows read the bar before it as context but are
 * scored only on the held-out bars), so the validation loss is measured on notes training never saw.
 */
export function makeFineTuneData(
  sources: readonly MelodySource[],
  model: Pick<TunableMelodyRnn, 'minPitch' | 'maxPitch'>,
  options: FineTuneDataOptions = {},
): FineTuneData {
  const W = options.windowSteps ?? 64;
  const frac = options.valFraction ?? 0.25;
  if (!Number.isInteger(W) || W < 8 || W > 256)
    throw new ConfigError('windowSteps', W, 'a whole number 8–256');
  if (!(frac > 0 && frac < 1)) throw new ConfigError('valFraction', frac, 'between 0 and 1');
  const train: EventWindow[] = [];
  const val: EventWindow[] = [];
  for (const src of sources) {
    const line = makeMonophonic(src.notes.filter((n) => !n.isDrum));
    if (line.length < 2) continue;
    const fit = fitToRange(line, model.minPitch, model.maxPitch).notes;
    const total = Math.max(src.totalQuantizedSteps, ...fit.map((n) => n.quantizedEndStep));
    const ev = melodyToEvents(fit, total, model.minPitch);
    const bars = Math.floor(total / STEPS_PER_BAR);
    const valBars = bars >= 4 ? Math.max(1, Math.round(bars * frac)) : 0;
    const cut = (bars - valBars) * STEPS_PER_BAR;
    // Training windows start on every bar line (overlapping); validation windows tile the held-out bars
    // so each held-out step is scored exactly once.
    train.push(...windowsOf(ev, 0, valBars ? cut : total, W, 0, STEPS_PER_BAR));
    if (valBars) val.push(...windowsOf(ev, cut - STEPS_PER_BAR, total, W, cut, W));
  }
  if (!train.length || !val.length)
    throw new InputError(
      'There is too little music to learn from: use melodies of at least 4 bars in all (the last quarter of each is kept to test the model).',
      'melodies',
    );
  const count = (ws: EventWindow[]) => ws.reduce((s, w) => s + w.mask.reduce((a, m) => a + m, 0), 0);
  return { train, val, trainSteps: count(train), valSteps: count(val) };
}

/** Mean loss over windows (nats per predicted step), in batches. */
export async function meanLoss(
  model: TunableMelodyRnn,
  windows: readonly EventWindow[],
  batch = 16,
): Promise<number> {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < windows.length; i += batch) {
    const part = windows.slice(i, i + batch);
    const steps = part.reduce((s, w) => s + w.mask.reduce((a, m) => a + m, 0), 0);
    sum += (await model.loss(part)) * steps;
    n += steps;
  }
  return n ? sum / n : NaN;
}

/** Options of {@link fineTuneMelodyRnn}. */
export interface FineTuneOptions {
  /** Most updates to run. Defaults to 200. */
  steps?: number;
  /** Wall-clock budget in ms; training stops after the update that passes it. Defaults to 60 000. */
  timeLimitMs?: number;
  /** Adam learning rate. Defaults to 0.001 (small: the model already knows melodies). */
  learningRate?: number;
  /** Windows per update. Defaults to 8. */
  batchSize?: number;
  /** Measure the validation loss every this many updates (and at the end). Defaults to 10. */
  evalEvery?: number;
  /**
   * Keep the weights of the best validation loss seen (the starting weights count), as the training
   * scripts do: a few tunes are easy to over-learn. Defaults to true.
   */
  keepBest?: boolean;
  /** Seed of the window order. Defaults to 1. */
  seed?: number;
  signal?: AbortSignal;
  /** After each update: updates done, the planned most, training loss of the batch. */
  onStep?: (step: number, steps: number, loss: number) => void;
  /** After each validation: updates done, training loss (mean since the last), validation loss. */
  onEval?: (step: number, trainLoss: number, valLoss: number) => void;
}

/** What a fine-tuning run did. */
export interface FineTuneResult {
  /** Validation loss before the first update and of the weights kept (nats per step). */
  valLossBefore: number;
  valLossAfter: number;
  /** Updates run, and how many of them the kept weights had (== steps without keepBest). */
  steps: number;
  bestStep: number;
  cancelled: boolean;
}

/** A seeded shuffle (mulberry32) so a run's window order is reproducible. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Fine-tunes the model in place with Adam (gradient norm clipped to 1) on the training windows until
 * `steps` updates, the time budget or an abort. The model stays usable after a cancel. A NaN or
 * infinite loss stops training with an error.
 */
export async function fineTuneMelodyRnn(
  model: TunableMelodyRnn,
  data: FineTuneData,
  options: FineTuneOptions = {},
): Promise<FineTuneResult> {
  const steps = options.steps ?? 200;
  const limit = options.timeLimitMs ?? 60_000;
  const lr = options.learningRate ?? 1e-3;
  const batch = options.batchSize ?? 8;
  const evalEvery = options.evalEvery ?? 10;
  if (!Number.isInteger(steps) || steps < 1) throw new ConfigError('steps', steps, 'a whole number ≥ 1');
  if (!(lr > 0 && lr < 1)) throw new ConfigError('learningRate', lr, 'between 0 and 1');
  if (!Number.isInteger(batch) || batch < 1) throw new ConfigError('batchSize', batch, 'a whole number ≥ 1');
  const valLossBefore = await meanLoss(model, data.val);
  const optimizer = tf.train.adam(lr);
  const vars = model.trainableVariables;
  // The starting weights, to go back to if no update lowers the validation loss (owned by this run).
  const start = (options.keepBest ?? true) ? vars.map((v) => tf.clone(v)) : null;
  const restoreStart = () => start?.forEach((t, i) => vars[i].assign(t));
  const t0 = Date.now();
  let order = shuffled(data.train, options.seed ?? 1);
  let cursor = 0;
  let done = 0;
  let sinceEval = 0;
  let sumSinceEval = 0;
  const keepBest = options.keepBest ?? true;
  let best = { loss: valLossBefore, step: 0, weights: null as tf.Tensor[] | null };
  let last = { loss: valLossBefore, step: 0 };
  const validate = async () => {
    const loss = await meanLoss(model, data.val);
    last = { loss, step: done };
    options.onEval?.(done, sumSinceEval / sinceEval, loss);
    sinceEval = 0;
    sumSinceEval = 0;
    if (keepBest && loss < best.loss) {
      if (best.weights) tf.dispose(best.weights);
      // Copies owned by this run until it ends.
      best = { loss, step: done, weights: vars.map((v) => tf.clone(v)) };
    }
  };
  try {
    while (done < steps && !options.signal?.aborted) {
      if (cursor + batch > order.length) {
        order = shuffled(data.train, (options.seed ?? 1) + done + 1);
        cursor = 0;
      }
      const part = order.slice(cursor, cursor + batch);
      cursor += batch;
      const lossValue = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => model.lossTensor(part), vars);
        const names = Object.keys(grads);
        // Clip the global gradient norm to 1 (as the PyTorch training does): small data, big steps otherwise.
        const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n])))));
        const scale = tf.div(1, tf.maximum(norm, 1));
        optimizer.applyGradients(Object.fromEntries(names.map((n) => [n, tf.mul(grads[n], scale)])));
        return value;
      });
      const loss = (await lossValue.data())[0];
      lossValue.dispose();
      if (!Number.isFinite(loss))
        throw new InputError(
          `Training stopped: the loss became ${loss}. Try a smaller learning rate.`,
          'loss',
        );
      done++;
      sinceEval++;
      sumSinceEval += loss;
      options.onStep?.(done, steps, loss);
      const outOfTime = Date.now() - t0 > limit;
      if (done % evalEvery === 0 || done === steps || outOfTime) {
        await validate();
      }
      if (outOfTime) break;
      // Let the page paint between updates.
      await tf.nextFrame();
    }
    if (sinceEval > 0) await validate();
    if (keepBest && last.loss > best.loss) {
      // Back to the best weights: the starting ones when no update helped.
      if (best.weights) vars.forEach((v, i) => v.assign(best.weights![i]));
      else restoreStart();
    }
  } finally {
    optimizer.dispose();
    if (best.weights) tf.dispose(best.weights);
    if (start) tf.dispose(start);
  }
  const kept = keepBest && last.loss > best.loss ? best : last;
  return {
    valLossBefore,
    valLossAfter: kept.loss,
    steps: done,
    bestStep: kept.step,
    cancelled: !!options.signal?.aborted,
  };
}
