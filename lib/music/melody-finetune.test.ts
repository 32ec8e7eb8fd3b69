// Fine-tuning the shipped melody model on a person's tune (tfjs CPU): a few updates lower the loss on
// held-out bars of that tune, cancel stops cleanly, and nothing leaks.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import { readArtifacts } from './checkpoint-files.test-util';
import { fineTuneMelodyRnn, makeFineTuneData, meanLoss } from './melody-finetune';
import { TunableMelodyRnn } from './tunable-melody-rnn';
import type { Note } from './types';

/** "Ode to Joy" (Beethoven, public domain), 4 bars in quarter notes, played four times: 16 bars. */
function odeToJoy(): { notes: Note[]; totalQuantizedSteps: number } {
  const bars = [64, 64, 65, 67, 67, 65, 64, 62, 60, 60, 62, 64, 64, 62, 62, 62];
  const notes: Note[] = [];
  for (let r = 0; r < 4; r++)
    bars.forEach((pitch, i) => {
      const s = r * 64 + i * 4;
      notes.push({ pitch, quantizedStartStep: s, quantizedEndStep: s + 4 });
    });
  return { notes, totalQuantizedSteps: 256 };
}

describe('fineTuneMelodyRnn', () => {
  it('splits each piece in time: the last quarter is validation', () => {
    const model = { minPitch: 48, maxPitch: 83 };
    const data = makeFineTuneData([odeToJoy()], model, { windowSteps: 32 });
    // 16 bars: 12 for training, 4 held out; validation windows score only steps from bar 12 on.
    expect(data.val.every((w) => w.start >= 11 * 16)).toBe(true);
    expect(data.valSteps).toBe(4 * 16);
    expect(data.train.every((w) => w.start + w.events.length <= 12 * 16)).toBe(true);
    expect(() =>
      makeFineTuneData([{ notes: odeToJoy().notes.slice(0, 4), totalQuantizedSteps: 16 }], model),
    ).toThrow(InputError);
  });

  it('a few updates lower the validation loss; no tensors leak; cancel keeps the model usable', async () => {
    const model = new TunableMelodyRnn(readArtifacts());
    const data = makeFineTuneData([odeToJoy()], model, { windowSteps: 32 });
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const res = await fineTuneMelodyRnn(model, data, {
      steps: 4,
      batchSize: 4,
      learningRate: 3e-3,
      evalEvery: 2,
      onEval: (_s, _t, v) => seen.push(v),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(res.steps).toBe(4);
    expect(res.cancelled).toBe(false);
    expect(seen.length).toBe(2);
    expect(res.valLossAfter).toBeLessThan(res.valLossBefore);

    // A far too large learning rate makes things worse: the best weights seen are kept.
    const wild = await fineTuneMelodyRnn(model, data, {
      steps: 2,
      batchSize: 4,
      learningRate: 0.5,
      evalEvery: 1,
    });
    expect(wild.valLossAfter).toBeLessThanOrEqual(wild.valLossBefore);
    expect(await meanLoss(model, data.val)).toBeCloseTo(wild.valLossAfter, 5);
    expect(tf.memory().numTensors).toBe(before);

    const ctrl = new AbortController();
    ctrl.abort();
    const cancelled = await fineTuneMelodyRnn(model, data, { steps: 5, signal: ctrl.signal });
    expect(cancelled).toMatchObject({ steps: 0, cancelled: true });
    expect(tf.memory().numTensors).toBe(before);
    const out = await model.continueSequence(
      {
        notes: odeToJoy().notes.slice(0, 8),
        totalQuantizedSteps: 32,
        quantizationInfo: { stepsPerQuarter: 4 },
      },
      16,
      1,
    );
    expect(out.totalQuantizedSteps).toBe(16);
    model.dispose();
  }, 120_000);
});
