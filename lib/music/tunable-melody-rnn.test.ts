// The tfjs re-implementation of our melody MusicRNN: same probabilities as PyTorch (reference.json, the
// file Magenta's own MusicRNN is checked against), exact encodings, lossless export, no leaks.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { ConfigError } from '../errors';
import { readReference } from './music-rnn-parity';
import { readArtifacts } from './checkpoint-files.test-util';
import { maxAbsDiff } from './test-helpers';
import {
  artifactsToCheckpointFiles,
  eventsToMelody,
  melodyToEvents,
  TunableMelodyRnn,
} from './tunable-melody-rnn';

describe('TunableMelodyRnn', () => {
  const ref = readReference('models/music/melody_rnn');

  it('encodes and decodes melodies exactly as the training script did', () => {
    const ev = melodyToEvents(ref.notes, ref.totalQuantizedSteps, 48);
    expect(Array.from(ev)).toEqual(ref.primerEvents);
    expect(eventsToMelody(ev, 48).map((n) => [n.pitch, n.quantizedStartStep, n.quantizedEndStep])).toEqual(
      ref.notes.map((n) => [n.pitch, n.quantizedStartStep, n.quantizedEndStep]),
    );
  });

  it('gives the next-step probabilities PyTorch computed (1e-4) and the same greedy path', async () => {
    const model = new TunableMelodyRnn(readArtifacts());
    const { events, probs } = await model.continueEvents(ref.primerEvents, ref.steps, undefined, true);
    expect(events).toEqual(ref.expectedEvents);
    let worst = 0;
    probs.forEach((p, i) => (worst = Math.max(worst, maxAbsDiff(p, ref.expectedProbs[i]))));
    expect(worst).toBeLessThan(1e-4);
    model.dispose();
  });

  it('continues a sequence, exports its weights unchanged, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const art = readArtifacts();
    const model = new TunableMelodyRnn(art);
    const loaded = tf.memory().numTensors;
    const out = await model.continueSequence(
      {
        notes: ref.notes,
        totalQuantizedSteps: 32,
        quantizationInfo: { stepsPerQuarter: 4 },
      },
      32,
      1,
    );
    expect(out.totalQuantizedSteps).toBe(32);
    expect(out.notes.every((n) => n.pitch >= 48 && n.pitch <= 83 && n.quantizedEndStep <= 32)).toBe(true);
    expect(tf.memory().numTensors).toBe(loaded);
    const back = await model.toArtifacts();
    expect(Buffer.compare(Buffer.from(back.data), Buffer.from(art.data))).toBe(0);
    expect(back.specs).toEqual(art.specs);
    const files = artifactsToCheckpointFiles(back);
    expect(files.map((f) => f.name)).toEqual(['config.json', 'weights_manifest.json', 'group1-shard1of1']);
    await expect(
      model.continueSequence(
        { notes: [], totalQuantizedSteps: 16, quantizationInfo: { stepsPerQuarter: 4 } },
        4,
        1,
        ['C'],
      ),
    ).rejects.toThrow(ConfigError);
    model.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses checkpoints it cannot run', () => {
    const art = readArtifacts('models/music/chord_melody_rnn');
    expect(() => new TunableMelodyRnn(art)).toThrow(ConfigError);
  });
});
