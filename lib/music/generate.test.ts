// Generation through Magenta's own MusicRNN (Node bundle) with our shipped checkpoints: requested bars come back.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../errors';
import { generateClip } from './generate';
import { loadMusicRnnModule, serveDirectory, type StaticServer } from './test-helpers';

describe('generateClip with the shipped MusicRNN checkpoints', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDirectory();
  });
  afterAll(async () => {
    await server.close();
  });

  it('generates exactly the requested bars of melody in the model range, without leaking tensors', async () => {
    const { MusicRNN } = loadMusicRnnModule();
    const rnn = new MusicRNN(`${server.url}/models/music/melody_rnn`);
    await rnn.initialize();
    const before = tf.memory().numTensors;
    const out = await generateClip(rnn, { kind: 'melody', bars: 2, temperature: 1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(out.totalQuantizedSteps).toBe(32);
    expect(out.notes.length).toBeGreaterThan(0);
    for (const n of out.notes) {
      expect(n.quantizedEndStep).toBeLessThanOrEqual(32);
      expect(n.pitch).toBeGreaterThanOrEqual(48);
      expect(n.pitch).toBeLessThanOrEqual(83);
    }
    // Continuing keeps the primer and appends the new bars after it.
    const primer = [
      { pitch: 64, quantizedStartStep: 0, quantizedEndStep: 8 },
      { pitch: 67, quantizedStartStep: 8, quantizedEndStep: 16 },
    ];
    const cont = await generateClip(rnn, {
      kind: 'melody',
      bars: 1,
      temperature: 0.5,
      primer,
      primerSteps: 16,
    });
    expect(cont.totalQuantizedSteps).toBe(32);
    expect(cont.notes.slice(0, 2)).toEqual(primer);
    expect(cont.notes.slice(2).every((n) => n.quantizedStartStep >= 16 && n.quantizedEndStep <= 32)).toBe(
      true,
    );
    await expect(generateClip(rnn, { kind: 'melody', bars: 33, temperature: 1 })).rejects.toThrow(
      ConfigError,
    );
    rnn.dispose();
  }, 120_000);

  it('generates over a chord progression with the chord-conditioned model', async () => {
    const { MusicRNN } = loadMusicRnnModule();
    const rnn = new MusicRNN(`${server.url}/models/music/chord_melody_rnn`);
    await rnn.initialize();
    const out = await generateClip(rnn, {
      kind: 'melody',
      bars: 2,
      temperature: 1,
      chordProgression: ['C', 'G', 'Am', 'F'],
    });
    expect(out.totalQuantizedSteps).toBe(32);
    expect(out.notes.every((n) => n.pitch >= 48 && n.pitch <= 83 && n.quantizedEndStep <= 32)).toBe(true);
    await expect(
      generateClip(rnn, { kind: 'melody', bars: 1, temperature: 1, chordProgression: ['Xyz7'] }),
    ).rejects.toThrow();
    rnn.dispose();
  }, 120_000);

  it('generates drums as drum notes', async () => {
    const { MusicRNN } = loadMusicRnnModule();
    const rnn = new MusicRNN(`${server.url}/models/music/drum_rnn`);
    await rnn.initialize();
    const out = await generateClip(rnn, { kind: 'drums', bars: 1, temperature: 1 });
    expect(out.totalQuantizedSteps).toBe(16);
    expect(out.notes.every((n) => n.isDrum === true && n.quantizedStartStep < 16)).toBe(true);
    // A primer from a drum kit's own pitches (40 = electric snare, 21 = not a drum) continues cleanly.
    const cont = await generateClip(rnn, {
      kind: 'drums',
      bars: 1,
      temperature: 1,
      primer: [
        { pitch: 40, quantizedStartStep: 0, quantizedEndStep: 1 },
        { pitch: 21, quantizedStartStep: 2, quantizedEndStep: 3 },
        { pitch: 35, quantizedStartStep: 4, quantizedEndStep: 5 },
      ],
      primerSteps: 16,
    });
    expect(cont.notes.slice(0, 2).map((n) => n.pitch)).toEqual([38, 36]);
    expect(cont.notes.length).toBeGreaterThan(2);
    expect(cont.notes.every((n) => Number.isInteger(n.pitch) && n.pitch >= 22 && n.pitch <= 87)).toBe(true);
    await expect(
      generateClip(rnn, {
        kind: 'drums',
        bars: 1,
        temperature: 1,
        primer: [{ pitch: 100, quantizedStartStep: 0, quantizedEndStep: 1 }],
      }),
    ).rejects.toThrow(/drum/);
    rnn.dispose();
  }, 120_000);
});
