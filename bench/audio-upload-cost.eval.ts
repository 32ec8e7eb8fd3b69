// What blocks when a sound file is uploaded: the cost of each step after the browser's decoder, for
// the longest file allowed (MAX_AUDIO_SECONDS of stereo 48 kHz 16-bit WAV). Run on demand:
//   /work/bin/slot npx vitest run --config bench/vitest.eval.config.ts bench/audio-upload-cost.eval.ts
// Node's V8 is close to Chromium's for this plain number crunching; the numbers decide what moves
// to the sound worker (lib/audio/decode-job.ts). Results are printed, not asserted.
import { it } from 'vitest';

import {
  AUDIO_SAMPLE_RATE,
  decodeWav,
  resample,
  splitIntoExamples,
  spectrogramsOf,
  toMono,
} from '@/lib/audio';
import { MAX_AUDIO_SECONDS } from '@/lib/files';
import { makeWav } from '@/lib/files/test-files';

it('measures each step of a 5-minute WAV upload', () => {
  const wav = makeWav(MAX_AUDIO_SECONDS, 48000, 2);
  // A tone with noise, so no example is skipped as silence.
  const v = new DataView(wav.buffer);
  for (let o = 44, i = 0; o + 1 < wav.length; o += 2, i++)
    v.setInt16(o, Math.round(8000 * Math.sin(i * 0.05) + 2000 * (Math.random() - 0.5)), true);
  const times: Record<string, number> = {};
  const time = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    times[name] = Math.round(performance.now() - t0);
    return out;
  };
  const decoded = time('decodeWav', () => decodeWav(wav, 'long.wav'));
  const mono = time('toMono', () => toMono(decoded.channels));
  const samples = time('resample 48 kHz → 16 kHz', () =>
    resample(mono, decoded.sampleRate, AUDIO_SAMPLE_RATE),
  );
  const split = time('splitIntoExamples', () => splitIntoExamples(samples, AUDIO_SAMPLE_RATE));
  time(`spectrogramsOf (${split.examples.length} examples, at training)`, () =>
    spectrogramsOf(split.examples),
  );
  console.log(JSON.stringify({ bytes: wav.length, seconds: MAX_AUDIO_SECONDS, ms: times }, null, 2));
});
