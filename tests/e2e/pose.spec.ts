// Pose studio e2e with a real dancing person as the fake camera (tests/fixtures/pose/dance-320.mjpeg):
// the skeleton appears, two poses are recorded with the countdown and trained, the prediction shows;
// a photo finds the person with each model; the exported model carries its keypoint model and
// normalisation and imports back; the project survives a reload.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { strFromU8, unzipSync } from 'fflate';

import type { Page } from '@playwright/test';

import config from '../../playwright.config';
import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures', 'pose');
const VIDEO = join(FIXTURES, 'dance-320.mjpeg');

// This spec always uses the dancer as the camera, whatever E2E_VIDEO says.
const base = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...base,
    args: [
      ...(base.args ?? []).filter((a) => !a.startsWith('--use-file-for-fake-video-capture')),
      `--use-file-for-fake-video-capture=${VIDEO}`,
    ],
  },
});

/** The pose score shown under the picture, in percent (or -1 when no person is shown). */
async function poseScore(page: Page): Promise<number> {
  const text = (await page.getByTestId('pose-score').textContent()) ?? '';
  const m = /Pose score: (\d+)%/.exec(text);
  return m ? Number(m[1]) : -1;
}

/** Number of drawn (non-transparent) pixels on the skeleton canvas. */
async function drawnPixels(page: Page): Promise<number> {
  return page.getByTestId('pose-canvas').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx || !c.width) return 0;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
}

/** Labels and values of the prediction bars. */
async function bars(page: Page): Promise<[string, number][]> {
  const rows = page.getByTestId('confidence-bars').first().locator('[data-label]');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((els) =>
    els.map(
      (e) => [e.getAttribute('data-label') ?? '', Number(e.getAttribute('data-value'))] as [string, number],
    ),
  );
}

