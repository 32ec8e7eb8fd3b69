// Image studio, head to head with Teachable Machine: quick mode answers from the first example,
// Train switches to the trained model, and the exports run anywhere: the single HTML page opened
// from a file:// URL (a picture, and the fake camera) and model.json loaded with plain
// tf.loadGraphModel in a bare page give the studio's top class and probabilities (to 1e-3).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { strFromU8, unzipSync, zipSync } from 'fflate';

import type { Locator, Page } from '@playwright/test';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures', 'image');
const ROOT = join(__dirname, '..', '..');

async function bars(scope: Page | Locator): Promise<Record<string, number>> {
  const rows = scope.locator('[data-label]');
  await expect(rows.first()).toBeVisible();
  const values = await rows.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-label') ?? '', Number(e.getAttribute('data-value'))] as const),
  );
  return Object.fromEntries(values);
}

const top = (b: Record<string, number>) => Object.entries(b).reduce((a, c) => (c[1] > a[1] ? c : a))[0];

function expectClose(a: Record<string, number>, b: Record<string, number>) {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const k of Object.keys(a)) expect(Math.abs(a[k] - b[k]), k).toBeLessThan(1e-3);
}

test('quick mode, then train, then exports that run from file:// and with plain tf.loadGraphModel', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  await page.goto('/image/?backend=wasm');
  await waitForBackend(page);
  // The live preview needs the camera, which starts on a click.
  await page.getByTestId('camera-start').click();
  await page.getByTestId('class-name-0').fill('Ball');
  await page.getByTestId('class-name-1').fill('Block');
  const studioBars = page.getByTestId('confidence-bars').first();

  // Quick mode: one picture in one class is enough to get live bars, with no training.
  await expect(page.getByTestId('upload-0')).toBeEnabled({ timeout: 90_000 });
  await page.getByTestId('upload-0').setInputFiles(join(FIXTURES, 'ball-00.jpg'));
  await expect(page.getByTestId('class-count-0')).toHaveText('1 example');
  await expect(page.getByTestId('model-source-quick')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('model-source-mine')).toBeDisabled();
  await expect(studioBars.locator('[data-label="Ball"]')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('upload-1').setInputFiles(join(FIXTURES, 'block-00.jpg'));
  await expect(page.getByTestId('class-count-1')).toHaveText('1 example');
  await page.getByTestId('predict-file').setInputFiles(join(FIXTURES, 'block-02.jpg'));
  await expect(page.getByRole('button', { name: 'Back to the webcam' })).toBeVisible();
  // One example per class is a guess (the fixtures' kNN floor from one example is 0.65), so only
  // check that quick mode answers for both classes with probabilities that add up.
  const quickBars = await bars(studioBars);
  expect(Object.keys(quickBars).sort()).toEqual(['Ball', 'Block']);
  expect(Math.abs(quickBars.Ball + quickBars.Block - 1)).toBeLessThan(0.02);
  await page.getByRole('button', { name: 'Back to the webcam' }).click();

  // Two more of each, train: the trained model takes over.
  await page
    .getByTestId('upload-0')
    .setInputFiles(['ball-01.jpg', 'ball-02.jpg'].map((f) => join(FIXTURES, f)));
  await page
    .getByTestId('upload-1')
    .setInputFiles(['block-01.jpg', 'block-02.jpg'].map((f) => join(FIXTURES, f)));
  await expect(page.getByTestId('class-count-1')).toHaveText('3 examples');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-done')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('model-source-mine')).toHaveAttribute('aria-pressed', 'true');
  // The preview follows the live camera as soon as the model exists.
  await expect(studioBars.locator('[data-label="Ball"]')).toBeVisible({ timeout: 60_000 });

  // The studio's answer for a picture it never saw.
  await page.getByTestId('predict-file').setInputFiles(join(FIXTURES, 'block-03.jpg'));
  await expect(page.getByRole('button', { name: 'Back to the webcam' })).toBeVisible();
  const studio = await bars(studioBars);

  // Export: model.json (one graph), weights.bin, metadata.json, README.txt and model.html.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-model').click();
  const zip = unzipSync(readFileSync(await (await download).path()));
  expect(Object.keys(zip).sort()).toEqual([
    'README.txt',
    'metadata.json',
    'model.html',
    'model.json',
    'weights.bin',
  ]);
  const meta = JSON.parse(strFromU8(zip['metadata.json'])) as Record<string, unknown>;
  expect(meta).toMatchObject({
    labels: ['Ball', 'Block'],
    featureVersion: 2,
    format: 'creative-ai-studio/standalone-image-model',
  });
  expect(meta.versions).toMatchObject({ app: expect.any(String), tfjs: expect.any(String) });
  expect(strFromU8(zip['README.txt'])).not.toContain('@/lib');
  const dir = mkdtempSync(join(tmpdir(), 'image-export-'));
  for (const [name, data] of Object.entries(zip)) writeFileSync(join(dir, name), data);

  // The HTML page from file://, in a context of its own: nothing but file:, data: and blob: is asked for.
  const context = await browser.newContext();
  const requests: string[] = [];
  context.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
  });
  const html = await context.newPage();
  await html.goto(`${pathToFileURL(join(dir, 'model.html')).href}?backend=cpu`);
  await expect(html.locator('body')).toHaveAttribute('data-ready', 'cpu', { timeout: 120_000 });
  await html.locator('#file').setInputFiles(join(FIXTURES, 'block-03.jpg'));
  await expect(html.locator('body')).toHaveAttribute('data-done', 'picture', { timeout: 120_000 });
  const fromPage = await bars(html.locator('#bars'));
  expectClose(fromPage, studio);
  expect(top(fromPage)).toBe(top(studio));
  // The fake camera runs through the same page.
  await html.locator('#cam').click();
  await expect(html.locator('body')).toHaveAttribute('data-top', /Ball|Block/, { timeout: 120_000 });

  // A bare page that only loads tf.min.js and calls tf.loadGraphModel('model.json').
  const bare = await context.newPage();
  const served: Record<string, [Buffer | string, string]> = {
    'index.html': ['<!doctype html><meta charset="utf-8"><script src="tf.min.js"></script>', 'text/html'],
    'tf.min.js': [readFileSync(join(ROOT, 'public', 'vendor', 'tf.min.js')), 'text/javascript'],
    'model.json': [Buffer.from(zip['model.json']), 'application/json'],
    'weights.bin': [Buffer.from(zip['weights.bin']), 'application/octet-stream'],
    'block-03.jpg': [readFileSync(join(FIXTURES, 'block-03.jpg')), 'image/jpeg'],
  };
  await bare.route('http://export.test/**', (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    const file = served[name];
    return file ? route.fulfill({ body: file[0], contentType: file[1] }) : route.fulfill({ status: 404 });
  });
  await bare.goto('http://export.test/index.html');
  const plain = await bare.evaluate(async () => {
    const tf = (window as unknown as { tf: typeof import('@tensorflow/tfjs') }).tf;
    await tf.setBackend('cpu');
    const model = await tf.loadGraphModel('model.json');
    const bmp = await createImageBitmap(await (await fetch('block-03.jpg')).blob());
    const p = tf.tidy(
      () =>
        model.predict(
          tf.browser.fromPixels(bmp).toFloat().expandDims(0),
        ) as import('@tensorflow/tfjs').Tensor,
    );
    return Array.from(await p.data());
  });
  expectClose({ Ball: plain[0], Block: plain[1] }, studio);
  await context.close();
  expect(requests.filter((u) => !u.startsWith('http://export.test/'))).toEqual([]);

  // The studio imports its own export back.
  await page.getByRole('button', { name: 'Back to the webcam' }).click();
  await page
    .getByTestId('import-tm')
    .setInputFiles(['model.json', 'weights.bin', 'metadata.json'].map((f) => join(dir, f)));
  await expect(page.getByTestId('image-notice')).toContainText('exported model is back');
  await expect(page.getByTestId('model-source-tm')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('predict-file').setInputFiles(join(FIXTURES, 'block-03.jpg'));
  await expect(page.getByRole('button', { name: 'Back to the webcam' })).toBeVisible();
  expectClose(await bars(studioBars), studio);
});

