// Sound studio e2e: Chromium's fake microphone plays a whistle; record it, upload claps and background
// noise (plus a text file that must be refused), train, and the live recognition must hear "Whistle".
import { join } from 'node:path';

import config from '../../playwright.config';
import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = join(__dirname, '../fixtures/sound');

// This file alone needs the whistle as the microphone, so it sets its own launch flags; Playwright
// starts a separate browser for it and the rest of the suite keeps the config's flags.
const base = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...base,
    args: [
      ...(base.args ?? []).filter((a) => !a.startsWith('--use-file-for-fake-audio-capture')),
      `--use-file-for-fake-audio-capture=${join(FIXTURES, 'whistle.wav')}`,
    ],
  },
});

test('record from the microphone, upload files, train and recognise the whistle', async ({ page }) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  // WASM: the default network (pretrained embedding + dense head) needs no convolution gradients.
  await page.goto('/sound/?backend=wasm');
  await waitForBackend(page);
  await expect(page.getByRole('heading', { name: 'Sound studio', level: 1 })).toBeVisible();

  const cls = (name: string) => page.locator(`[data-testid="sound-class"][data-class-name="${name}"]`);
  const names = page.getByRole('textbox', { name: 'Class name' });
  await names.nth(0).fill('Whistle');
  await names.nth(1).fill('Clap');

  // Record 4 seconds of the (fake) microphone into Whistle: four 1-second examples.
  await page.getByRole('combobox', { name: 'Record length' }).selectOption('4');
  await cls('Whistle')
    .getByRole('button', { name: /Record 4 s/ })
    .click();
  await expect(page.getByTestId('live-spectrogram')).toBeVisible();
  await expect(cls('Whistle')).toHaveAttribute('data-count', '4', { timeout: 30_000 });
  await cls('Whistle')
    .getByRole('button', { name: /Record 4 s/ })
    .click();
  await expect(cls('Whistle')).toHaveAttribute('data-count', '8', { timeout: 30_000 });
  // The level meter moved while the whistle played.
  expect(Number(await page.getByTestId('level-meter').getAttribute('aria-valuenow'))).toBeGreaterThan(0);

  // Upload claps into Clap: 5 seconds → 5 examples.
  await cls('Clap').locator('input[type=file]').setInputFiles(join(FIXTURES, 'clap.wav'));
  await expect(cls('Clap')).toHaveAttribute('data-count', '5');

  // Background noise, together with a text file that only pretends to be a WAV.
  await cls('Background noise')
    .locator('input[type=file]')
    .setInputFiles([join(FIXTURES, 'not-audio.wav'), join(FIXTURES, 'noise.wav')]);
  await expect(cls('Background noise')).toHaveAttribute('data-count', '4');
  await expect(
    page.getByRole('alert').filter({ hasText: '“not-audio.wav” is not a sound file this browser can read' }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Added 4 examples.' })).toBeVisible();

  // Fewer rounds than the default keep the test short.
  await page.getByTestId('under-the-hood').locator('summary').first().click();
  const epochs = page.getByRole('slider', { name: 'Rounds (epochs)' });
  await epochs.focus();
  await epochs.press('Home');
  await epochs.press('ArrowRight');
  await epochs.press('ArrowRight');
  await expect(epochs).toHaveAttribute('aria-valuetext', '15');

  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'done', { timeout: 200_000 });
  // 4–8 examples a class: all of them train, and the studio says accuracy needs at least 10 each.
  await expect(page.getByTestId('accuracy-needs-more')).toContainText('at least 10');

  // Live recognition of the looping whistle.
  await page.getByRole('button', { name: 'Start listening' }).click();
  await expect(page.getByTestId('heard')).toHaveAttribute('data-label', 'Whistle', { timeout: 30_000 });
  await expect(page.getByTestId('confidence-bars').locator('[data-label="Whistle"]')).toBeVisible();
  await page.getByRole('button', { name: 'Stop listening' }).click();

  // Everything was saved on this device: after a reload the examples and the model are back.
  await page.reload();
  await waitForBackend(page);
  await expect(cls('Whistle')).toHaveAttribute('data-count', '8');
  await expect(cls('Background noise')).toHaveAttribute('data-count', '4');
  await expect(page.getByRole('button', { name: 'Start listening' })).toBeEnabled({ timeout: 30_000 });

  // Export the project, start over, import it again: classes, examples and model come back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export model and sounds (.zip)' }).click(),
  ]);
  const zip = test.info().outputPath('sound-model.zip');
  await download.saveAs(zip);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: /Start over/ }).click();
  await expect(page.getByTestId('sound-class')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Start listening' })).toBeDisabled();
  await page.getByTestId('import-model').setInputFiles(zip);
  await expect(
    page.getByText('Imported a model with the classes: Background noise, Whistle, Clap.'),
  ).toBeVisible();
  await expect(cls('Whistle')).toHaveAttribute('data-count', '8');
  await expect(cls('Clap')).toHaveAttribute('data-count', '5');
  await page.getByRole('button', { name: 'Start listening' }).click();
  await expect(page.getByTestId('heard')).toHaveAttribute('data-label', 'Whistle', { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('sound-studio.png'), fullPage: true });
});
