// Music studio: generate a melody, play it, continue an uploaded .mid, interpolate two clips, vary one, save a .mid and read it back, reject a bad file.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Midi } from '@tonejs/midi';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'music');

/** Notes of a MIDI file as [pitch, start tick, duration ticks], all tracks. */
function notesOf(bytes: Buffer): [number, number, number][] {
  const midi = new Midi(bytes);
  return midi.tracks.flatMap((t) =>
    t.notes.map(
      (n) =>
        [
          n.midi,
          Math.round((n.ticks * 480) / midi.header.ppq),
          Math.round((n.durationTicks * 480) / midi.header.ppq),
        ] as [number, number, number],
    ),
  );
}

test('generate, play, continue an uploaded .mid, interpolate, export and re-read it, reject a bad file', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // The CPU backend: LSTM steps are tiny matrix products, where SwiftShader WebGL only adds overhead.
  await page.goto('/music/?backend=cpu');
  await waitForBackend(page);
  const clips = page.getByTestId('clip');

  // Generate one 2-bar melody (the default settings).
  await page.getByRole('button', { name: 'Generate melody' }).click();
  await expect(clips).toHaveCount(1, { timeout: 90_000 });
  const roll = clips.first().getByTestId('piano-roll');
  const generatedNotes = Number(await roll.getAttribute('data-notes'));
  expect(generatedNotes).toBeGreaterThan(0);
  await expect(clips.first()).toContainText('2 bars');
  // The new clip is brought into view (it sits far below the button) and announced to screen readers.
  await expect(clips.first()).toBeInViewport();
  await expect(page.getByTestId('music-announce')).toContainText('Melody 1');

  // Play: the click starts the AudioContext.
  await clips
    .first()
    .getByRole('button', { name: /^Play / })
    .click();
  await expect(page.getByTestId('music-studio')).toHaveAttribute('data-audio-state', 'running');
  await expect(page.getByTestId('music-playing')).toBeVisible();
  await clips.first().getByRole('button', { name: 'Stop' }).click();

  // Save the generated clip and read the file back: same number of notes as the piano roll shows.
  const [generatedDl] = await Promise.all([
    page.waitForEvent('download'),
    clips.first().getByRole('button', { name: 'Save .mid' }).click(),
  ]);
  expect(notesOf(readFileSync(await generatedDl.path()))).toHaveLength(generatedNotes);

  // A file that is not MIDI is refused with a clear message and adds nothing.
  await page.getByTestId('midi-input').setInputFiles(path.join(FIXTURES, 'not-midi.mid'));
  await expect(page.getByTestId('music-studio').getByRole('alert')).toContainText('not a MIDI file');
  await expect(clips).toHaveCount(1);

  // Upload the fixture (two bars of Twinkle, an octave below the model's range) and continue it by one bar.
  await page.getByTestId('midi-input').setInputFiles(path.join(FIXTURES, 'twinkle.mid'));
  await expect(clips).toHaveCount(2);
  await expect(clips.nth(1).getByTestId('piano-roll')).toHaveAttribute('data-notes', '7');
  await page.getByRole('slider', { name: /Length/ }).fill('1');
  await page.getByRole('button', { name: 'Continue “twinkle”' }).click();
  await expect(page.getByTestId('music-message')).toContainText('Moved by 12 semitones', { timeout: 30_000 });
  await expect(clips).toHaveCount(3, { timeout: 90_000 });
  const continued = clips.nth(2);
  await expect(continued).toContainText('3 bars');
  await expect(continued).toBeInViewport();
  expect(Number(await continued.getByTestId('piano-roll').getAttribute('data-notes'))).toBeGreaterThanOrEqual(
    7,
  );

  // The uploaded clip, saved again, parses back to exactly the fixture's notes.
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    clips.nth(1).getByRole('button', { name: 'Save .mid' }).click(),
  ]);
  expect(notesOf(readFileSync(await dl.path()))).toEqual(
    notesOf(readFileSync(path.join(FIXTURES, 'twinkle.mid'))),
  );

  // The continuation starts with the primer, moved an octave up into the model's range.
  const [contDl] = await Promise.all([
    page.waitForEvent('download'),
    continued.getByRole('button', { name: 'Save .mid' }).click(),
  ]);
  const contNotes = notesOf(readFileSync(await contDl.path()));
  expect(contNotes.slice(0, 7).map((n) => n[0])).toEqual([48, 48, 55, 55, 57, 57, 55]);
  expect(contNotes.slice(7).every((n) => n[1] >= 2 * 4 * 480)).toBe(true);

  // Interpolate from the generated melody to Twinkle with one step in between: 3 parts of 2 bars.
  const interp = page.getByTestId('interpolate');
  await interp.getByLabel('From').selectOption({ index: 1 });
  await interp.getByLabel('To').selectOption({ label: 'twinkle' });
  await interp.getByRole('slider', { name: /Steps in between/ }).fill('1');
  await interp.getByRole('button', { name: 'Interpolate' }).click();
  await expect(clips).toHaveCount(4, { timeout: 90_000 });
  await expect(clips.nth(3)).toContainText('6 bars');
  expect(Number(await clips.nth(3).getByTestId('piano-roll').getAttribute('data-notes'))).toBeGreaterThan(0);

  // Two variations of Twinkle from the MusicVAE: two new 2-bar clips with notes.
  const vary = page.getByTestId('vary');
  await vary.getByLabel('Melody').selectOption({ label: 'twinkle' });
  await vary.getByRole('slider', { name: /How many/ }).fill('2');
  await vary.getByRole('button', { name: 'Make variations' }).click();
  await expect(clips).toHaveCount(6, { timeout: 90_000 });
  for (const i of [4, 5]) {
    await expect(clips.nth(i)).toContainText('twinkle · variation');
    await expect(clips.nth(i)).toContainText('2 bars');
    expect(Number(await clips.nth(i).getByTestId('piano-roll').getAttribute('data-notes'))).toBeGreaterThan(
      0,
    );
  }

  // Clips are kept in IndexedDB and survive a reload.
  await page.reload();
  await expect(page.getByTestId('clip')).toHaveCount(6);
  // A full-page picture for people reviewing the layout.
  await page.screenshot({ path: testInfo.outputPath('music-studio.png'), fullPage: true });
});
