// Neural network lab: the Playground trains in a real browser, draws its boundary, keeps its state in
// the URL, hides what a teacher asks, and takes a user's CSV (bad files get a clear message).
import path from 'node:path';

import { expect, test, waitForBackend } from './fixtures';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lab');

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
});

async function lossOf(
  page: import('@playwright/test').Page,
  id: 'train-loss' | 'test-loss',
): Promise<number> {
  return Number(await page.getByTestId(id).textContent());
}

async function boundaryPixels(page: import('@playwright/test').Page): Promise<string> {
  return page.getByTestId('boundary-canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
}

test('Playground: change controls, play, the loss falls, the boundary changes, the URL follows', async ({
  page,
}) => {
  // The CPU backend: measured faster than SwiftShader WebGL for these tiny networks.
  await page.goto('/lab/?backend=cpu&data=xor');
  await waitForBackend(page);
  await expect(page.getByTestId('test-loss')).not.toHaveText('–');
  await expect(page.getByTestId('pg-engine')).toHaveValue('js');
  await expect(page.getByTestId('dataset-xor')).toHaveAttribute('aria-pressed', 'true');

  // Change controls the way a learner would: another activation, one more hidden layer, one more input.
  await page.getByTestId('activation').selectOption('relu');
  await page.getByTestId('add-layer').click();
  await page.getByTestId('feature-x1x2').check();
  await expect(page).toHaveURL(/act=relu/);
  await expect(page).toHaveURL(/layers=4%2C4%2C4/);
  await expect(page).toHaveURL(/features=x1%2Cx2%2Cx1x2/);
  await expect(page.getByTestId('epoch')).toHaveText('0');
  const startLoss = await lossOf(page, 'test-loss');
  const startPicture = await boundaryPixels(page);

  await page.getByTestId('play').click();
  await expect
    .poll(async () => Number(await page.getByTestId('epoch').textContent()), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(40);
  await page.getByTestId('play').click();
  const endLoss = await lossOf(page, 'test-loss');
  expect(endLoss).toBeLessThan(startLoss / 2);
  expect(endLoss).toBeLessThan(0.2);
  expect(await boundaryPixels(page)).not.toEqual(startPicture);

  // One step advances exactly one epoch.
  const before = Number(await page.getByTestId('epoch').textContent());
  await page.getByTestId('step').click();
  await expect(page.getByTestId('epoch')).toHaveText(String(before + 1));

  // The state survives a reload because it lives in the URL.
  await page.reload();
  await waitForBackend(page);
  await expect(page.getByTestId('activation')).toHaveValue('relu');
  await expect(page.getByTestId('feature-x1x2')).toBeChecked();
});

test('Playground: a teacher hides controls through the URL', async ({ page }) => {
  // Students (a link with hide= but without teacher=1) do not see the teacher panel.
  await page.goto('/lab/?backend=cpu&data=spiral&hide=dataset');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('dataset-circle')).toHaveCount(0);
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0);
  await page.goto('/lab/?backend=cpu&data=spiral&hide=dataset,features,optimizer&teacher=1');
  await waitForBackend(page);
  await expect(page.getByTestId('play')).toBeEnabled();
  await expect(page.getByTestId('dataset-circle')).toHaveCount(0);
  await expect(page.getByTestId('feature-x1')).toHaveCount(0);
  await expect(page.getByTestId('optimizer')).toHaveCount(0);
  await expect(page.getByTestId('activation')).toBeVisible();
  // Unticking in the teacher panel brings a control back and updates the shareable link.
  await page.getByText('For teachers: hide controls and share').click();
  await page.getByTestId('hide-optimizer').uncheck();
  await expect(page.getByTestId('optimizer')).toBeVisible();
  await expect(page).toHaveURL(/hide=dataset%2Cfeatures(&|$)/);
});

test('Playground: TensorFlow.js is one choice away; on a graphics-card engine it offers WebAssembly', async ({
  page,
}) => {
  await page.goto('/lab/?backend=webgl');
  expect(await waitForBackend(page)).toBe('webgl');
  // The fast typed-array engine trains by default, so there is nothing to suggest yet.
  await expect(page.getByTestId('pg-engine')).toHaveValue('js');
  await expect(page.getByTestId('use-wasm')).toHaveCount(0);
  await page.getByTestId('pg-engine').selectOption('tfjs');
  await expect(page).toHaveURL(/engine=tfjs/);
  await page.getByTestId('use-wasm').click();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('use-wasm')).toHaveCount(0);
  // The network is rebuilt on the new engine and still trains.
  await page.getByTestId('step').click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
});

