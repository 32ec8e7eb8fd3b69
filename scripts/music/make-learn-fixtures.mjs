// Writes tests/fixtures/music/ode-to-joy.mid and frere-jacques.mid (run: node scripts/music/make-learn-fixtures.mjs):
// two 8-bar public-domain melodies for the "Learn from my MIDI" e2e test. Same encoding as lib/music
// clipToMidi: 480 ticks per quarter, one track.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { Midi } = createRequire(import.meta.url)('@tonejs/midi');

/** [pitch, quarter notes] pairs, written one after another. */
function write(file, tune) {
  const midi = new Midi();
  midi.header.setTempo(110);
  const track = midi.addTrack();
  let t = 0;
  for (const [pitch, q] of tune) {
    track.addNote({
      midi: pitch,
      ticks: Math.round(t * 480),
      durationTicks: Math.round(q * 480),
      velocity: 100 / 127,
    });
    t += q;
  }
  writeFileSync(`tests/fixtures/music/${file}`, midi.toArray());
}

// Beethoven, "Ode to Joy" (Symphony No. 9), 8 bars in C.
const ode = (end) => [64, 64, 65, 67, 67, 65, 64, 62, 60, 60, 62, 64].map((p) => [p, 1]).concat(end);
write('ode-to-joy.mid', [
  ...ode([
    [64, 1.5],
    [62, 0.5],
    [62, 2],
  ]),
  ...ode([
    [62, 1.5],
    [60, 0.5],
    [60, 2],
  ]),
]);

// "Frère Jacques" (traditional), 8 bars in C.
const jacques = [
  ...[60, 62, 64, 60, 60, 62, 64, 60].map((p) => [p, 1]),
  ...[
    [64, 1],
    [65, 1],
    [67, 2],
    [64, 1],
    [65, 1],
    [67, 2],
  ],
  ...[
    [67, 0.5],
    [69, 0.5],
    [67, 0.5],
    [65, 0.5],
    [64, 1],
    [60, 1],
  ],
  ...[
    [67, 0.5],
    [69, 0.5],
    [67, 0.5],
    [65, 0.5],
    [64, 1],
    [60, 1],
  ],
  ...[
    [60, 1],
    [55, 1],
    [60, 2],
    [60, 1],
    [55, 1],
    [60, 2],
  ],
];
write('frere-jacques.mid', jacques);
