// Image studio: every number on screen is true (#23). A tiny project (under 10 pictures a class)
// trains on all and says accuracy needs more examples; a test picture's answer is recomputed when
// another model is imported (never old numbers under new labels); names and notices follow a
// language switch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures', 'image');
const TM = join(FIXTURES, 'tm-model');

/** The bars of the preview as [label, value] pairs. */
async function bars(page: Page): Promise<[string, number][]> {
  const rows = page.getByTestId('confidence-bars').first().locator('[data-label]');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((els) =>
    els.map(
      (e) => [e.getAttribute('data-label') ?? '', Number(e.getAttribute('data-value'))] as [string, number],
    ),
  );
}

test('tiny project: accuracy needs more examples; an import after a prediction recomputes it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  await page.goto('/image/?backend=wasm');
  await waitForBackend(page);

  // 5 and 4 pictures: fewer than 10 a class.
  const upload0 = page.getByTestId('upload-0');
  await expect(upload0).toBeEnabled({ timeout: 90_000 });
  await upload0.setInputFiles(
    ['ball-00.jpg', 'ball-01.jpg', 'ball-02.jpg', 'ball-03.jpg', 'ball-extra.png'].map((f) =>
      join(FIXTURES, f),
    ),
  );
  await expect(page.getByTestId('class-count-0')).toHaveText('5 examples');
  await page
    .getByTestId('upload-1')
    .setInputFiles(
      ['block-00.jpg', 'block-01.jpg', 'block-02.jpg', 'block-extra.png'].map((f) => join(FIXTURES, f)),
    );
  await expect(page.getByTestId('class-count-1')).toHaveText('4 examples');

  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-done')).toBeVisible({ timeout: 120_000 });
  // All 9 trained; no per-class "accuracy" from one picture each.
  await expect(page.getByTestId('accuracy-needs-more')).toContainText('all 9 examples');
  await expect(page.getByTestId('accuracy-needs-more')).toContainText('at least 10');
  await expect(page.getByTestId('per-class-accuracy')).toHaveCount(0);

  // A test picture on the model trained here.
  await page.getByTestId('predict-file').setInputFiles(join(FIXTURES, 'block-03.jpg'));
  await expect(page.getByRole('button', { name: 'Back to the webcam' })).toBeVisible();
  const mine = await bars(page);
  expect(mine.map(([l]) => l)).toEqual(['Class 1', 'Class 2']);

  // Import a Teachable Machine model with other labels while the picture is on screen.
  const meta = JSON.parse(readFileSync(join(TM, 'metadata.json'), 'utf8')) as { labels: string[] };
  meta.labels = ['Rock', 'Paper'];
  await page.getByTestId('import-tm').setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: readFileSync(join(TM, 'model.json')) },
    {
      name: 'weights.bin',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(join(TM, 'weights.bin')),
    },
    { name: 'metadata.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(meta)) },
  ]);
  await expect(page.getByTestId('image-notice')).toContainText('loaded with 2 classes');
  await expect.poll(async () => (await bars(page)).map(([l]) => l)).toEqual(['Rock', 'Paper']);
  const recomputed = await bars(page);

  // The same picture predicted afresh by the imported model gives the same numbers.
  await page.getByRole('button', { name: 'Back to the webcam' }).click();
  await page.getByTestId('predict-file').setInputFiles(join(FIXTURES, 'block-03.jpg'));
  await expect(page.getByRole('button', { name: 'Back to the webcam' })).toBeVisible();
  const fresh = await bars(page);
  expect(recomputed.map(([, v]) => v)).toEqual(fresh.map(([, v]) => v));
  expect(recomputed.map(([, v]) => v)).not.toEqual(mine.map(([, v]) => v));

  // Korean: default class names and the notice switch language too.
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByTestId('class-name-0')).toHaveValue('클래스 1');
  await expect(page.getByTestId('class-name-1')).toHaveValue('클래스 2');
  await expect(page.getByTestId('image-notice')).toContainText('티처블 머신');
  await expect(page.getByTestId('class-count-0')).toHaveText('예시 5개');
});