test('Playground: load a CSV (3 penguin species), train on it; a broken file gets a clear message', async ({
  page,
}) => {
  await page.goto('/lab/?backend=cpu');
  await waitForBackend(page);
  await page.getByTestId('csv-input').setInputFiles(path.join(FIXTURES, 'not-a-csv.csv'));
  await expect(page.getByTestId('csv-error')).toContainText('does not look like a CSV');

  await page.getByTestId('csv-input').setInputFiles(path.join(FIXTURES, 'penguins.csv'));
  await expect(page.getByTestId('csv-panel')).toContainText('penguins.csv: 344 rows');
  await expect(page.getByTestId('csv-panel')).toContainText('rows with empty cells were skipped');
  // Three species: the output switches to softmax + cross-entropy by itself.
  await expect(page.getByTestId('output-head')).toHaveValue('softmax-ce');
  await expect(page.getByTestId('test-loss')).not.toHaveText('–');
  const startLoss = await lossOf(page, 'test-loss');
  await page.getByTestId('play').click();
  await expect
    .poll(async () => Number(await page.getByTestId('epoch').textContent()), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(15);
  await page.getByTestId('play').click();
  expect(await lossOf(page, 'test-loss')).toBeLessThan(startLoss * 0.7);
  // The confusion matrix counts every test point once (3 species × 3).
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await expect(page.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(3);
});

test('Sequence lab: forecast a noisy sine with a GRU and compare with the naive baseline', async ({
  page,
}) => {
  await page.goto('/lab/?backend=cpu&tab=sequence');
  await waitForBackend(page);
  // The layout adds the site name once.
  await expect(page).toHaveTitle('Neural network lab · Creative AI Studio');
  await page.getByTestId('cell').selectOption('gru');
  await expect(page.getByTestId('tensor-shape')).toHaveText('[326, 24, 1]');
  await expect(page.getByTestId('window-picture')).toBeVisible();
  await page.getByTestId('forecast-train').click();
  await expect(page.getByTestId('forecast-verdict')).toBeVisible({ timeout: 150_000 });
  const table = page.getByTestId('forecast-metrics');
  const rmse = table.locator('tr', { hasText: 'RMSE' }).locator('td');
  const model = Number(await rmse.nth(0).textContent());
  const naive = Number(await rmse.nth(1).textContent());
  expect(Number.isFinite(model) && Number.isFinite(naive)).toBe(true);
  // On a smooth periodic series a trained GRU should clearly beat "repeat the last value".
  expect(model).toBeLessThan(naive);
  await expect(page.getByTestId('forecast-verdict')).toContainText('beat the naive baseline');

  // Real data served from our own origin loads too (the fixture fails on any other origin).
  await page.getByTestId('series-source').selectOption('co2');
  await expect(page.getByTestId('tensor-shape')).not.toHaveText('[326, 24, 1]');
});

test('Autoencoder lab: anomaly detection on digits shows a histogram, ROC/AUC and flagged digits', async ({
  page,
}) => {
  await page.goto('/lab/?backend=cpu&tab=autoencoder');
  await waitForBackend(page);
  await page.getByTestId('ae-mode-anomaly').check();
  await page.getByLabel('Epochs').fill('3');
  await page.getByTestId('ae-train').click();
  await expect(page.getByTestId('anomaly-result')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('error-histogram')).toBeVisible();
  await expect(page.getByTestId('roc-curve')).toBeVisible();
  // Trained on 1s only, other held-out digits reconstruct badly: the ranking must be far better than chance.
  expect(Number(await page.getByTestId('auc').textContent())).toBeGreaterThan(0.85);
  const before = await page.getByTestId('precision-recall').textContent();
  await page.getByLabel('Threshold: flag when the error is at least').press('End');
  await expect(page.getByTestId('precision-recall')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('recon-0')).toBeVisible();
  await expect(page.getByTestId('walk-image')).toBeVisible();
});

test('Autoencoder lab: a table (Seattle weather) trains on sunny days, flags other days; a broken CSV is explained', async ({
  page,
}) => {
  await page.goto('/lab/?backend=cpu&tab=autoencoder');
  await waitForBackend(page);
  await page.getByTestId('ae-source-table').check();
  await expect(page.getByTestId('tae-loaded')).toContainText('seattle-weather.csv: 1461 rows');
  await expect(page.getByTestId('tae-split')).toContainText('Training on 448 normal rows');
  await page.getByTestId('tae-train').click();
  await expect(page.getByTestId('anomaly-result')).toBeVisible({ timeout: 150_000 });
  // Held-out days: sunny days rebuild well, rain, fog, drizzle and snow do not. Measured ≈ 0.87.
  expect(Number(await page.getByTestId('auc').textContent())).toBeGreaterThan(0.8);
  await expect(page.getByTestId('tae-recon').locator('tbody tr')).toHaveCount(6);
  const flagged = page.getByTestId('tae-flagged').locator('tbody tr');
  await expect(flagged.first()).toContainText(/rain|snow|fog|drizzle|sun/);
  // Clicking the code map decodes another point into feature values.
  const decoded = await page.getByTestId('tae-decoded').textContent();
  await page.getByTestId('tae-map').click({ position: { x: 10, y: 10 } });
  await expect(page.getByTestId('tae-decoded')).not.toHaveText(decoded ?? '');

  await page.getByTestId('tae-csv-input').setInputFiles(path.join(FIXTURES, 'ragged.csv'));
  await expect(page.getByTestId('tae-csv-error')).toContainText('rows of different lengths: line 3');
  // Nothing is lost: the Seattle table and its results stay.
  await expect(page.getByTestId('tae-loaded')).toContainText('seattle-weather.csv');
  await expect(page.getByTestId('auc')).toBeVisible();

  // The experiment is kept on this device: after a reload the table lab is still the one shown.
  await page.reload();
  await expect(page.getByTestId('ae-source-table')).toBeChecked();
  await expect(page.getByTestId('tae-split')).toContainText('Training on 448 normal rows');
});

test('CNN lab: build conv → pool → dense from the palette, train on digits, see filters and feature maps', async ({
  page,
}) => {
  // The CPU backend: measured faster than SwiftShader WebGL for this tiny CNN on 1,000 digits.
  await page.goto('/lab/?backend=cpu&tab=cnn');
  await waitForBackend(page);
  const total = page.getByTestId('cnn-total-params');
  // Clear the starter stack: only the automatic flatten + 10-way output remain (784·10 + 10).
  // Wait for the starter stack to be on screen first (the tab renders after the engine is ready).
  await expect(page.getByTestId('cnn-remove-0')).toBeVisible();
  await expect(total).not.toHaveText('7850');
  while ((await page.getByTestId('cnn-remove-0').count()) > 0) await page.getByTestId('cnn-remove-0').click();
  await expect(total).toHaveText('7850');
  await page.getByTestId('cnn-add-conv').click(); // 8 filters 3×3 → 26×26×8, 80 + 5418·10
  await expect(total).toHaveText(String(80 + (26 * 26 * 8 + 1) * 10));
  await page.getByTestId('cnn-add-maxPool').click(); // → 13×13×8
  await expect(total).toHaveText(String(80 + (13 * 13 * 8 + 1) * 10));
  await page.getByTestId('cnn-add-dense').click(); // 32 neurons
  await expect(total).toHaveText(String(80 + (13 * 13 * 8 + 1) * 32 + 33 * 10));
  // A convolution after the dense layer is named as the problem, and training is not offered.
  await page.getByTestId('cnn-add-conv').click();
  await expect(page.getByTestId('cnn-problems')).toContainText('Layer 4');
  await expect(page.getByTestId('cnn-train')).toBeDisabled();
  await page.getByTestId('cnn-remove-3').click();
  await expect(page.getByTestId('cnn-problems')).toHaveCount(0);

  await page.getByLabel('Training digits').fill('1000');
  await page.getByLabel('Epochs').fill('1');
  await page.getByTestId('cnn-train').click();
  await expect(page.getByTestId('cnn-test-accuracy')).toBeVisible({ timeout: 120_000 });
  // Chance is 10%; one epoch on 1,000 digits must do far better on the 2,000 held-out ones.
  expect(parseFloat((await page.getByTestId('cnn-test-accuracy').textContent()) ?? '0')).toBeGreaterThan(50);
  await expect(page.getByTestId('cnn-filters-0').locator('canvas')).toHaveCount(8);
  await expect(page.getByTestId('cnn-maps-0').locator('canvas')).toHaveCount(8);
  await expect(page.getByTestId('cnn-conv-view-0')).toContainText('8 filters of 3 × 3');
  // The first held-out digit is a 2; the network's answer for it is shown beside it.
  await expect(page.getByTestId('cnn-guess')).toContainText('Real digit: 2.');
});
