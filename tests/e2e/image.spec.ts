// Image studio e2e: a person records one class from the (fake) webcam, uploads pictures for the
// other, trains, sees predictions change, reloads, exports and imports the project.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { strFromU8, unzipSync } from 'fflate';

import type { Page } from '@playwright/test';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures', 'image');

/** Index of the highest bar in the (first) confidence-bars group, and its label. */
async function winner(page: Page): Promise<string> {
  const rows = page.getByTestId('confidence-bars').first().locator('[data-label]');
  await expect(rows.first()).toBeVisible();
  const values = await rows.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-label'), Number(e.getAttribute('data-value'))] as const),
  );
  return values.reduce((a, b) => (b[1] > a[1] ? b : a))[0] ?? '';
}

test('record, upload, train, predict, reload, export and import an image project', async ({ page }) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  // WebAssembly is faster than SwiftShader WebGL for this model on the test machine.
  await page.goto('/image/?backend=wasm');
  await waitForBackend(page);
  // The camera starts on a click (it then stays on for this tab, also after a reload).
  await page.getByTestId('camera-start').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Image studio');

  // Two classes to start with; rename them.
  await page.getByTestId('class-name-0').fill('Camera');
  await page.getByTestId('class-name-1').fill('Blocks');

  // Class 1 from the webcam: hold the button; the counter rises while it is held.
  const record = page.getByTestId('record-0');
  await expect(record).toBeEnabled({ timeout: 90_000 });
  await record.hover();
  await page.mouse.down();
  await expect(page.getByTestId('class-count-0')).toHaveText(/^([3-9]|\d\d+) examples$/, { timeout: 60_000 });
  await page.mouse.up();
  // One more picture with Snap (it is added once its features are computed).
  const count0 = async () => Number((await page.getByTestId('class-count-0').textContent())?.split(' ')[0]);
  await page.waitForTimeout(500);
  const beforeSnap = await count0();
  await page.getByTestId('snap-0').click();
  await expect.poll(count0).toBeGreaterThan(beforeSnap);
  expect(await count0()).toBeGreaterThanOrEqual(4);

  // Class 2 from files; a text file posing as a PNG is rejected by name, the others still load.
  await page
    .getByTestId('upload-1')
    .setInputFiles(
      ['block-00.jpg', 'block-01.jpg', 'block-02.jpg', 'block-extra.png', 'not-an-image.png'].map((f) =>
        join(FIXTURES, f),
      ),
    );
  await expect(page.getByTestId('file-errors')).toContainText('not-an-image.png');
  await expect(page.getByTestId('class-count-1')).toHaveText('4 examples');
  // One sample can be deleted (focus reveals its button); then add it back.
  await page.getByTestId('class-card-1').getByRole('button', { name: 'Delete this example' }).first().click();
  await expect(page.getByTestId('class-count-1')).toHaveText('3 examples');
  await page.getByTestId('upload-1').setInputFiles(join(FIXTURES, 'block-00.jpg'));
  await expect(page.getByTestId('class-count-1')).toHaveText('4 examples');

  // Train (50 epochs, batch 16, lr 0.001); "under the hood" shows curves and the time. With 4 blocks
  // (under 10 a class) every example trains and the studio says accuracy needs more examples.
  // Augmentation (flip, small crop, brightness) adds altered copies before feature extraction.
  await page.getByText('Advanced', { exact: true }).click();
  await page.getByLabel('Make altered copies of each example for training').check();
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-done')).toBeVisible({ timeout: 120_000 });
  // "Under the hood" (closed for children) holds the numbers for teachers.
  await page.getByTestId('under-the-hood').locator('summary').click();
  await expect(page.getByTestId('training-curves')).toBeVisible();
  await expect(page.getByTestId('accuracy-needs-more')).toContainText('at least 10');
  await expect(page.getByTestId('confusion-matrix')).toHaveCount(0);
  await expect(page.getByTestId('training-time')).toContainText('none were held out');

  // The live webcam preview says "Camera"; a block picture it never saw says "Blocks".
  await expect.poll(() => winner(page), { timeout: 60_000 }).toBe('Camera');
  await page.getByTestId('predict-file').setInputFiles(join(FIXTURES, 'block-03.jpg'));
  await expect(page.getByRole('button', { name: 'Back to the webcam' })).toBeVisible();
  expect(await winner(page)).toBe('Blocks');
  await page.getByRole('button', { name: 'Back to the webcam' }).click();
  // Kids' mode shows the winning class in big letters.
  await page.getByLabel('Big letters', { exact: true }).check();
  await expect(page.getByTestId('kids-winner')).toHaveText('Camera');

  // Export the trained model: one standalone graph (model.json, weights.bin), metadata.json (labels, image size, feature version, versions), a README and the HTML page.
  const modelDownload = page.waitForEvent('download');
  await page.getByTestId('export-model').click();
  const zip = unzipSync(readFileSync(await (await modelDownload).path()));
  expect(Object.keys(zip).sort()).toEqual([
    'README.txt',
    'metadata.json',
    'model.html',
    'model.json',
    'weights.bin',
  ]);
  const meta = JSON.parse(strFromU8(zip['metadata.json'])) as Record<string, unknown>;
  expect(meta).toMatchObject({ labels: ['Camera', 'Blocks'], featureVersion: 2 });
  expect(meta.versions).toHaveProperty('tfjs');

  // Autosave: after a reload the classes, examples and model are still there.
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this device.');
  const counts = [
    await page.getByTestId('class-count-0').textContent(),
    await page.getByTestId('class-count-1').textContent(),
  ];
  await page.reload();
  await waitForBackend(page);
  await expect(page.getByTestId('class-count-0')).toHaveText(counts[0] ?? '');
  await expect(page.getByTestId('class-count-1')).toHaveText(counts[1] ?? '');
  await expect(page.getByTestId('class-name-1')).toHaveValue('Blocks');
  await expect.poll(() => winner(page), { timeout: 90_000 }).toBe('Camera');

  // Export the project, start a new one (after confirming), and import the file back.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-project').click();
  const file = await (await download).path();
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('new-project').click();
  await expect(page.getByTestId('class-count-1')).toHaveText('0 examples');
  await expect(page.getByTestId('class-name-1')).toHaveValue('Class 2');
  await page.getByTestId('import-project').setInputFiles({
    name: 'image-project.zip',
    mimeType: 'application/zip',
    buffer: await import('node:fs').then((fs) => fs.readFileSync(file)),
  });
  await expect(page.getByTestId('image-notice')).toContainText('imported');
  await expect(page.getByTestId('class-count-1')).toHaveText(counts[1] ?? '');
  await page.getByTestId('predict-file').setInputFiles(join(FIXTURES, 'block-03.jpg'));
  await expect(page.getByRole('button', { name: 'Back to the webcam' })).toBeVisible();
  expect(await winner(page)).toBe('Blocks');

  await page.getByRole('button', { name: 'Back to the webcam' }).click();

  // A Teachable Machine model (three files in TM's format, built by our test helper) runs offline;
  // an incomplete set says what is missing.
  const tmDir = join(FIXTURES, 'tm-model');
  await page.getByTestId('import-tm').setInputFiles([join(tmDir, 'model.json'), join(tmDir, 'weights.bin')]);
  await expect(page.getByTestId('image-notice')).toContainText('metadata.json is missing');
  await page
    .getByTestId('import-tm')
    .setInputFiles(['model.json', 'weights.bin', 'metadata.json'].map((f) => join(tmDir, f)));
  await expect(page.getByTestId('image-notice')).toContainText(
    'Teachable Machine model loaded with 2 classes',
  );
  await expect(page.getByTestId('confidence-bars').first().locator('[data-label="Block"]')).toBeVisible({
    timeout: 60_000,
  });
});
