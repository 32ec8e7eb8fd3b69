// Dream & style studio: upload a photo, dream, download a PNG, cancel mid-run, and paint in a built-in style.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures', 'dream');

// Headless WebGL is SwiftShader; the CPU backend is steadier for tiny images and needs no shaders compiled.
const URL = '/dream/?backend=cpu';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
});

/** A cheap fingerprint of a canvas's pixels, to see that it changed. */
async function canvasSum(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let s = 0;
    for (let i = 0; i < d.length; i += 1) s = (s * 31 + d[i]) % 1_000_000_007;
    return s;
  });
}

async function openStudio(page: Page) {
  await page.goto(URL);
  expect(await waitForBackend(page)).toBe('cpu');
  await expect(page.getByRole('heading', { level: 1, name: 'Dream & style studio' })).toBeVisible();
}

test('deep dream: upload, dream, download a PNG, cancel mid-run', async ({ page }) => {
  await openStudio(page);
  const panel = page.locator('#dream-panel-dream');

  // A file that is not a picture gets a clear message and loses nothing.
  await panel.getByTestId('dream-source-file').setInputFiles(join(FIXTURES, 'not-a-picture.png'));
  await expect(panel.getByRole('alert')).toContainText('not a picture');

  await panel.getByTestId('dream-source-file').setInputFiles(join(FIXTURES, 'photo.png'));
  await expect(panel.getByTestId('dream-source-thumb')).toBeVisible();

  await panel.getByTestId('dream-size').selectOption('128');
  await panel.getByTestId('dream-layer').selectOption('textures');
  await panel.getByLabel('Octaves', { exact: true }).fill('1');
  await panel.getByLabel('Steps per octave').fill('2');
  const before = await canvasSum(page, 'dream-canvas');

  await expect(panel.getByTestId('dream-start')).toBeEnabled({ timeout: 90_000 });
  await panel.getByTestId('dream-start').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Done in' })).toBeVisible({ timeout: 120_000 });
  expect(await canvasSum(page, 'dream-canvas')).not.toBe(before);
  const size = await page.getByTestId('dream-canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  expect(size).toEqual([128, 96]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('dream-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);

  // A long run, stopped after its first step: the picture so far is kept.
  await panel.getByLabel('Steps per octave').fill('50');
  await panel.getByTestId('dream-again').click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await expect(panel.getByText(/step [1-9]\d*\/50/)).toBeVisible({ timeout: 60_000 });
  await panel.getByTestId('dream-cancel').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Stopped' })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByTestId('dream-download')).toBeEnabled();

  // Work survives a reload: the pictures and settings come back from IndexedDB.
  await page.reload();
  await expect(page.getByText('Your last picture and settings were restored.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(panel.getByLabel('Steps per octave')).toHaveValue('50');
  await expect(panel.getByTestId('dream-source-thumb')).toBeVisible();
});

test('style transfer: camera snapshot, built-in painting, live loss, changed canvas, PNG download', async ({
  page,
}) => {
  await openStudio(page);
  await page.getByTestId('dream-tab-style').click();
  const panel = page.locator('#dream-panel-style');
  // The photo comes from the (fake) camera this time.
  await panel.getByTestId('style-content-camera').click();
  await expect(panel.getByTestId('style-content-snap')).toBeEnabled({ timeout: 30_000 });
  await panel.getByTestId('style-content-snap').click();
  await expect(panel.getByTestId('style-content-thumb')).toBeVisible();
  await panel.getByTestId('style-style-builtin-swirls').click();
  await expect(panel.getByTestId('style-style-thumb')).toBeVisible();
  await panel.getByTestId('style-size').selectOption('128');
  await panel.getByLabel('Iterations', { exact: true }).fill('3');
  const before = await canvasSum(page, 'style-canvas');

  await expect(panel.getByTestId('style-start')).toBeEnabled({ timeout: 90_000 });
  await panel.getByTestId('style-start').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Done in' })).toBeVisible({ timeout: 150_000 });
  await expect(panel.getByTestId('style-loss')).toContainText('Loss:');
  expect(await canvasSum(page, 'style-canvas')).not.toBe(before);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByTestId('style-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^style-.*\.png$/);
});

test('on the WebAssembly engine deep dream runs too (lib/tf adds the convolution gradients WASM lacks)', async ({
  page,
}) => {
  await page.goto('/dream/?backend=wasm');
  expect(await waitForBackend(page)).toBe('wasm');
  const panel = page.locator('#dream-panel-dream');
  await panel.getByTestId('dream-source-builtin-landscape').click();
  await panel.getByTestId('dream-size').selectOption('128');
  await panel.getByLabel('Octaves', { exact: true }).fill('1');
  await panel.getByLabel('Steps per octave').fill('2');
  const before = await canvasSum(page, 'dream-canvas');
  await expect(panel.getByTestId('dream-start')).toBeEnabled({ timeout: 90_000 });
  await panel.getByTestId('dream-start').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Done in' })).toBeVisible({ timeout: 120_000 });
  expect(await canvasSum(page, 'dream-canvas')).not.toBe(before);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
});
