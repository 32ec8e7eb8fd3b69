// Music studio, "Learn from my MIDI": upload two .mid files, fine-tune the melody model on WASM for a few
// updates, see the loss on the held-out notes fall, generate a clip with the tuned model. And chords under
// a melody: the new clip plays, and its .mid has the chords as a second track.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Midi } from '@tonejs/midi';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'music');

test('upload two melodies, tune, loss falls, generate with the tuned model', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/music/?backend=wasm');
  expect(await waitForBackend(page)).toBe('wasm');
  const learn = page.getByTestId('learn');
  await learn
    .getByTestId('learn-input')
    .setInputFiles([path.join(FIXTURES, 'ode-to-joy.mid'), path.join(FIXTURES, 'frere-jacques.mid')]);
  await expect(learn.getByTestId('learn-sources')).toContainText('2');
  await learn.getByTestId('learn-duration').selectOption('15');
  await learn.getByTestId('learn-go').click();
  await expect(learn.getByTestId('learn-busy')).toBeVisible();
  const result = learn.getByTestId('learn-result');
  await expect(result).toBeVisible({ timeout: 150_000 });
  const before = Number(await result.getAttribute('data-before'));
  const after = Number(await result.getAttribute('data-after'));
  expect(Number(await result.getAttribute('data-steps'))).toBeGreaterThan(0);
  expect(before).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);

  const clips = page.getByTestId('clip');
  const n = await clips.count();
  await learn.getByTestId('learn-generate').click();
  await expect(clips).toHaveCount(n + 1, { timeout: 60_000 });
  await expect(clips.last()).toContainText('My model');
  expect(Number(await clips.last().getByTestId('piano-roll').getAttribute('data-notes'))).toBeGreaterThan(0);
});

test('chords under a melody: the clip plays and its .mid has a separate chord track', async ({ page }) => {
  await page.goto('/music/?backend=cpu');
  await waitForBackend(page);
  const clips = page.getByTestId('clip');
  await page.getByTestId('midi-input').setInputFiles(path.join(FIXTURES, 'ode-to-joy.mid'));
  await expect(clips).toHaveCount(1);
  const harmony = page.getByTestId('harmony');
  await harmony.getByTestId('harmony-clip').selectOption({ label: 'ode-to-joy' });
  await harmony.getByTestId('harmony-chords').fill('C G Am F');
  await harmony.getByLabel('How to play them').selectOption('broken');
  await harmony.getByTestId('harmony-go').click();
  await expect(clips).toHaveCount(2);
  const withChords = clips.nth(1);
  await expect(withChords).toContainText('ode-to-joy + chords');
  const melodyNotes = Number(await clips.first().getByTestId('piano-roll').getAttribute('data-notes'));
  // 8 bars of broken chords in eighth notes: 64 chord notes drawn with the melody.
  await expect(withChords.getByTestId('piano-roll')).toHaveAttribute('data-notes', String(melodyNotes + 64));
  await withChords.getByRole('button', { name: /^Play / }).click();
  await expect(page.getByTestId('music-playing')).toBeVisible();
  await withChords.getByRole('button', { name: 'Stop' }).click();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    withChords.getByRole('button', { name: 'Save .mid' }).click(),
  ]);
  const midi = new Midi(readFileSync(await dl.path()));
  const tracks = midi.tracks.filter((t) => t.notes.length);
  expect(tracks.map((t) => t.name)).toEqual(['ode-to-joy + chords', 'Chords']);
  expect(tracks[0].notes.length).toBe(melodyNotes);
  expect(tracks[1].notes.length).toBe(64);
  expect(tracks[1].channel).toBe(1);
});
