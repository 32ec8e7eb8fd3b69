// The training loop: seeded shuffles, trainOnBatch per batch, cancellation, early stopping,
// divergence guard and per-epoch validation, reporting plain numbers only.
import * as tf from '@tensorflow/tfjs';
import { createRng, range, shuffleInPlace } from '../data';
import { ConfigError, InputError, TrainingDivergedError } from '../errors';
import { classificationKindOf, setLearningRate, type ClassificationKind } from '../models';
import { BINARY_THRESHOLD } from './constants';
import { resolveTrainOptions } from './options';
import type { EpochLogs, TrainData, TrainHistory, TrainOptions, TrainResult } from './types';

/** Batch size used when predicting or evaluating whole sets (no gradients, so it can be large). */
const EVAL_BATCH_SIZE = 256;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function checkPair(what: string, x: tf.Tensor, y: tf.Tensor): number {
  if (!(x instanceof tf.Tensor) || !(y instanceof tf.Tensor)) {
    throw new InputError(`${what}: x and y must be tensors.`);
  }
  if (x.isDisposed || y.isDisposed) throw new InputError(`${what}: a tensor was already disposed.`);
  const n = x.shape[0];
  if (y.shape[0] !== n) {
    throw new InputError(`${what}: x has ${n} examples but y has ${y.shape[0]}. They must match.`);
  }
  if (n === 0) throw new InputError(`${what}: there are no examples.`);
  return n;
}

/** Gathers rows `idx` of `t` into a new tensor the caller owns. */
function gatherRows(t: tf.Tensor, idx: number[]): tf.Tensor {
  return tf.tidy(() => tf.gather(t, tf.tensor1d(idx, 'int32')));
}

/** Fraction of correct predictions on (x, y), computed in tensors and read back once. */
export async function accuracyOn(
  model: tf.LayersModel,
  x: tf.Tensor,
  y: tf.Tensor,
  kind: Exclude<ClassificationKind, null>,
): Promise<number> {
  const acc = tf.tidy(() => {
    const p = model.predict(x, { batchSize: EVAL_BATCH_SIZE }) as tf.Tensor;
    let hit: tf.Tensor;
    if (kind === 'categorical') {
      hit = tf.equal(tf.argMax(p, -1), tf.argMax(y, -1));
    } else if (kind === 'sparse') {
      // Labels may be [n] or [n, 1]; line them up with the argmax over classes.
      const labels = tf.cast(tf.reshape(y, p.shape.slice(0, -1)), 'int32');
      hit = tf.equal(tf.argMax(p, -1), labels);
    } else {
      hit = tf.equal(tf.greaterEqual(p, BINARY_THRESHOLD), tf.greaterEqual(y, BINARY_THRESHOLD));
    }
    return tf.mean(tf.cast(hit, 'float32'));
  });
  try {
    return (await acc.data())[0];
  } finally {
    acc.dispose();
  }
}

async function evaluateLoss(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const out = model.evaluate(x, y, { batchSize: EVAL_BATCH_SIZE });
  const all = Array.isArray(out) ? out : [out];
  try {
    return (await all[0].data())[0];
  } finally {
    tf.dispose(all);
  }
}

/**
 * Trains a compiled model. Runs its own loop over `model.trainOnBatch` so that shuffles are
 * seeded (model.fit shuffles with Math.random), cancellation lands between batches and the
 * UI gets a frame (`tf.nextFrame`) every `yieldEvery` batches. Because model.fit is not used
 * there is no callback list, so the tfjs rule about including a CustomCallback does not apply.
 *
 * The caller owns `data` and the model; nothing passed in is disposed. Callbacks receive plain
 * numbers; `epoch` and `batch` count from 0.
 * @throws ConfigError for bad options or an uncompiled model.
 * @throws InputError when x and y do not line up.
 * @throws TrainingDivergedError when a loss becomes NaN or ±Infinity (its epoch counts from 1).
 */