test('skeleton on a real video camera, record two poses, train, predict, photo, export and import', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  await page.goto('/pose/?backend=wasm');
  await waitForBackend(page);
  // The camera starts on a click (it then stays on for this tab, also after a reload).
  await page.getByTestId('camera-start').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pose studio');
  // The layout adds the site name once.
  await expect(page).toHaveTitle('Pose studio · Creative AI Studio');

  // The skeleton appears over the dancer, with a pose score, keypoint scores and FPS.
  await expect.poll(() => poseScore(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(30);
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(200);
  await expect(page.getByTestId('kp-nose')).toContainText('%');
  await expect(page.getByTestId('pose-fps')).toContainText('frames per second');
  // Raising the minimum confidence to 100% hides every point.
  await page.getByLabel('Minimum confidence').fill('1');
  await expect.poll(() => drawnPixels(page)).toBe(0);
  await page.getByLabel('Minimum confidence').fill('0.3');
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(200);

  // Record two poses with a 1 s countdown and 3 s of frames each.
  await page.getByLabel('Countdown before recording').fill('1');
  await page.getByLabel('Recording time').fill('3');
  await page.getByTestId('class-name-0').fill('Dance A');
  await page.getByTestId('class-name-1').fill('Dance B');
  await page.getByTestId('record-0').click();
  await expect(page.getByTestId('record-overlay')).toContainText('Get ready!');
  await expect(page.getByTestId('record-overlay')).toContainText('Hold the pose!');
  await expect(page.getByTestId('record-overlay')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('class-count-0')).toHaveText(/^([3-9]|\d\d+) examples$/);
  await page.getByTestId('record-1').click();
  await expect(page.getByTestId('record-overlay')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('class-count-1')).toHaveText(/^([3-9]|\d\d+) examples$/);
  // A photo of a person adds one example; a file that is not a picture is named and refused.
  // (Wait until the last recorded thumbnails have landed, so the count is settled.)
  const count1 = async () => Number((await page.getByTestId('class-count-1').textContent())?.split(' ')[0]);
  await expect
    .poll(async () => {
      const a = await count1();
      await page.waitForTimeout(500);
      return a === (await count1());
    })
    .toBe(true);
  const before = await count1();
  await page.getByTestId('upload-1').setInputFiles([
    { name: 'pose.jpg', mimeType: 'image/jpeg', buffer: readFileSync(join(FIXTURES, 'pose.jpg')) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
  ]);
  await expect(page.getByTestId('pose-file-errors')).toContainText('notes.txt');
  await expect(page.getByTestId('class-count-1')).toHaveText(`${before + 1} examples`);
  // Thumbnails with the skeleton are shown for the examples.
  await expect(page.getByTestId('class-card-0').locator('img').first()).toBeVisible();

  // Train (mirrored copies on) and see a live prediction over both poses.
  await page.getByTestId('mirror-augment').check();
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-done')).toBeVisible({ timeout: 120_000 });
  const live = await bars(page);
  expect(live.map((b) => b[0])).toEqual(['Dance A', 'Dance B']);
  expect(Math.abs(live[0][1] + live[1][1] - 1)).toBeLessThan(0.02);

  // Export the model: metadata names the keypoint model and the normalisation.
  const modelDownload = page.waitForEvent('download');
  await page.getByTestId('export-model').click();
  const modelZip = readFileSync(await (await modelDownload).path());
  const meta = JSON.parse(strFromU8(unzipSync(modelZip)['metadata.json'])) as {
    labels: string[];
    extractor: string;
    pose: { keypointModel: string; normalization: { minScore: number; centre: string } };
  };
  expect(meta.labels).toEqual(['Dance A', 'Dance B']);
  expect(meta.extractor).toBe('pose-keypoints-coco17-torso-v1');
  expect(meta.pose.keypointModel).toBe('movenet-lightning');
  expect(meta.pose.normalization.centre).toBe('torso');

  // A photo: the person in pose.jpg is found, and the classifier gives its guess for it.
  await page.getByTestId('source-photo').click();
  await page.getByTestId('pose-photo-input').setInputFiles(join(FIXTURES, 'pose.jpg'));
  await expect.poll(() => poseScore(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(200);

  // The exported single HTML page (MoveNet + the head, everything inlined), opened from file:// in
  // a context of its own, gives the studio's answer for the same photo.
  const zipped = unzipSync(modelZip);
  expect(Object.keys(zipped)).toContain('model.html');
  const dir = mkdtempSync(join(tmpdir(), 'pose-export-'));
  writeFileSync(join(dir, 'model.html'), zipped['model.html']);
  const context = await browser.newContext();
  const requests: string[] = [];
  context.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
  });
  const html = await context.newPage();
  await html.goto(`${pathToFileURL(join(dir, 'model.html')).href}?backend=cpu`);
  await expect(html.locator('body')).toHaveAttribute('data-ready', 'cpu', { timeout: 120_000 });
  await html.locator('#file').setInputFiles(join(FIXTURES, 'pose.jpg'));
  await expect(html.locator('body')).toHaveAttribute('data-done', 'picture', { timeout: 120_000 });
  const fromPage = await html
    .locator('#bars [data-label]')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-label'), Number(e.getAttribute('data-value'))]),
    );
  await context.close();
  expect(requests).toEqual([]);
  await expect
    .poll(
      async () => {
        const studio = await bars(page);
        return studio.every(
          ([label, v], i) => fromPage[i][0] === label && Math.abs(v - Number(fromPage[i][1])) < 1e-3,
        );
      },
      { timeout: 30_000 },
    )
    .toBe(true);

  // Switch to PoseNet: it loads from our origin and finds the person too.
  await page.getByTestId('pose-model').selectOption('posenet');
  await expect(page.getByText('Loading the PoseNet model…')).toBeHidden({ timeout: 90_000 });
  await expect.poll(() => poseScore(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
  // A wrong file is refused with its name.
  await page
    .getByTestId('pose-photo-input')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('pose-file-error')).toContainText('notes.txt');

  // Import the exported model back: it switches to the keypoint model it was trained with.
  await page
    .getByTestId('import-model')
    .setInputFiles({ name: 'pose-model.zip', mimeType: 'application/zip', buffer: modelZip });
  await expect(page.getByTestId('pose-notice')).toContainText('Model with 2 poses loaded');
  await expect(page.getByTestId('pose-model')).toHaveValue('movenet-lightning');

  // Everything is still there after a reload.
  await expect(page.getByTestId('pose-save-state')).toHaveText('Saved on this device.');
  await page.reload();
  await expect(page.getByTestId('class-name-0')).toHaveValue('Dance A', { timeout: 60_000 });
  await expect(page.getByTestId('class-count-1')).toHaveText(/^([3-9]|\d\d+) examples$/);
});
