// A child's path in Korean (#22): a Korean browser at 1280×800 and on a phone. Every header link is
// visible, the pages speak Korean (no English words outside names and file formats), each tried
// studio leaves its result in view, and a camera that cannot start says why, with Try again.
import type { Page } from '@playwright/test';

import { expect, test, waitForBackend } from './fixtures';

/** Names, formats and units a Korean page may show in Latin letters. */
const ALLOWED = new Set(
  [
    'AI',
    'MIDI',
    'PNG',
    'JPEG',
    'JPG',
    'WebP',
    'GIF',
    'WAV',
    'MP3',
    'MP4',
    'OGG',
    'WebM',
    'zip',
    'json',
    'bin',
    'model',
    'weights',
    'metadata',
    'mid',
    'https',
    'localhost',
    'TensorFlow',
    'js',
    'WebGL',
    'WebGPU',
    'WebAssembly',
    'CPU',
    'GPU',
    'MNIST',
    'PoseNet',
    'AABA',
    'AABB',
    'USB',
    'HTML',
    'C4',
    'C5',
    'M4A',
    'sin',
    'L1',
    'L2',
    'Lightning',
    // Names of methods the Lab teaches (as a textbook keeps them).
    'ReLU',
    'tanh',
    'sigmoid',
    'Leaky',
    'ELU',
    'SGD',
    'Adagrad',
    'RMSProp',
    'Adam',
    'XOR',
    'RNN',
    'LSTM',
    'GRU',
    'MSE',
    'MAE',
    'RMSE',
    'MAPE',
    'PCA',
    'ROC',
    'AUC',
    'Thunder',
    'MLP',
    'CNN',
    'MoveNet',
    'MusicVAE',
    'GrooVAE',
    'Magenta',
    'Google',
    'Nottingham',
    'Music',
    'Database',
    'Groove',
    'Dataset',
    'Gillick',
    'Roberts',
    'Engel',
    'Eck',
    'Bamman',
    'ICML',
    'CC',
    'BY',
    'GPL',
    'Apache',
    'Chrome',
    'Edge',
    'Firefox',
    'Safari',
    'English',
    'IndexedDB',
    'CSV',
    'Am',
    'MB',
    'KB',
    'Hz',
    'x1',
    'x2',
  ].map((w) => w.toLowerCase()),
);

/** Latin words in the rendered text of the page (what a person sees), minus the allowed ones. */
async function englishWords(page: Page): Promise<string[]> {
  // File names (pose-project.zip, model.json) and identifiers (a cache called
  // serwist-precache-v2-http://…) are not words to translate.
  const text = (await page.evaluate(() => document.body.innerText))
    .replace(/[\w.-]+\.(zip|json|bin|mid|midi|wav|png|jpe?g|csv)\b/gi, ' ')
    .replace(/\S*(:\/\/|[A-Za-z0-9]-[A-Za-z0-9])\S*/g, ' ');
  const words = text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  return [...new Set(words.filter((w) => w.length > 1 && !ALLOWED.has(w.toLowerCase())))];
}

/** Every link of the header is visible and inside the viewport. */
async function headerLinksInView(page: Page) {
  const links = page.getByTestId('header-links').getByRole('link');
  await expect(links).toHaveCount(8);
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
    await expect(link).toBeInViewport({ ratio: 1 });
  }
}

const PAGES: { path: string; title: RegExp }[] = [
  { path: '/', title: /^크리에이티브 AI 스튜디오$/ },
  { path: '/image/', title: /^이미지 스튜디오 · 크리에이티브 AI 스튜디오$/ },
  { path: '/pose/', title: /스튜디오 · 크리에이티브 AI 스튜디오$/ },
  { path: '/sound/', title: /· 크리에이티브 AI 스튜디오$/ },
  { path: '/digits/', title: /· 크리에이티브 AI 스튜디오$/ },
  { path: '/dream/', title: /· 크리에이티브 AI 스튜디오$/ },
  { path: '/music/', title: /^음악 스튜디오 · 크리에이티브 AI 스튜디오$/ },
  { path: '/lab/', title: /· 크리에이티브 AI 스튜디오$/ },
  { path: '/privacy/', title: /^개인정보 · 크리에이티브 AI 스튜디오$/ },
];

