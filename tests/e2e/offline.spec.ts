// Offline e2e: after one visit and "Make everything available offline", every route reloads and every
// studio does its main job with the network off, with no failed request; a page that was never saved
// shows our own offline page instead of the browser's.
import { join } from 'node:path';

import { type BrowserContext, type Page, expect, test } from '@playwright/test';

const FIXTURES = join(__dirname, '..', 'fixtures');
const ROUTES = ['/', '/image/', '/pose/', '/sound/', '/digits/', '/dream/', '/music/', '/lab/', '/privacy/'];

/** Records requests that failed or went to another origin, in pages and in the service worker. */
function watchRequests(context: BrowserContext, origin: string) {
  const failed: string[] = [];
  context.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    // Leaving a page cancels its pending fetches (prefetches, media); that is not a network failure.
    if (!why.includes('ERR_ABORTED')) failed.push(`${r.url()} (${why})`);
  });
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (['http:', 'https:'].includes(url.protocol) && url.origin !== origin)
      failed.push(`foreign: ${r.url()}`);
  });
  return failed;
}

/** Waits until the service worker is active and controls the page. */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
});

test('after one visit, every route and every studio works with the network off', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(420_000);
  const failed = watchRequests(context, new URL(baseURL ?? '').origin);
  await page.goto('/');
  await controlled(page);
  const panel = page.getByTestId('offline-panel');
  await panel.getByTestId('offline-download').click();
  await expect(panel.getByTestId('offline-ready')).toHaveText(/Every studio is ready offline/, {
    timeout: 120_000,
  });

  await context.setOffline(true);
  for (const route of ROUTES) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.getByTestId('offline-page')).toHaveCount(0);
  }
  // Each studio says it is ready offline.
  await page.goto('/music/');
  await expect(page.getByTestId('offline-ready')).toHaveText(/Ready offline/);

  // Image: train a tiny model from uploaded pictures (WebAssembly engine, files from the precache).
  await page.goto('/image/?backend=wasm');
  // Pictures are taken once the picture model is ready (before that the upload buttons are disabled).
  await expect(page.getByTestId('upload-0')).toBeEnabled({ timeout: 90_000 });
  await page
    .getByTestId('upload-0')
    .setInputFiles(['ball-00.jpg', 'ball-01.jpg', 'ball-02.jpg'].map((f) => join(FIXTURES, 'image', f)));
  await page
    .getByTestId('upload-1')
    .setInputFiles(['block-00.jpg', 'block-01.jpg', 'block-02.jpg'].map((f) => join(FIXTURES, 'image', f)));
  await expect(page.getByTestId('class-count-0')).toHaveText('3 examples', { timeout: 90_000 });
  await expect(page.getByTestId('class-count-1')).toHaveText('3 examples', { timeout: 90_000 });
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-done')).toBeVisible({ timeout: 120_000 });

  // Digits: draw a 1; the pretrained network reads it.
  await page.goto('/digits/');
  await expect(page.getByTestId('digits-model-info')).toContainText('parameters', { timeout: 60_000 });
  const box = (await page.getByTestId('drawing-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.48, box.y + box.height * 0.88, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByTestId('digits-answer')).toHaveText('1');

  // Music: generate a melody.
  await page.goto('/music/?backend=cpu');
  await page.getByRole('button', { name: 'Generate melody' }).click();
  await expect(page.getByTestId('clip')).toHaveCount(1, { timeout: 90_000 });

  // Dream: a small dream of a photo.
  await page.goto('/dream/?backend=cpu');
  const dream = page.locator('#dream-panel-dream');
  await dream.getByTestId('dream-source-file').setInputFiles(join(FIXTURES, 'dream', 'photo.png'));
  await dream.getByTestId('dream-size').selectOption('128');
  await dream.getByLabel('Octaves', { exact: true }).fill('1');
  await dream.getByLabel('Steps per octave').fill('1');
  await expect(dream.getByTestId('dream-start')).toBeEnabled({ timeout: 90_000 });
  await dream.getByTestId('dream-start').click();
  await expect(dream.getByRole('status').filter({ hasText: 'Done in' })).toBeVisible({ timeout: 120_000 });

  // Lab: train the Playground for a few steps.
  await page.goto('/lab/?backend=cpu&data=xor');
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('epoch')).toHaveText('2');

  expect(failed, 'failed or foreign requests').toEqual([]);
});

test('offline before a page was saved shows our own offline page', async ({ page, context }) => {
  await page.goto('/');
  await controlled(page);
  await context.setOffline(true);
  await page.goto('/lessons/fruit/');
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
});
