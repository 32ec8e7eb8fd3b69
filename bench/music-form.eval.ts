// Form and pitch measures of generated melodies vs real Nottingham tunes and random notes: motif
// repetition, in-key share, stepwise share, on 8- and 32-bar melodies. Every generated melody goes
// through the studio's own .mid export and import first, so this scores what a person downloads.
// Run: npm run eval:music-form (env: MUSIC_FORM_SAMPLES=20, MUSIC_FORM_MODELS=melody_rnn,attention_rnn,
// MUSIC_FORM_TEMPERATURE=1). Writes bench/results/music-form-<time>.json and prints a markdown table.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';

import {
  clipToMidi,
  DEFAULT_QPM,
  makeMonophonic,
  midiToClip,
  type Note,
  type SequenceContinuer,
} from '@/lib/music';
import { generateWithForm, type MelodyForm } from '@/lib/music/form';
import { measureMelody, type MelodyMetrics } from '@/lib/music/melody-metrics';
import { loadMusicRnnModule, PUBLIC_DIR, serveDirectory, type StaticServer } from '@/lib/music/test-helpers';

const NOTT = '/work/shared/data/nottingham/midi/melody';
const SAMPLES = Number(process.env.MUSIC_FORM_SAMPLES ?? 20);
const TEMPERATURE = Number(process.env.MUSIC_FORM_TEMPERATURE ?? 1);
const MODELS = (process.env.MUSIC_FORM_MODELS ?? 'melody_rnn,attention_rnn')
  .split(',')
  .filter((m) => existsSync(path.join(PUBLIC_DIR, 'models', 'music', m, 'config.json')));

interface Row {
  source: string;
  bars: number;
  n: number;
  motifRepetition: number;
  rhythmicMotifRepetition: number;
  inKey: number;
  stepwise: number;
}

function mean(rows: MelodyMetrics[], source: string, bars: number): Row {
  const avg = (k: keyof MelodyMetrics) => rows.reduce((s, r) => s + r[k], 0) / rows.length;
  return {
    source,
    bars,
    n: rows.length,
    motifRepetition: avg('motifRepetition'),
    rhythmicMotifRepetition: avg('rhythmicMotifRepetition'),
    inKey: avg('inKey'),
    stepwise: avg('stepwise'),
  };
}

/** A seeded uniform generator (mulberry32), so the random baseline is the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Through the studio's .mid export and import, as a person would download it. */
function roundTrip(notes: Note[], name: string): Note[] {
  return midiToClip(clipToMidi({ notes, qpm: DEFAULT_QPM, kind: 'melody', name }), name).notes;
}

let server: StaticServer;
beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await serveDirectory();
});
afterAll(async () => {
  await server.close();
});

it('measures form on real, random and generated melodies', async () => {
  const rows: Row[] = [];
  const rand = rng(1234);
  const tunes = readdirSync(NOTT)
    .filter((f) => f.endsWith('.mid'))
    .sort()
    .map((f) => makeMonophonic(midiToClip(new Uint8Array(readFileSync(path.join(NOTT, f))), f).notes));
  for (const bars of [8, 32]) {
    const steps = bars * 16;
    const real = tunes
      .filter((notes) => notes.some((n) => n.quantizedStartStep >= steps - 16))
      .map((notes) => notes.filter((n) => n.quantizedStartStep < steps));
    rows.push(mean(real.map(measureMelody), 'real Nottingham tunes (first bars)', bars));
    // Random notes: the real excerpt's rhythm and pitch range, pitches drawn uniformly.
    const random = real.map((notes) => {
      const lo = Math.min(...notes.map((n) => n.pitch));
      const hi = Math.max(...notes.map((n) => n.pitch));
      return notes.map((n) => ({ ...n, pitch: lo + Math.floor(rand() * (hi - lo + 1)) }));
    });
    rows.push(mean(random.map(measureMelody), 'random notes (same rhythm and range)', bars));
  }
  const { MusicRNN } = loadMusicRnnModule();
  for (const id of MODELS) {
    const rnn = new MusicRNN(`${server.url}/models/music/${id}`);
    await rnn.initialize();
    const runs: [MelodyForm, number][] = [
      ['free', 8],
      ['free', 32],
      ['AABA', 32],
      ['AABB', 32],
    ];
    for (const [form, bars] of runs) {
      const got: MelodyMetrics[] = [];
      for (let s = 0; s < SAMPLES; s++) {
        const out = await generateWithForm(rnn as unknown as SequenceContinuer, {
          form,
          bars,
          temperature: TEMPERATURE,
        });
        got.push(measureMelody(roundTrip(out.notes, `${id}-${form}-${s}`)));
      }
      rows.push(mean(got, `${id}, ${form === 'free' ? 'no form' : form}, temp ${TEMPERATURE}`, bars));
    }
    rnn.dispose();
  }
  const f = (x: number) => x.toFixed(2);
  const table = [
    '| melodies | bars | n | motif repetition | motif repetition, same rhythm | in one key | stepwise (≤ 2 semitones) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.source} | ${r.bars} | ${r.n} | ${f(r.motifRepetition)} | ${f(r.rhythmicMotifRepetition)} | ${f(r.inKey)} | ${f(r.stepwise)} |`,
    ),
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  const dir = path.resolve(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `music-form-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ samples: SAMPLES, temperature: TEMPERATURE, models: MODELS, rows }, null, 1),
  );
  expect(rows.length).toBeGreaterThan(3);
}, 3_600_000);
