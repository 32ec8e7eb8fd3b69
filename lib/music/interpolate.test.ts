// Interpolation through Magenta's own MusicVAE (Node bundle) with our shipped mel_2bar_vae checkpoint.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import { ConfigError } from '../errors';
import { interpolateMelodies, VAE_STEPS, varyMelody } from './interpolate';
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

  it('varies a melody: similarity 1 gives back its own reconstruction, lower similarity moves away', async () => {
    const { MusicVAE } = loadMusicVaeModule();
    const vae = new MusicVAE(`${server.url}/models/music/mel_2bar_vae`);
    await vae.initialize();
    const tune = [60, 64, 67, 72, 67, 64, 60, 62].map((p, i) => ({
      pitch: p,
      quantizedStartStep: i * 4,
      quantizedEndStep: i * 4 + 4,
    }));
    const key = (notes: { pitch: number; quantizedStartStep: number }[]) =>
      notes.map((n) => `${n.pitch}@${n.quantizedStartStep}`).join(' ');
    const before = tf.memory().numTensors;
    const same = await varyMelody(vae, tune, 3, 1, 0.01);
    const far = await varyMelody(vae, tune, 6, 0, 1);
    expect(tf.memory().numTensors).toBe(before);
    expect(same).toHaveLength(3);
    expect(far).toHaveLength(6);
    // At similarity 1 every sample is the melody's own code, so the (near-greedy) decodes agree.
    expect(new Set(same.map((v) => key(v.notes))).size).toBe(1);
    // Far from it, the decodes differ from each other.
    expect(new Set(far.map((v) => key(v.notes))).size).toBeGreaterThan(1);
    for (const v of [...same, ...far]) {
      expect(v.totalQuantizedSteps).toBe(VAE_STEPS);
      expect(v.notes.every((n) => n.pitch >= 48 && n.pitch <= 83 && n.quantizedStartStep < VAE_STEPS)).toBe(
        true,
      );
    }
    // The trained VAE keeps the melody's rhythm: most of its note starts come back.
    const onsets = new Set(tune.map((n) => n.quantizedStartStep));
    const kept = same[0].notes.filter((n) => onsets.has(n.quantizedStartStep)).length;
    expect(kept).toBeGreaterThanOrEqual(6);
    await expect(varyMelody(vae, tune, 0, 0.5)).rejects.toThrow(ConfigError);
    await expect(varyMelody(vae, tune, 2, 1.5)).rejects.toThrow(ConfigError);
    vae.dispose();
  }, 120_000);
});
