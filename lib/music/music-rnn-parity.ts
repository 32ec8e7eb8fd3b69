// Shared Vitest suite: a MusicRNN checkpoint in public/ must load in Magenta's own MusicRNN and
// reproduce the probabilities the training script computed with PyTorch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PUBLIC_DIR,
  loadMusicRnnModule,
  maxAbsDiff,
  serveDirectory,
  toNoteSequence,
  type QuantizedNotes,
  type StaticServer,
} from './test-helpers';

/** reference.json written by scripts/music/train_*.py beside each checkpoint. */
export interface MusicRnnReference extends QuantizedNotes {
  primerEvents: number[];
  steps: number;
  expectedEvents: number[];
  expectedProbs: number[][];
  /** Chord symbols for chord-conditioned models, spread over primer + steps like Magenta does. */
  chordProgression?: string[];
}

/** What the suite checks for one checkpoint folder. */
export interface MusicRnnParityOptions {
  /** Folder under public/, e.g. `models/music/melody_rnn`. */
  modelDir: string;
  /** Output depth of the data converter (one-hot classes). */
  depth: number;
  /** Largest allowed |Magenta − PyTorch| over all probabilities. Defaults to 1e-4. */
  tolerance?: number;
  /** Extra check on a sampled continuation (pitches in range, drum flags...). */
  checkSample?: (seq: { notes?: { pitch?: number | null }[] | null }) => void;
}

/** Loads the reference file of a checkpoint folder. */
export function readReference(modelDir: string): MusicRnnReference {
  return JSON.parse(readFileSync(path.join(PUBLIC_DIR, modelDir, 'reference.json'), 'utf8'));
}

/** Registers the parity, length and leak tests for one MusicRNN checkpoint. */
export function describeMusicRnnParity(opts: MusicRnnParityOptions): void {
  const ref = readReference(opts.modelDir);
  const tolerance = opts.tolerance ?? 1e-4;
  const chords = ref.chordProgression;

  describe(`${opts.modelDir} in Magenta MusicRNN`, () => {
    let server: StaticServer;
    const { MusicRNN } = loadMusicRnnModule();
    const url = () => `${server.url}/${opts.modelDir}`;

    beforeAll(async () => {
      server = await serveDirectory();
    });
    afterAll(async () => {
      await server.close();
    });

    it(`gives the next-step probabilities PyTorch computed (${tolerance})`, async () => {
      const model = new MusicRNN(url());
      await model.initialize();
      const { sequence, probs } = await model.continueSequenceAndReturnProbabilities(
        toNoteSequence(ref),
        ref.steps,
        undefined,
        chords,
      );
      expect(probs.length).toBe(ref.steps);
      expect(probs[0].length).toBe(opts.depth);
      let worst = 0;
      probs.forEach((p, i) => {
        worst = Math.max(worst, maxAbsDiff(p, ref.expectedProbs[i]));
        // Magenta samples argmax without a temperature; PyTorch's greedy path must be the same one.
        expect(Array.from(p).indexOf(Math.max(...p))).toBe(ref.expectedEvents[i]);
      });
      expect(worst).toBeLessThan(tolerance);
      const out = await sequence;
      expect(out.totalQuantizedSteps).toBe(ref.steps);
      model.dispose();
    });

    it('continueSequence returns the requested number of steps', async () => {
      const model = new MusicRNN(url());
      await model.initialize();
      const out = await model.continueSequence(toNoteSequence(ref), 48, 1.0, chords);
      expect(out.totalQuantizedSteps).toBe(48);
      for (const n of out.notes ?? []) {
        expect(n.quantizedStartStep ?? 0).toBeLessThan(48);
        expect(n.quantizedEndStep ?? 0).toBeLessThanOrEqual(48);
      }
      opts.checkSample?.(out);
      model.dispose();
    });

    it('leaks no tensors: generation keeps the count, dispose frees the weights', async () => {
      const before = tf.memory().numTensors;
      const model = new MusicRNN(url());
      await model.initialize();
      const loaded = tf.memory().numTensors;
      expect(loaded).toBeGreaterThan(before);
      await model.continueSequence(toNoteSequence(ref), 16, 1.0, chords);
      await model.continueSequenceAndReturnProbabilities(toNoteSequence(ref), 8, undefined, chords);
      expect(tf.memory().numTensors).toBe(loaded);
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
