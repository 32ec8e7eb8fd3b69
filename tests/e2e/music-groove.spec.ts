// Music studio, GrooVAE: groove a generated drum clip (its .mid has varied velocities and off-grid notes)
// and drumify a rhythm tapped on the step grid (a beat with several drums).
import { readFileSync } from 'node:fs';

import { Midi } from '@tonejs/midi';

import { expect, test, waitForBackend } from './fixtures';

/** Notes of a saved clip as [pitch, start in sixteenth steps (fractional), velocity 0–127]. */
async function savedNotes(
  page: import('@playwright/test').Page,
  clip: import('@playwright/test').Locator,
): Promise<[number, number, number][]> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    clip.getByRole('button', { name: 'Save .mid' }).click(),
  ]);
  const midi = new Midi(readFileSync(await dl.path()));
  const ticksPerStep = midi.header.ppq / 4;
  return midi.tracks.flatMap((t) =>
    t.notes.map(
      (n) => [n.midi, n.ticks / ticksPerStep, Math.round(n.velocity * 127)] as [number, number, number],
    ),
  );
}

test('groove a drum clip and drumify a tapped rhythm', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/music/?backend=cpu');
  await waitForBackend(page);
  const clips = page.getByTestId('clip');
  const panel = page.getByTestId('groove-panel');

  // A quantised drum clip from the drum RNN: every note on the grid.
  await page.getByRole('button', { name: 'Generate drums' }).click();
  await expect(clips).toHaveCount(1, { timeout: 90_000 });
  const plain = await savedNotes(page, clips.first());
  expect(plain.every(([, step]) => Number.isInteger(step))).toBe(true);

  // Groove it: a new drum clip whose .mid has varied velocities and notes off the grid, within 2 bars.
  await panel.getByLabel('Drum clip').selectOption({ index: 1 });
  await panel.getByRole('button', { name: 'Groove it' }).click();
  await expect(clips).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('groove-message')).toContainText('(groove)');
  const grooved = await savedNotes(page, clips.nth(1));
  expect(grooved.length).toBeGreaterThan(2);
  expect(new Set(grooved.map(([, , v]) => v)).size).toBeGreaterThan(1);
  expect(grooved.some(([, step]) => !Number.isInteger(step))).toBe(true);
  expect(grooved.every(([, step]) => step >= 0 && step < 32)).toBe(true);
  // Every hit of the plain clip is kept: same drums, each near its own step.
  expect(grooved.map(([p, step]) => `${p}:${Math.round(step)}`).sort()).toEqual(
    plain.map(([p, step]) => `${p}:${step}`).sort(),
  );

  // Drumify a rhythm tapped on the grid (one square with the keyboard).
  const grid = panel.getByTestId('tap-grid');
  for (const step of [1, 5, 9, 11, 13, 17, 21, 25, 27])
    await grid.getByRole('button', { name: `Step ${step}`, exact: true }).click();
  await grid.getByRole('button', { name: 'Step 29', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(grid.getByRole('button', { name: 'Step 29', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(panel).toContainText('10 taps in 2 bars');
  await panel.getByRole('button', { name: 'Drumify', exact: true }).click();
  await expect(clips).toHaveCount(3, { timeout: 60_000 });
  await expect(clips.nth(2)).toHaveAttribute('data-kind', 'drums');
  const beat = await savedNotes(page, clips.nth(2));
  expect(new Set(beat.map(([pitch]) => pitch)).size).toBeGreaterThan(1);
  expect(beat.every(([, step]) => step >= 0 && step < 32)).toBe(true);
});
