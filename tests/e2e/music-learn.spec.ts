// Music studio, "Learn from my MIDI": upload two .mid files, fine-tune the melody model on WASM for a few
// updates, see the loss on the held-out notes fall, generate a clip with the tuned model.
import path from 'node:path';

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