test('a project file saved with the first picture features imports, keeps its pictures and is re-extracted', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  await page.goto('/image/?backend=wasm');
  await waitForBackend(page);
  await expect(page.getByTestId('upload-0')).toBeEnabled({ timeout: 90_000 });
  const pictures = ['ball-00.jpg', 'ball-01.jpg', 'block-00.jpg', 'block-01.jpg'];
  const json = {
    format: 'creative-ai-studio/teachable-project',
    version: 2,
    extractor: 'centernet-mobilenetv3-gap120',
    featureSize: 120,
    classes: [
      {
        id: 'a',
        name: 'Ball',
        samples: [0, 1].map((i) => ({
          id: `s${i}`,
          kind: 'picture',
          type: 'image/jpeg',
          file: `samples/s${i}.jpg`,
        })),
      },
      {
        id: 'b',
        name: 'Block',
        samples: [2, 3].map((i) => ({
          id: `s${i}`,
          kind: 'picture',
          type: 'image/jpeg',
          file: `samples/s${i}.jpg`,
        })),
      },
    ],
    settings: {
      epochs: 50,
      batchSize: 16,
      learningRate: 0.001,
      validationSplit: 0.15,
      hidden: [100],
      seed: 42,
    },
    augment: { enabled: false, copies: 2, flip: true, crop: true, brightness: true },
    head: null,
    revision: 1,
    options: {},
    updatedAt: 1,
  };
  const files: Record<string, Uint8Array> = {
    'project.json': new TextEncoder().encode(JSON.stringify(json)),
    'features.bin': new Uint8Array(4 * 120 * 4),
  };
  pictures.forEach((p, i) => (files[`samples/s${i}.jpg`] = readFileSync(join(FIXTURES, p))));
  await page.getByTestId('import-project').setInputFiles({
    name: 'old-project.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync(files)),
  });
  await expect(page.getByTestId('image-notice')).toContainText('updated for the new picture features', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('class-name-1')).toHaveValue('Block');
  await expect(page.getByTestId('class-count-1')).toHaveText('2 examples');
  // The new features work at once in quick mode.
  await page.getByTestId('predict-file').setInputFiles(join(FIXTURES, 'block-02.jpg'));
  await expect(page.getByRole('button', { name: 'Back to the webcam' })).toBeVisible();
  const b = await bars(page.getByTestId('confidence-bars').first());
  expect(Object.keys(b).sort()).toEqual(['Ball', 'Block']);
  expect(Math.abs(b.Ball + b.Block - 1)).toBeLessThan(0.02);
});
