// Our PyTorch-trained GrooVAEs run by Magenta's own MusicVAE in Node: parity with the saved reference,
// and grooveClip / drumifyClip on real models (ranges, velocities, timing, memory).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InputError } from '../errors';
import {
  drumifyClip,
  fromGrooveNotes,
  GROOVE_STEPS,
  type GrooveModel,
  grooveClip,
  tapsToNotes,
  toGrooveSequence,
} from './groove';
import { secondsPerStep } from './sequences';
import {
  PUBLIC_DIR,
  loadMusicVaeModule,
  maxAbsDiff,
  serveDirectory,
  type StaticServer,
} from './test-helpers';
import type { Note } from './types';

const MODELS = ['groovae_2bar_humanize', 'groovae_2bar_tap'] as const;

interface GrooveReference {
  qpm: number;
  notes: Note[];
  inputTensor: number[][];
  expectedMu: number[];
  expectedDecodeOfMu: number[][];
  fixedZ: number[];
  expectedDecodeOfFixedZ: number[][];
}

const refs = Object.fromEntries(
  MODELS.map((m) => [
    m,
    JSON.parse(
      readFileSync(path.join(PUBLIC_DIR, 'models/music', m, 'reference.json'), 'utf8'),
    ) as GrooveReference,
  ]),
) as Record<(typeof MODELS)[number], GrooveReference>;

type Vae = InstanceType<ReturnType<typeof loadMusicVaeModule>['MusicVAE']>;

/** A plain quantized 4-bar rock beat: kick, snare, eighth-note hi-hats, all at velocity 100, on the grid. */
function rockBeat(bars = 4): Note[] {
  const notes: Note[] = [];
  for (let s = 0; s < bars * 16; s++) {
    const hit = (pitch: number) =>
      notes.push({ pitch, quantizedStartStep: s, quantizedEndStep: s + 1, velocity: 100, isDrum: true });
    if (s % 2 === 0) hit(42);
    if (s % 16 === 0 || s % 16 === 10) hit(36);
    if (s % 8 === 4) hit(38);
  }
  return notes;
}

const key = (n: Note) => `${n.quantizedStartStep}:${n.pitch}`;

