// Writes tests/fixtures/music/twinkle.mid (run: node scripts/music/make-fixture-mid.mjs).
// "Twinkle, Twinkle, Little Star" (traditional, public domain), first two bars, written an octave
// below the melody model's range (C2 = 36) on purpose, so the e2e test sees the range-fitting message.
// Same encoding as lib/music clipToMidi: 480 ticks per quarter, sixteenth-note steps of 120 ticks.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { Midi } = createRequire(import.meta.url)('@tonejs/midi');
const midi = new Midi();
midi.header.setTempo(100);
const track = midi.addTrack();
[36, 36, 43, 43, 45, 45, 43].forEach((pitch, i) => {
  track.addNote({ midi: pitch, ticks: i * 480, durationTicks: i === 6 ? 960 : 480, velocity: 100 / 127 });
});
writeFileSync('tests/fixtures/music/twinkle.mid', midi.toArray());
