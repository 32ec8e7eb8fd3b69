// Teacher's kit e2e: a lesson link presets language, class names, notes and hidden panels, refuses a
// file from another site, opens a prepared project (with the teacher's notes) from this site, and the
// kids' model card appears after training; Music opens a .mid from a link; errors read in Korean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures');
const HANGUL = /[\uac00-\ud7a3]/;

test('image lesson link: classes, notes, refused host, model card, prepared project, hidden panel', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto(
    '/image/?backend=wasm&lang=ko&classes=Apple,Banana&notes=Hello%20class&project=https://evil.example/x.zip',
  );
  await waitForBackend(page);
  await expect(page.getByTestId('lesson-notes')).toContainText('Hello class');
  await expect(page.getByTestId('lesson-problem')).toContainText('evil.example');
  await expect(page.getByTestId('lesson-problem')).toHaveText(HANGUL);
  await expect(page.getByTestId('class-name-0')).toHaveValue('Apple');
  await expect(page.getByTestId('class-name-1')).toHaveValue('Banana');

  const img = (names: string[]) => names.map((f) => join(FIXTURES, 'image', f));
  await page.getByTestId('upload-0').setInputFiles(img(['ball-00.jpg', 'ball-01.jpg', 'ball-02.jpg']));
  await page.getByTestId('upload-1').setInputFiles(img(['block-00.jpg', 'block-01.jpg', 'block-02.jpg']));
  await page.getByTestId('train-button').click();
  const card = page.getByTestId('model-card');
  await expect(card).toBeVisible({ timeout: 120_000 });
  await expect(card).toContainText('Apple');
  await expect(card).toContainText('예시 3개');

  // The teacher exports the project, adds notes to project.json and puts it on the site.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-project').click();
  const entries = unzipSync(readFileSync(await (await download).path()));
  const json = JSON.parse(strFromU8(entries['project.json'])) as Record<string, unknown>;
  entries['project.json'] = strToU8(JSON.stringify({ ...json, notes: 'Bring a red fruit.' }));
  const lessonZip = Buffer.from(zipSync(entries));
  await page.route(
    (url) => url.pathname === '/lessons/fruit.zip',
    (route) => route.fulfill({ status: 200, contentType: 'application/zip', body: lessonZip }),
  );

  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('new-project').click();
  await expect(page.getByTestId('class-count-1')).toHaveText(/0/);
  await page.goto('/image/?backend=wasm&lang=en&kids=1&hide=files&project=/lessons/fruit.zip');
  await expect(page.getByTestId('lesson-notes')).toContainText('Bring a red fruit.');
  await expect(page.getByTestId('class-name-0')).toHaveValue('Apple');
  await expect(page.getByTestId('class-count-0')).toHaveText('3 examples');
  await expect(page.getByTestId('export-project')).toBeHidden();
  await expect(page.getByLabel('Big letters', { exact: true })).toBeChecked();
  // The camera starts on a click; then the live answer shows in big letters.
  await page.getByTestId('camera-start').click();
  await expect(page.getByTestId('kids-winner')).toBeVisible({ timeout: 90_000 });

  // "Share this setup" builds the link of what is set now.
  await page.getByTestId('share-setup').locator('summary').click();
  const link = new URL(await page.getByTestId('share-link').inputValue());
  expect(link.pathname).toBe('/image/');
  expect(link.searchParams.get('project')).toBe('/lessons/fruit.zip');
  expect(link.searchParams.get('hide')).toBe('files');
  expect(link.searchParams.get('kids')).toBe('1');
  expect(link.searchParams.get('lang')).toBe('en');
});

test('music lesson link opens a .mid from this site; a bad file reads in Korean', async ({ page }) => {
  const tune = readFileSync(join(FIXTURES, 'music', 'twinkle.mid'));
  await page.route(
    (url) => url.pathname === '/lessons/twinkle.mid',
    (route) => route.fulfill({ status: 200, contentType: 'audio/midi', body: tune }),
  );
  await page.goto('/music/?backend=cpu&lang=ko&notes=Continue%20this%20tune&project=/lessons/twinkle.mid');
  await waitForBackend(page);
  await expect(page.getByTestId('lesson-notes')).toContainText('Continue this tune');
  await expect(page.getByTestId('clip')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('clip').first()).toContainText('twinkle');

  await page.getByTestId('midi-input').setInputFiles(join(FIXTURES, 'music', 'not-midi.mid'));
  const alert = page.getByTestId('music-studio').getByRole('alert').first();
  await expect(alert).toHaveText(HANGUL);
  await expect(alert).not.toContainText('not a MIDI file');
});
