// Our PyTorch-trained 2-bar melody MusicVAE, loaded and run by Magenta's own MusicVAE in Node.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PUBLIC_DIR,
  loadMusicVaeModule,
  maxAbsDiff,
  serveDirectory,
  toNoteSequence,
  type StaticServer,
} from './test-helpers';

const MODEL_DIR = process.env.MEL_2BAR_VAE_DIR ?? 'models/music/mel_2bar_vae';

interface VaeReference {
  stepsPerQuarter: number;
  inputs: {
    notes: { pitch: number; quantizedStartStep: number; quantizedEndStep: number }[];
    totalQuantizedSteps: number;
    events: number[];
  }[];
  expectedZ: number[][];
  expectedDecodedEvents: number[][];
}

const ref: VaeReference = JSON.parse(readFileSync(path.join(PUBLIC_DIR, MODEL_DIR, 'reference.json'), 'utf8'));
const inputs = ref.inputs.map((i) => toNoteSequence({ ...i, stepsPerQuarter: ref.stepsPerQuarter }));

/** Melody events (0 none, 1 off, 2+ pitch − 48) of a decoded NoteSequence, as Magenta's converter writes them. */
function eventsOf(seq: { notes?: { pitch?: number | null; quantizedStartStep?: number | null; quantizedEndStep?: number | null }[] | null }, steps: number): number[] {
  const ev = new Array<number>(steps).fill(0);
  for (const n of seq.notes ?? []) {
    if ((n.quantizedEndStep ?? 0) < steps) ev[n.quantizedEndStep ?? 0] = 1;
  }
  for (const n of seq.notes ?? []) ev[n.quantizedStartStep ?? 0] = (n.pitch ?? 0) - 48 + 2;
  return ev;
}

describe(`${MODEL_DIR} in Magenta MusicVAE`, () => {
  let server: StaticServer;
  const { MusicVAE } = loadMusicVaeModule();

  beforeAll(async () => {
    server = await serveDirectory();
  });
  afterAll(async () => {
    await server.close();
  });

  it('encodes to the z PyTorch computed (1e-4) and decodes z greedily to the same melody', async () => {
    const model = new MusicVAE(`${server.url}/${MODEL_DIR}`);
    await model.initialize();
    const z = await model.encode(inputs);
    expect(z.shape).toEqual([2, ref.expectedZ[0].length]);
    expect(maxAbsDiff(await z.data(), ref.expectedZ.flat())).toBeLessThan(1e-4);
    const decoded = await model.decode(z);
    z.dispose();
    expect(decoded.length).toBe(2);
    decoded.forEach((seq, i) => {
      expect(seq.totalQuantizedSteps).toBe(32);
      // A note-off right before a note-on is not visible in a NoteSequence, so compare onsets and pitches.
      const got = eventsOf(seq, 32).map((e) => (e >= 2 ? e : 0));
      const want = ref.expectedDecodedEvents[i].map((e) => (e >= 2 ? e : 0));
      expect(got).toEqual(want);
    });
    model.dispose();
  });

  it('interpolates between two melodies: 4 sequences of 2 bars, ends near the inputs', async () => {
    const model = new MusicVAE(`${server.url}/${MODEL_DIR}`);
    await model.initialize();
    const out = await model.interpolate(inputs, 4);
    expect(out.length).toBe(4);
    for (const seq of out) {
      expect(seq.totalQuantizedSteps).toBe(32);
      for (const n of seq.notes ?? []) {
        expect(n.pitch).toBeGreaterThanOrEqual(48);
        expect(n.pitch).toBeLessThanOrEqual(83);
      }
    }
    const onsets = (s: (typeof out)[number]) => eventsOf(s, 32).map((e) => (e >= 2 ? e : 0));
    expect(onsets(out[0])).toEqual(ref.expectedDecodedEvents[0].map((e) => (e >= 2 ? e : 0)));
    expect(onsets(out[3])).toEqual(ref.expectedDecodedEvents[1].map((e) => (e >= 2 ? e : 0)));
    const sampled = await model.sample(2, 0.5);
    expect(sampled.length).toBe(2);
    model.dispose();
  });

  it('leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const model = new MusicVAE(`${server.url}/${MODEL_DIR}`);
    await model.initialize();
    const loaded = tf.memory().numTensors;
    const z = await model.encode(inputs);
    await model.decode(z);
    z.dispose();
    await model.interpolate(inputs, 3);
    expect(tf.memory().numTensors).toBe(loaded);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