export async function train(
  model: tf.LayersModel,
  data: TrainData,
  options: Partial<TrainOptions> = {},
): Promise<TrainResult> {
  const o = resolveTrainOptions(options);
  const start = now();
  if (!model.optimizer) {
    throw new ConfigError('model', model.name, 'a compiled model (call compileModel first)');
  }
  const n = checkPair('Training data', data.x, data.y);
  if (data.validation) checkPair('Validation data', data.validation.x, data.validation.y);
  const hasValidation = data.validation !== undefined || o.validationSplit > 0;
  if (o.earlyStopping?.monitor === 'valLoss' && !hasValidation) {
    throw new ConfigError(
      'earlyStopping.monitor',
      'valLoss',
      "'loss', or give validation data or a validationSplit above 0",
    );
  }
  if (o.learningRate !== undefined) setLearningRate(model.optimizer, o.learningRate);
  const accKind: ClassificationKind =
    o.accuracy === 'auto' ? classificationKindOf(model.loss) : o.accuracy === 'none' ? null : o.accuracy;

  const rng = createRng(o.seed);
  const owned: tf.Tensor[] = [];
  let snapshot: tf.Tensor[] | null = null;
  const history: TrainHistory = { loss: [] };
  if (accKind) history.acc = [];
  if (hasValidation) history.valLoss = [];
  if (hasValidation && accKind) history.valAcc = [];
  let epochsRun = 0;
  let cancelled = false;
  let stoppedEarly = false;

  try {
    let trainX = data.x;
    let trainY = data.y;
    let valX = data.validation?.x;
    let valY = data.validation?.y;
    if (!data.validation && o.validationSplit > 0) {
      if (n < 2) throw new InputError('A validation split needs at least 2 examples.');
      const order = shuffleInPlace(range(n), rng);
      const nVal = Math.min(n - 1, Math.max(1, Math.round(n * o.validationSplit)));
      const trainIdx = order.slice(0, n - nVal);
      const valIdx = order.slice(n - nVal);
      // Owned by this call; disposed in `finally`.
      trainX = gatherRows(data.x, trainIdx);
      trainY = gatherRows(data.y, trainIdx);
      valX = gatherRows(data.x, valIdx);
      valY = gatherRows(data.y, valIdx);
      owned.push(trainX, trainY, valX, valY);
    }
    const nTrain = trainX.shape[0];
    const batches = Math.ceil(nTrain / o.batchSize);
    let best = Infinity;
    let wait = 0;

    for (let epoch = 0; epoch < o.epochs && !cancelled; epoch++) {
      const order = range(nTrain);
      if (o.shuffle) shuffleInPlace(order, rng);
      let lossSum = 0;
      for (let b = 0; b < batches; b++) {
        if (o.signal?.aborted) {
          cancelled = true;
          break;
        }
        const idx = order.slice(b * o.batchSize, (b + 1) * o.batchSize);
        const xb = gatherRows(trainX, idx);
        const yb = gatherRows(trainY, idx);
        let out: number | number[];
        try {
          out = await model.trainOnBatch(xb, yb);
        } finally {
          tf.dispose([xb, yb]);
        }
        const loss = Array.isArray(out) ? out[0] : out;
        if (!Number.isFinite(loss)) throw new TrainingDivergedError(epoch + 1, loss);
        lossSum += loss * idx.length;
        await o.onBatchEnd?.(b, { loss });
        if ((b + 1) % o.yieldEvery === 0) await tf.nextFrame();
      }
      if (cancelled) break;

      const logs: EpochLogs = { loss: lossSum / nTrain };
      if (accKind) logs.acc = await accuracyOn(model, trainX, trainY, accKind);
      if (valX && valY) {
        logs.valLoss = await evaluateLoss(model, valX, valY);
        if (!Number.isFinite(logs.valLoss)) throw new TrainingDivergedError(epoch + 1, logs.valLoss);
        if (accKind) logs.valAcc = await accuracyOn(model, valX, valY, accKind);
      }
      history.loss.push(logs.loss);
      if (logs.acc !== undefined) history.acc?.push(logs.acc);
      if (logs.valLoss !== undefined) history.valLoss?.push(logs.valLoss);
      if (logs.valAcc !== undefined) history.valAcc?.push(logs.valAcc);
      epochsRun = epoch + 1;

      const es = o.earlyStopping;
      if (es) {
        const current = (es.monitor === 'valLoss' ? logs.valLoss : logs.loss) as number;
        if (current < best - es.minDelta) {
          best = current;
          wait = 0;
          if (es.restoreBest) {
            tf.dispose(snapshot ?? []);
            // Clones hold the current values; later optimizer steps assign new ones to the variables.
            snapshot = model.getWeights().map((w) => w.clone());
          }
        } else if (++wait >= es.patience) {
          stoppedEarly = true;
        }
      }
      await o.onEpochEnd?.(epoch, logs);
      if (stoppedEarly) break;
    }
    if (stoppedEarly && snapshot) model.setWeights(snapshot);
  } finally {
    tf.dispose(owned);
    tf.dispose(snapshot ?? []);
  }
  return { history, epochsRun, cancelled, stoppedEarly, ms: now() - start };
}
