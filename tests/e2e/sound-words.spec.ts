// Sound studio e2e on real voices: upload five speakers saying "up", "down" and "left" (Arabic
// Speech Commands, CC BY 4.0, tests/fixtures/sound/sounds-dev) and background noise, train the
// default network (pretrained embedding + dense head) on WASM, then four OTHER speakers saying
// "up" play as the fake microphone and live recognition must name "Up" and say how sure it is.
import { join } from 'node:path';

import config from '../../playwright.config';
import { expect, test, waitForBackend } from './fixtures';

const DEV = join(__dirname, '../fixtures/sound/sounds-dev');

const base = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...base,
    args: [
      ...(base.args ?? []).filter((a) => !a.startsWith('--use-file-for-fake-audio-capture')),
      `--use-file-for-fake-audio-capture=${join(DEV, 'up-test.wav')}`,
    ],
  },
});

test('learn three words from five voices and recognise a new voice from the microphone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  await page.goto('/sound/?backend=wasm');
  await waitForBackend(page);
  const cls = (name: string) => page.locator(`[data-testid="sound-class"][data-class-name="${name}"]`);
  await page.getByRole('button', { name: '+ Add a class' }).click();
  const names = page.getByRole('textbox', { name: 'Class name' });
  await names.nth(0).fill('Up');
  await names.nth(1).fill('Down');
  await names.nth(2).fill('Left');
  for (const [name, file, n] of [
    ['Up', 'up-train.wav', '5'],
    ['Down', 'down-train.wav', '5'],
    ['Left', 'left-train.wav', '5'],
    ['Background noise', 'noise-train.wav', '6'],
  ] as const) {
    await cls(name).locator('input[type=file]').setInputFiles(join(DEV, file));
    await expect(cls(name)).toHaveAttribute('data-count', n);
  }
  // The default network is the pretrained one, with augmentation on.
  await page.getByTestId('under-the-hood').locator('summary').first().click();
  await expect(page.getByTestId('sound-network')).toHaveValue('embedding');
  await expect(page.getByTestId('sound-augment').getByRole('checkbox')).toHaveCount(4);

  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });

  await page.getByRole('button', { name: 'Start listening' }).click();
  await expect(page.getByTestId('heard')).toHaveAttribute('data-label', 'Up', { timeout: 30_000 });
  await expect(page.getByTestId('heard-sure')).toContainText('% sure');
  await page.getByRole('button', { name: 'Stop listening' }).click();
});
