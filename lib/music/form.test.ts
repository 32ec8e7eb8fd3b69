// Melodies with form from the shipped melody_rnn (Magenta's own MusicRNN): the A phrases really repeat.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../errors';
import { formFits, generateClipWithForm, generateWithForm } from './form';
import { motifRepetition } from './melody-metrics';
import { shiftNotes } from './sequences';
import { loadMusicRnnModule, serveDirectory, type StaticServer } from './test-helpers';
import type { Note } from './types';

const inRange = (notes: readonly Note[], from: number, to: number) =>
  shiftNotes(
    notes.filter((n) => n.quantizedStartStep >= from && n.quantizedStartStep < to),
    -from,
  ).map((n) => [n.pitch, n.quantizedStartStep, n.quantizedEndStep]);

describe('generateWithForm with the shipped melody_rnn', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDirectory();
  });
  afterAll(async () => {
    await server.close();
  });

  it('AABA repeats A note for note, B differs, and motifs repeat; no tensors leak', async () => {
    const { MusicRNN } = loadMusicRnnModule();
    const rnn = new MusicRNN(`${server.url}/models/music/melody_rnn`);
    await rnn.initialize();
    const before = tf.memory().numTensors;
    const out = await generateWithForm(rnn, { form: 'AABA', bars: 16, temperature: 1, varyLastA: false });
    expect(tf.memory().numTensors).toBe(before);
    const P = 64;
    expect(out.totalQuantizedSteps).toBe(4 * P);
    expect(out.sections.map((s) => s.label).join('')).toBe('AABA');
    const a = inRange(out.notes, 0, P);
    expect(a.length).toBeGreaterThan(3);
    expect(inRange(out.notes, P, 2 * P)).toEqual(a);
    expect(inRange(out.notes, 3 * P, 4 * P)).toEqual(a);
    expect(inRange(out.notes, 2 * P, 3 * P)).not.toEqual(a);
    expect(out.notes.every((n) => n.quantizedEndStep <= 4 * P && n.pitch >= 48 && n.pitch <= 83)).toBe(true);
    // Motifs come back: one AABA melody's motif repetition varies with how busy A is (measured
    // 0.42–0.75 over 40 melodies, mean 0.63, sd ~0.08; one melody fell under 0.5 in 1 of 10), so the
    // mean of six is checked (sd ~0.033: a working form falls under 0.5 far less than 1 in 10,000).
    const repetition = [motifRepetition(out.notes)];
    for (let i = 0; i < 5; i++) {
      const more = await generateWithForm(rnn, { form: 'AABA', bars: 16, temperature: 1, varyLastA: false });
      repetition.push(motifRepetition(more.notes));
    }
    expect(repetition.reduce((a, b) => a + b, 0) / repetition.length).toBeGreaterThanOrEqual(0.5);

    // A varied last A keeps A's first three bars and rewrites its last bar.
    const varied = await generateWithForm(rnn, { form: 'AABB', bars: 16, temperature: 1 });
    expect(varied.sections.map((s) => [s.label, s.varied])).toEqual([
      ['A', false],
      ['A', true],
      ['B', false],
      ['B', false],
    ]);
    // (A note held over the cut ends there: compare pitches and onsets.)
    const onsets = (from: number) => inRange(varied.notes, from, from + 48).map(([p, s]) => [p, s]);
    expect(onsets(P)).toEqual(onsets(0));
    expect(inRange(varied.notes, 3 * P, 4 * P)).toEqual(inRange(varied.notes, 2 * P, 3 * P));
    expect(tf.memory().numTensors).toBe(before);

    await expect(generateWithForm(rnn, { form: 'AABA', bars: 6, temperature: 1 })).rejects.toThrow(
      ConfigError,
    );
    rnn.dispose();
  }, 120_000);

  it('the studio path applies a form only to a fresh melody of a fitting length', async () => {
    const { MusicRNN } = loadMusicRnnModule();
    const rnn = new MusicRNN(`${server.url}/models/music/melody_rnn`);
    await rnn.initialize();
    const formed = await generateClipWithForm(rnn, { kind: 'melody', bars: 8, temperature: 1, form: 'AABB' });
    expect(formed.sections?.map((s) => s.label).join('')).toBe('AABB');
    const odd = await generateClipWithForm(rnn, { kind: 'melody', bars: 6, temperature: 1, form: 'AABA' });
    expect(odd.sections).toBeUndefined();
    expect(odd.totalQuantizedSteps).toBe(96);
    rnn.dispose();
  }, 120_000);

  it('knows which lengths carry a form', () => {
    expect([4, 8, 12, 16, 18, 32, 36].map(formFits)).toEqual([false, true, true, true, false, true, false]);
  });
});