test.describe('in Korean at 1280×800', () => {
  test.use({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });

  test('every page: Korean from the first paint, header links visible, no English words', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    // The header's text at the first contentful paint: already Korean, never English first.
    await page.addInitScript(() => {
      const w = window as unknown as { firstPaint?: string };
      new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => e.name === 'first-contentful-paint'))
          w.firstPaint = document.querySelector('header')?.textContent ?? '';
      }).observe({ type: 'paint', buffered: true });
    });
    const found: Record<string, string[]> = {};
    for (const { path, title } of PAGES) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      const firstPaint = await page.waitForFunction(() => (window as { firstPaint?: string }).firstPaint);
      expect(await firstPaint.jsonValue()).toMatch(/[가-힣]/);
      expect(await firstPaint.jsonValue()).not.toContain('Privacy');
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 60_000 });
      await expect(page).toHaveTitle(title);
      await headerLinksInView(page);
      if (path !== '/' && path !== '/privacy/') await waitForBackend(page);
      await page.waitForTimeout(500);
      const english = await englishWords(page);
      if (english.length) found[path] = english;
    }
    expect(found).toEqual({});
  });

  test('Image: training leaves the answer and the preview in view', async ({ page }) => {
    test.setTimeout(200_000);
    await page.goto('/image/?backend=wasm');
    await waitForBackend(page);
    const { join } = await import('node:path');
    const dir = join(__dirname, '..', 'fixtures', 'image');
    await expect(page.getByTestId('upload-0')).toBeEnabled({ timeout: 90_000 });
    await page
      .getByTestId('upload-0')
      .setInputFiles(['ball-00.jpg', 'ball-01.jpg', 'ball-02.jpg'].map((f) => join(dir, f)));
    await page
      .getByTestId('upload-1')
      .setInputFiles(['block-00.jpg', 'block-01.jpg', 'block-02.jpg'].map((f) => join(dir, f)));
    await expect(page.getByTestId('class-count-1')).toHaveText('예시 3개');
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('training-done')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('training-done')).toBeInViewport();
    await expect(page.getByTestId('predict-file')).toBeAttached();
    await page.getByTestId('predict-file').setInputFiles(join(dir, 'block-03.jpg'));
    await expect(page.getByTestId('confidence-bars').first()).toBeInViewport();
    await expect(page.getByTestId('under-the-hood')).not.toHaveAttribute('open', '');
    expect(await englishWords(page)).toEqual([]);
  });

  test('Digits: the answer to a drawn digit is in view', async ({ page }) => {
    await page.goto('/digits/');
    await waitForBackend(page);
    await expect(page.getByTestId('digits-empty')).toBeVisible({ timeout: 60_000 });
    const canvas = page.getByTestId('drawing-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.1);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.9, { steps: 12 });
    await page.mouse.up();
    await expect(page.getByTestId('digits-answer')).toBeInViewport({ timeout: 30_000 });
  });

  for (const [name, kind, words] of [
    ['NotFoundError', 'missing', '카메라를 찾지 못했어요'],
    ['NotReadableError', 'busy', '다른 곳에서 쓰고 있어요'],
    ['NotAllowedError', 'denied', '막혀 있어요'],
  ] as const) {
    test(`camera ${name}: says why in Korean, and Try again works`, async ({ page }) => {
      await page.addInitScript((errorName) => {
        const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        let calls = 0;
        navigator.mediaDevices.getUserMedia = (c) =>
          ++calls === 1 ? Promise.reject(new DOMException('test', errorName)) : real(c);
      }, name);
      await page.goto('/image/');
      // The camera waits for a click, after one sentence on where the picture goes.
      await expect(page.getByTestId('camera-start')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByText('이 컴퓨터 안에만')).toBeVisible();
      await page.getByTestId('camera-start').click();
      const error = page.getByTestId('camera-error');
      await expect(error).toHaveAttribute('data-kind', kind);
      await expect(error).toContainText(words);
      await expect(error).toContainText('사진을 올려서');
      await page.getByTestId('camera-retry').click();
      await expect(error).toHaveCount(0);
      await expect
        .poll(() => page.getByTestId('webcam-video').evaluate((v: HTMLVideoElement) => v.videoWidth))
        .toBeGreaterThan(0);
    });
  }

  test('camera on a page that is not secure says so', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { value: false }));
    await page.goto('/pose/');
    await page.getByTestId('camera-start').click({ timeout: 60_000 });
    await expect(page.getByTestId('camera-error')).toHaveAttribute('data-kind', 'insecure');
    await expect(page.getByTestId('camera-retry')).toBeVisible();
  });
});

test.describe('in Korean on a phone', () => {
  test.use({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('header links all visible and big enough to tap; the studio buttons too', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('start-here')).toBeVisible();
    await headerLinksInView(page);
    for (const link of await page.getByTestId('header-links').getByRole('link').all()) {
      const box = await link.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await page.goto('/image/');
    await expect(page.getByTestId('camera-start')).toBeVisible({ timeout: 60_000 });
    // Every visible button and checkbox row in the studio is at least 44 px tall.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main button, main label:has(> input[type=checkbox])')]
        .map((el) => ({ text: (el as HTMLElement).innerText.slice(0, 30), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0 && r.height < 44)
        .map(({ text, r }) => `${text} (${Math.round(r.height)} px)`),
    );
    expect(small).toEqual([]);
    expect(await englishWords(page)).toEqual([]);
  });
});

test.describe('colour contrast', () => {
  // axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses.
  test.use({ locale: 'ko-KR', viewport: { width: 1280, height: 800 }, bypassCSP: true });

  test('axe finds no colour-contrast problems on /pose/, /dream/ and /lab/', async ({ page }) => {
    test.setTimeout(180_000);
    const { join } = await import('node:path');
    const found: Record<string, string[]> = {};
    for (const path of ['/pose/', '/dream/', '/lab/']) {
      await page.goto(`${path}?backend=cpu`);
      await waitForBackend(page);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForTimeout(1000);
      await page.addScriptTag({ path: join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js') });
      const nodes = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResult> } }).axe;
        type AxeResult = { violations: { nodes: { target: string[]; failureSummary?: string }[] }[] };
        const r = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
        return r.violations.flatMap((v) =>
          v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
        );
      });
      if (nodes.length) found[path] = nodes;
    }
    expect(found).toEqual({});
  });
});
