// Home, language switch, backend badge and privacy: the app shell as a visitor meets it.
import { expect, test, waitForBackend } from './fixtures';

test('home shows every studio, in English and Korean, and remembers the language', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cais.locale', 'en');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Creative AI Studio');
  const cards = page.getByTestId('studio-cards').locator('li');
  await expect(cards).toHaveCount(7);
  for (const name of [
    'Image studio',
    'Pose studio',
    'Sound studio',
    'Digits studio',
    'Dream & style studio',
    'Music studio',
    'Neural network lab',
  ]) {
    await expect(page.getByRole('heading', { name })).toBeVisible();
  }
  // Cards of studios not built yet say so honestly instead of linking to nothing.
  for (const card of await cards.all()) {
    const ready = (await card.getAttribute('data-ready')) === 'true';
    if (ready) await expect(card.getByRole('link')).toBeVisible();
    else await expect(card).toContainText('Coming soon');
  }

  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('크리에이티브 AI 스튜디오');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { name: '숫자 스튜디오' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('크리에이티브 AI 스튜디오');
});

test('the backend badge shows a running backend and the settings can switch it', async ({ page }) => {
  await page.goto('/');
  const first = await waitForBackend(page);
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(first);
  await page.getByTestId('backend-badge').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /^CPU/ }).check();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'cpu');
  await expect(dialog.getByTestId('backend-current')).toContainText('cpu');
  await dialog.getByRole('radio', { name: /^WebAssembly/ }).check();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // The choice is remembered.
  await page.reload();
  expect(await waitForBackend(page)).toBe('wasm');
});

test('privacy page deletes local data', async ({ page }) => {
  await page.goto('/privacy/');
  await page.evaluate(async () => {
    localStorage.setItem('cais.locale', 'en');
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('creative-ai-studio', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('projects');
        open.result.createObjectStore('models');
      };
      open.onsuccess = () => {
        const tx = open.result.transaction('projects', 'readwrite');
        // A teachable project keeps its trained model inside (`head`): it counts as a model too.
        tx.objectStore('projects').put({ hello: 'world', head: { trainedAt: 1 } }, 'test/project');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
  });
  await page.reload();
  await expect(page.getByTestId('privacy-inventory')).toContainText('1 project, 1 model');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete all my local data' }).click();
  await expect(page.getByRole('status')).toContainText('removed');
  await expect(page.getByTestId('privacy-inventory')).toContainText('0 projects');
  expect(await page.evaluate(() => localStorage.getItem('cais.locale'))).toBeNull();
});
