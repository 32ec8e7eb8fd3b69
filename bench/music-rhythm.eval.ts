// Rhythm of generated music vs the training data: melody onsets on a beat and notes per bar over the
// length (Nottingham), kicks on a beat, snares on 2 and 4 and hits per bar (Groove MIDI Dataset, 4/4
// beats). Run: npx vitest run --config bench/vitest.eval.config.ts bench/music-rhythm.eval.ts
// (env: MUSIC_EVAL_N=samples per setting, MUSIC_DATA=folder with nottingham/ and groove/).
// Writes bench/results/music-rhythm-<time>.json and lib/music/rhythm-reference.json (the data's numbers
// the unit tests compare against), and prints a markdown table.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';

import {
  generateClip,
  kickOnBeatShare,
  midiToClip,
  notesPerBarByPart,
  onBeatShare,
  snareBackbeatShare,
  type Note,
} from '@/lib/music';
import { loadMusicRnnModule, serveDirectory } from '@/lib/music/test-helpers';

const REPO = path.resolve(__dirname, '..');
const DATA = process.env.MUSIC_DATA ?? path.resolve(REPO, '../../shared/data');
const DATA_DIR = existsSync(path.join(DATA, 'nottingham')) ? DATA : '/work/shared/data';
const N = Number(process.env.MUSIC_EVAL_N ?? 12);
/** Only the settings whose name contains this (e.g. "melody 32"); all when unset. */
const ONLY = process.env.MUSIC_EVAL_ONLY ?? '';

const mean = (xs: number[]) =>
  xs.filter(Number.isFinite).reduce((a, b) => a + b, 0) / xs.filter(Number.isFinite).length;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Nottingham melodies (every 4th tune, 4/4 and others alike: the model learned them all). */
function nottingham(): Note[][] {
  const dir = path.join(DATA_DIR, 'nottingham/midi/melody');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mid'))
    .sort()
    .filter((_, i) => i % 4 === 0)
    .map((f) => midiToClip(new Uint8Array(readFileSync(path.join(dir, f))), f).notes);
}

/** Groove MIDI 4/4 beats (not fills) of the validation and test splits. */
function grooveBeats(): { notes: Note[]; steps: number }[] {
  const rows = readFileSync(path.join(DATA_DIR, 'groove/info.csv'), 'utf8').trim().split('\n').slice(1);
  return rows
    .map((r) => r.split(','))
    .filter((c) => c[5] === 'beat' && c[6] === '4-4' && c[10] !== 'train')
    .map((c) => {
      const clip = midiToClip(new Uint8Array(readFileSync(path.join(DATA_DIR, 'groove', c[7]))), c[7]);
      return { notes: clip.notes, steps: clip.totalQuantizedSteps };
    });
}

function drumStats(items: { notes: Note[]; steps: number }[]) {
  return {
    kickOnBeat: r3(mean(items.map((i) => kickOnBeatShare(i.notes)))),
    snareOn2And4: r3(mean(items.map((i) => snareBackbeatShare(i.notes)))),
    hitsPerBar: r3(mean(items.map((i) => (i.notes.length / i.steps) * 16))),
  };
}

it('measures generated rhythm against the data', async () => {
  const melodies = nottingham();
  const beats = grooveBeats();
  const reference = {
    source:
      'bench/music-rhythm.eval.ts over ../shared/data (Nottingham melodies: every 4th tune; Groove MIDI: 4/4 beats of the validation and test splits)',
    melody: {
      tunes: melodies.length,
      onBeat: r3(mean(melodies.map((m) => onBeatShare(m)))),
      notesPerBar: r3(
        mean(melodies.map((m) => m.length / (Math.max(...m.map((n) => n.quantizedEndStep)) / 16))),
      ),
    },
    drums: { takes: beats.length, ...drumStats(beats) },
  };

  const server = await serveDirectory();
  const { MusicRNN } = loadMusicRnnModule();
  const melodyRnn = new MusicRNN(`${server.url}/models/music/melody_rnn`);
  const drumRnn = new MusicRNN(`${server.url}/models/music/drum_rnn`);
  await Promise.all([melodyRnn.initialize(), drumRnn.initialize()]);
  const before = tf.memory().numTensors;
  const generated: Record<string, unknown> = {};
  for (const [bars, temperature] of [
    [8, 1],
    [32, 1],
    [32, 1.5],
  ] as const) {
    if (!`melody ${bars} bars, t=${temperature}`.includes(ONLY)) continue;
    const outs = [];
    for (let i = 0; i < N; i++)
      outs.push(await generateClip(melodyRnn, { kind: 'melody', bars, temperature }));
    const parts = outs.map((o) => notesPerBarByPart(o.notes, o.totalQuantizedSteps, 4));
    generated[`melody ${bars} bars, t=${temperature}`] = {
      onBeat: r3(mean(outs.map((o) => onBeatShare(o.notes)))),
      notesPerBarByQuarter: [0, 1, 2, 3].map((q) => r3(mean(parts.map((p) => p[q])))),
      longestNote: r3(
        mean(outs.map((o) => Math.max(0, ...o.notes.map((n) => n.quantizedEndStep - n.quantizedStartStep)))),
      ),
    };
  }
  for (const bars of [4, 16]) {
    if (!`drums ${bars} bars, t=1`.includes(ONLY)) continue;
    const outs = [];
    for (let i = 0; i < N; i++)
      outs.push(await generateClip(drumRnn, { kind: 'drums', bars, temperature: 1 }));
    const parts = outs.map((o) => notesPerBarByPart(o.notes, o.totalQuantizedSteps, 4));
    generated[`drums ${bars} bars, t=1`] = {
      ...drumStats(outs.map((o) => ({ notes: o.notes, steps: o.totalQuantizedSteps }))),
      hitsPerBarByQuarter: [0, 1, 2, 3].map((q) => r3(mean(parts.map((p) => p[q])))),
    };
  }
  expect(tf.memory().numTensors).toBe(before);
  melodyRnn.dispose();
  drumRnn.dispose();
  await server.close();

  const result = { date: new Date().toISOString(), samples: N, reference, generated };
  mkdirSync(path.join(REPO, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(REPO, `bench/results/music-rhythm-${result.date.replace(/[:.]/g, '-')}.json`),
    JSON.stringify(result, null, 2),
  );
  if (process.env.MUSIC_WRITE_REFERENCE !== '0')
    writeFileSync(
      path.join(REPO, 'lib/music/rhythm-reference.json'),
      `${JSON.stringify(reference, null, 2)}\n`,
    );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
});
