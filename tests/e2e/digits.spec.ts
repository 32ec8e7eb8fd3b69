// Digits studio: a person draws digits with the mouse and the page reads them; training in the browser learns.
import type { Page } from '@playwright/test';

import { expect, test, waitForBackend } from './fixtures';

type Stroke = [number, number][];

/** Digits as a person draws them: polylines in a unit box (x right, y down). */
const DIGITS: Record<number, Stroke[]> = {
  0: [
    Array.from(
      { length: 25 },
      (_, i) =>
        [0.5 + 0.4 * Math.sin((i / 24) * 2 * Math.PI), 0.5 - 0.46 * Math.cos((i / 24) * 2 * Math.PI)] as [
          number,
          number,
        ],
    ),
  ],
  1: [
    [
      [0.55, 0.04],
      [0.5, 0.5],
      [0.45, 0.96],
    ],
  ],
  2: [
    [
      [0.15, 0.3],
      [0.25, 0.1],
      [0.5, 0.03],
      [0.75, 0.1],
      [0.82, 0.3],
      [0.7, 0.5],
      [0.15, 0.95],
      [0.9, 0.95],
    ],
  ],
  3: [
    [
      [0.15, 0.12],
      [0.5, 0.03],
      [0.8, 0.15],
      [0.75, 0.38],
      [0.45, 0.48],
      [0.8, 0.6],
      [0.82, 0.82],
      [0.5, 0.97],
      [0.15, 0.88],
    ],
  ],
  4: [
    [
      [0.25, 0.03],
      [0.12, 0.6],
      [0.9, 0.6],
    ],
    [
      [0.68, 0.25],
      [0.68, 0.97],
    ],
  ],
  5: [
    [
      [0.8, 0.04],
      [0.25, 0.04],
      [0.2, 0.45],
      [0.5, 0.38],
      [0.78, 0.5],
      [0.82, 0.75],
      [0.55, 0.96],
      [0.15, 0.88],
    ],
  ],
  6: [
    [
      [0.72, 0.03],
      [0.4, 0.25],
      [0.2, 0.55],
      [0.22, 0.85],
      [0.5, 0.97],
      [0.78, 0.84],
      [0.78, 0.6],
      [0.5, 0.5],
      [0.22, 0.62],
    ],
  ],
  7: [
    [
      [0.1, 0.05],
      [0.9, 0.05],
      [0.6, 0.5],
      [0.4, 0.97],
    ],
  ],
  8: [
    [
      [0.5, 0.5],
      [0.22, 0.3],
      [0.28, 0.08],
      [0.5, 0.03],
      [0.72, 0.08],
      [0.78, 0.3],
      [0.5, 0.5],
      [0.2, 0.72],
      [0.28, 0.92],
      [0.5, 0.97],
      [0.72, 0.92],
      [0.8, 0.72],
      [0.5, 0.5],
    ],
  ],
  9: [
    [
      [0.8, 0.3],
      [0.5, 0.45],
      [0.22, 0.33],
      [0.3, 0.08],
      [0.55, 0.03],
      [0.78, 0.15],
      [0.8, 0.3],
      [0.72, 0.97],
    ],
  ],
};

/** Off-centre placements and different sizes, as children draw (fractions of the canvas). */
const PLACES = [
  { x: 0.1, y: 0.1, h: 0.45 },
  { x: 0.45, y: 0.35, h: 0.55 },
  { x: 0.3, y: 0.2, h: 0.7 },
  { x: 0.05, y: 0.4, h: 0.5 },
  { x: 0.5, y: 0.05, h: 0.6 },
];

async function drawDigit(page: Page, digit: number, place: (typeof PLACES)[number]) {
  const box = await page.getByTestId('drawing-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const h = place.h * box.height;
  const w = h * 0.65;
  const at = ([u, v]: [number, number]) =>
    [box.x + place.x * box.width + u * w, box.y + place.y * box.height + v * h] as const;
  for (const stroke of DIGITS[digit]) {
    const [x0, y0] = at(stroke[0]);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (const p of stroke.slice(1)) {
      const [x, y] = at(p);
      await page.mouse.move(x, y, { steps: 6 });
    }
    await page.mouse.up();
  }
}

test('recognises digits 0–9 drawn with the mouse, off-centre and at different sizes', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  await page.goto('/digits/');
  await waitForBackend(page);
  await expect(page.getByTestId('digits-model-info')).toContainText('parameters', { timeout: 60_000 });
  await expect(page.getByTestId('digits-empty')).toBeVisible();
  const wrong: string[] = [];
  for (let d = 0; d <= 9; d++) {
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page.getByTestId('digits-empty')).toBeVisible();
    await drawDigit(page, d, PLACES[d % PLACES.length]);
    const answer = page.getByTestId('digits-answer');
    await expect(answer).toBeVisible();
    // Recognition runs while drawing and once more when the pen lifts; wait for that last answer.
    await expect(answer).toHaveAttribute('data-settled', 'true');
    const said = (await answer.textContent())?.trim();
    if (said !== String(d)) wrong.push(`${d}→${said}`);
  }
  expect(wrong, `misread digits: ${wrong.join(', ')}`).toEqual([]);

  // Undo removes the last stroke: the two-stroke 4 becomes something else, and clearing empties it.
  await page.getByRole('button', { name: 'Clear' }).click();
  await drawDigit(page, 4, PLACES[0]);
  await expect(page.getByTestId('digits-answer')).toHaveText('4');
  await page.getByRole('button', { name: 'Undo stroke' }).click();
  await page.getByRole('button', { name: 'Undo stroke' }).click();
  await expect(page.getByTestId('digits-empty')).toBeVisible();
});

test('trains an MLP in the browser, which then reads drawings and survives a reload', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cais.locale', 'en'));
  await page.goto('/digits/');
  await waitForBackend(page);
  // Add one labelled drawing to the training set.
  await drawDigit(page, 7, PLACES[1]);
  await page.getByLabel('Add my drawing to the training set as').selectOption('7');
  await page.getByRole('button', { name: 'Add as 7' }).click();
  await expect(page.getByTestId('digits-drawing-count')).toContainText('1');

  await page.getByRole('tab', { name: 'Train your own' }).click();
  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(epochs).toHaveAttribute('aria-valuetext', '2');
  const hidden = page.getByRole('slider', { name: 'Hidden neurons' });
  await hidden.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('PageUp');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  const result = page.getByTestId('digits-train-result');
  await expect(result).toContainText('Test accuracy', { timeout: 150_000 });
  const accuracy = Number(/([\d.]+)%/.exec((await result.textContent()) ?? '')?.[1]);
  // Ten classes: guessing gets 10%. Two epochs of a small MLP must do far better.
  expect(accuracy).toBeGreaterThan(85);
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await expect(page.getByTestId('digits-mistakes').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('digits-weights').locator('li')).not.toHaveCount(0);

  // My network is now a choice on the drawing tab, also after a reload.
  await page.reload();
  await waitForBackend(page);
  await page.getByLabel('Network', { exact: true }).selectOption('mine');
  await expect(page.getByTestId('digits-model-info')).toContainText(`${accuracy.toFixed(1)}%`);
  await drawDigit(page, 1, PLACES[2]);
  await expect(page.getByTestId('digits-answer')).toHaveText('1');
  await expect(page.getByTestId('digits-drawing-count')).toContainText('1');
});
