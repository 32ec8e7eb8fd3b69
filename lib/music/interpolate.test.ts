// Interpolation through Magenta's own MusicVAE (Node bundle) with our shipped mel_2bar_vae checkpoint.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import { interpolateMelodies, VAE_STEPS } from './interpolate';
import { loadMusicVaeModule, serveDirectory, type StaticServer } from './test-helpers';

describe('interpolateMelodies with the shipped mel_2bar_vae', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDirectory();
  });
  afterAll(async () => {
    await server.close();
  });

  it('returns steps + 2 two-bar parts, each in range, without leaking tensors', async () => {
    const { MusicVAE } = loadMusicVaeModule();
    const vae = new MusicVAE(`${server.url}/models/music/mel_2bar_vae`);
    await vae.initialize();
    const up = [60, 62, 64, 65, 67, 69, 71, 72].map((p, i) => ({
      pitch: p,
      quantizedStartStep: i * 4,
      quantizedEndStep: i * 4 + 4,
    }));
    // An octave too low on purpose: it is fitted into range, not refused.
    const down = [...up]
      .reverse()
      .map((n, i) => ({ ...n, pitch: n.pitch - 24, quantizedStartStep: i * 4, quantizedEndStep: i * 4 + 4 }));
    const before = tf.memory().numTensors;
    const out = await interpolateMelodies(vae, up, down, 3);
    expect(tf.memory().numTensors).toBe(before);
    expect(out.parts).toBe(5);
    expect(out.totalQuantizedSteps).toBe(5 * VAE_STEPS);
    expect(out.notes.length).toBeGreaterThan(0);
    for (const n of out.notes) {
      expect(n.pitch).toBeGreaterThanOrEqual(48);
      expect(n.pitch).toBeLessThanOrEqual(83);
      expect(n.quantizedStartStep).toBeLessThan(out.totalQuantizedSteps);
    }
    await expect(interpolateMelodies(vae, [], down, 3)).rejects.toThrow(InputError);
    vae.dispose();
  }, 120_000);
});