describe('GrooVAE checkpoints in Magenta MusicVAE', () => {
  let server: StaticServer;
  const vaes: Partial<Record<(typeof MODELS)[number], Vae>> = {};
  const { MusicVAE } = loadMusicVaeModule();

  beforeAll(async () => {
    server = await serveDirectory();
    for (const m of MODELS) {
      const v = new MusicVAE(`${server.url}/models/music/${m}`);
      await v.initialize();
      vaes[m] = v;
    }
  });
  afterAll(async () => {
    for (const v of Object.values(vaes)) v?.dispose();
    await server.close();
  });

  for (const m of MODELS) {
    it(`${m}: input tensor, encoder mu and decoder outputs match PyTorch (1e-4)`, async () => {
      const vae = vaes[m]!;
      const ref = refs[m];
      const seq = toGrooveSequence(ref.notes, ref.qpm);
      // Magenta's own converter turns our sequence into exactly the tensor PyTorch was fed.
      const x = (
        vae as unknown as { dataConverter: { toTensor(s: unknown): tf.Tensor2D } }
      ).dataConverter.toTensor(seq);
      expect(x.shape).toEqual([GROOVE_STEPS, 27]);
      expect(maxAbsDiff(await x.data(), ref.inputTensor.flat())).toBeLessThan(1e-5);
      x.dispose();
      const z = await vae.encode([seq as never]);
      expect(maxAbsDiff(await z.data(), ref.expectedMu)).toBeLessThan(1e-4);
      const outMu = await vae.decodeTensors(z);
      expect(maxAbsDiff(await outMu.data(), ref.expectedDecodeOfMu.flat())).toBeLessThan(1e-4);
      const fixed = tf.tensor2d([ref.fixedZ]);
      const outFixed = await vae.decodeTensors(fixed);
      expect(maxAbsDiff(await outFixed.data(), ref.expectedDecodeOfFixedZ.flat())).toBeLessThan(1e-4);
      tf.dispose([z, outMu, fixed, outFixed]);
    });
  }

  it('grooveClip humanises a quantised 4-bar beat: same length, varied velocities, off-grid timing, every hit kept', async () => {
    const input = rockBeat(4);
    const out = await grooveClip(vaes.groovae_2bar_humanize! as unknown as GrooveModel, {
      notes: input,
      totalQuantizedSteps: 64,
      qpm: 100,
    });
    expect(out.totalQuantizedSteps).toBe(64);
    expect(out.notes.length).toBeGreaterThan(0);
    for (const n of out.notes) {
      expect(n.quantizedStartStep).toBeGreaterThanOrEqual(0);
      expect(n.quantizedStartStep).toBeLessThan(64);
      expect(n.offset).toBeGreaterThanOrEqual(-0.5);
      expect(n.offset).toBeLessThan(0.5);
      expect(n.velocity).toBeGreaterThanOrEqual(1);
      expect(n.velocity).toBeLessThanOrEqual(127);
    }
    // Both halves were processed (the second two bars are a separate chunk).
    expect(out.notes.some((n) => n.quantizedStartStep >= 32)).toBe(true);
    const velocities = new Set(out.notes.map((n) => n.velocity));
    expect(velocities.size).toBeGreaterThan(5);
    expect(out.notes.filter((n) => Math.abs(n.offset ?? 0) > 0.02).length).toBeGreaterThan(
      out.notes.length / 4,
    );
    // Exactly the input hits come back (Groove edits how they are played, never the pattern)...
    expect(out.notes.map(key).sort()).toEqual(input.map(key).sort());
    // ...and none is made inaudible: the softest hit is still a ghost note, not a velocity of 5.
    expect(Math.min(...out.notes.map((n) => n.velocity ?? 0))).toBeGreaterThanOrEqual(15);
  });

  it('grooveClip keeps hits the model would leave out, and every hit of a syncopated beat, at a sampled temperature', async () => {
    // Kicks on the "and" of 2 and 3 and a snare on the last sixteenth: hits a humanizer tends to drop.
    const input: Note[] = [];
    for (let s = 0; s < 32; s++) {
      const hit = (pitch: number) =>
        input.push({ pitch, quantizedStartStep: s, quantizedEndStep: s + 1, velocity: 100, isDrum: true });
      if (s % 2 === 0) hit(42);
      if (s % 16 === 0 || s % 16 === 7 || s % 16 === 10) hit(36);
      if (s % 8 === 4 || s % 16 === 15) hit(38);
    }
    const vae = vaes.groovae_2bar_humanize! as unknown as GrooveModel;
    for (const temperature of [0, 1]) {
      const out = await grooveClip(vae, { notes: input, totalQuantizedSteps: 32, qpm: 110 }, { temperature });
      expect(out.notes.map(key).sort()).toEqual(input.map(key).sort());
      expect(out.notes.filter((n) => n.pitch === 36)).toHaveLength(6);
    }
  });

  it('drumifyClip turns a tapped rhythm into a beat with several drums, inside the requested 3 bars', async () => {
    const taps = [0, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4, 2.7, 3.0, 3.3];
    const rhythm = tapsToNotes(taps, 100, 48);
    const out = await drumifyClip(vaes.groovae_2bar_tap! as unknown as GrooveModel, {
      notes: rhythm,
      totalQuantizedSteps: 48,
      qpm: 100,
    });
    expect(out.totalQuantizedSteps).toBe(48);
    expect(new Set(out.notes.map((n) => n.pitch)).size).toBeGreaterThan(1);
    for (const n of out.notes) {
      expect(n.quantizedStartStep).toBeLessThan(48);
      expect(n.offset).toBeGreaterThanOrEqual(-0.5);
      expect(n.offset).toBeLessThan(0.5);
    }
  });

  it('a temperature above 0 samples the hits; the cancelled signal stops before any work', async () => {
    const vae = vaes.groovae_2bar_humanize! as unknown as GrooveModel;
    const clip = { notes: rockBeat(2), totalQuantizedSteps: 32, qpm: 120 };
    const a = await grooveClip(vae, clip, { temperature: 1.5 });
    expect(a.notes.every((n) => n.quantizedStartStep < 32)).toBe(true);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(grooveClip(vae, clip, { signal: ctrl.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const progress: number[][] = [];
    await grooveClip(
      vae,
      { ...clip, totalQuantizedSteps: 96, notes: rockBeat(6) },
      { onProgress: (d, t) => progress.push([d, t]) },
    );
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('rejects clips it cannot use with a clear message', async () => {
    const vae = vaes.groovae_2bar_humanize! as unknown as GrooveModel;
    const melody: Note[] = [{ pitch: 60, quantizedStartStep: 0, quantizedEndStep: 4 }];
    await expect(grooveClip(vae, { notes: melody, totalQuantizedSteps: 16, qpm: 120 })).rejects.toThrow(
      /no drum notes/,
    );
    await expect(drumifyClip(vae, { notes: [], totalQuantizedSteps: 16, qpm: 120 })).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(
      grooveClip(vae, { notes: rockBeat(1), totalQuantizedSteps: 16, qpm: 120 }, { temperature: 5 }),
    ).rejects.toThrow(/temperature/);
  });

  it('leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    await grooveClip(vaes.groovae_2bar_humanize! as unknown as GrooveModel, {
      notes: rockBeat(3),
      totalQuantizedSteps: 48,
      qpm: 90,
    });
    await drumifyClip(
      vaes.groovae_2bar_tap! as unknown as GrooveModel,
      { notes: tapsToNotes([0, 0.5, 1, 1.5], 120), totalQuantizedSteps: 32, qpm: 120 },
      { temperature: 0.8 },
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('groove note mapping', () => {
  it('writes offsets as played times and reads Magenta output back onto the grid', () => {
    const sps = secondsPerStep(120);
    const seq = toGrooveSequence(
      [
        { pitch: 36, quantizedStartStep: 4, quantizedEndStep: 5, offset: 0.25, velocity: 90 },
        { pitch: 38, quantizedStartStep: 40, quantizedEndStep: 41 },
      ],
      120,
    );
    expect(seq.notes).toHaveLength(1); // step 40 is outside two bars
    expect(seq.notes[0].startTime).toBeCloseTo(4.25 * sps, 12);
    // Magenta writes startTime = (step - offset/2) * step length: step 7 played 0.3 steps early...
    const back = fromGrooveNotes(
      [
        { pitch: 42, startTime: 6.7 * sps, velocity: 80 },
        { pitch: 36, startTime: -0.5 * sps, velocity: 0 },
        { pitch: 38, startTime: 15.6 * sps, velocity: 70 },
        { pitch: 38, startTime: 16.2 * sps, velocity: 70 },
      ],
      120,
      16,
    );
    expect(back.map((n) => [n.pitch, n.quantizedStartStep, n.offset, n.velocity])).toEqual([
      [36, 0, -0.5, 1],
      [42, 7, -0.3, 80],
      [38, 15, 0.4999, 70],
    ]);
  });

  it('places taps on the nearest step with their timing', () => {
    const sps = secondsPerStep(120);
    const notes = tapsToNotes([0, 2.2 * sps, 2.4 * sps, 40 * sps], 120);
    expect(notes.map((n) => [n.quantizedStartStep, n.offset])).toEqual([
      [0, 0],
      [2, 0.2],
    ]);
  });
});
