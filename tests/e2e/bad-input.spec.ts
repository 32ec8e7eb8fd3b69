// Bad input never hangs the page and never loses work (issues #17 and #25): one matrix of damaged and
// hostile files, all made at test time, for every upload and import. Each row checks the message
// (it names the file and the limit), that the page still answers, and, after a reload, that the
// earlier work is still there. Every page runs under the strict Content-Security-Policy: any
// violation fails the test.
import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';

import { makeCsv, makeMidi, makePng, makeProjectZip, makeWav, makeZipBomb } from '../../lib/files/test-files';
import { expect, test, waitForBackend } from './fixtures';

const TM_DIR = join(__dirname, '..', 'fixtures', 'image', 'tm-model');
const PROJECT_FORMAT = 'creative-ai-studio/teachable-project';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('cais.locale', 'en');
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

/** Fails unless the page runs a script within 5 s (a frozen page does not). */
async function expectLive(page: Page): Promise<void> {
  const answer = await Promise.race([
    page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(2)))),
    new Promise<number>((r) => setTimeout(() => r(0), 5000)),
  ]);
  expect(answer, 'the page answers').toBe(2);
}

/** The saved project's learner, feature size and class names, read from IndexedDB. */
async function savedProject(page: Page, key: string) {
  return page.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((r) => {
      const req = indexedDB.open('creative-ai-studio');
      req.onsuccess = () => r(req.result);
    });
    const p = await new Promise<{ extractor: string; featureSize: number; classes: { name: string }[] }>(
      (r) => {
        const get = db.transaction('projects').objectStore('projects').get(k);
        get.onsuccess = () => r(get.result as never);
      },
    );
    db.close();
    return { extractor: p.extractor, featureSize: p.featureSize, names: p.classes.map((c) => c.name) };
  }, key);
}

/** The raw value saved under `key` in the studio's IndexedDB (after the page has opened it). */
async function storedValue<T = unknown>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((r) => {
      const req = indexedDB.open('creative-ai-studio');
      req.onsuccess = () => r(req.result);
    });
    const value = await new Promise<unknown>((r) => {
      const get = db.transaction('projects').objectStore('projects').get(k);
      get.onsuccess = () => r(get.result);
    });
    db.close();
    return value as T | undefined;
  }, key);
}

/** Writes `value` under `key` in the studio's IndexedDB, as a damaged or hostile store would hold it. */
async function putStored(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ([k, val]) => {
      const db = await new Promise<IDBDatabase>((r) => {
        const req = indexedDB.open('creative-ai-studio');
        req.onsuccess = () => r(req.result);
      });
      await new Promise<void>((r) => {
        const tx = db.transaction('projects', 'readwrite');
        tx.objectStore('projects').put(val, k as string);
        tx.oncomplete = () => r();
      });
      db.close();
    },
    [key, value] as const,
  );
}

async function expectNoCspViolations(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
}

/** A file on disk (Playwright sends buffers over 50 MB badly); sparse, so 200 MB costs nothing. */
function bigFile(name: string, head: Uint8Array, size: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'bad-input-')), name);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

const file = (name: string, data: Uint8Array | string, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: Buffer.from(typeof data === 'string' ? strToU8(data) : data),
});

/** project.json of a version-2 project, with `patch` applied. */
function projectJson(patch: Record<string, unknown>, extractor: string): Record<string, unknown> {
  return {
    format: PROJECT_FORMAT,
    version: 2,
    extractor,
    featureSize: 0,
    classes: [{ id: 'c1', name: 'Imported', samples: [] }],
    settings: { epochs: 10 },
    augment: { enabled: false, copies: 2, flip: true, crop: true, brightness: true },
    head: null,
    revision: 0,
    options: {},
    updatedAt: 0,
    ...patch,
  };
}

const wrongTypes = (extractor: string) =>
  file(
    'wrong-types.zip',
    makeProjectZip(
      projectJson({ classes: [{ id: 'c1', name: 5, samples: 'x' }], settings: 'fast' }, extractor),
    ),
  );
const escaping = file('escape.zip', zipSync({ 'project.json': strToU8('{}'), '../../x': strToU8('x') }));
const bomb = file('bomb.zip', makeZipBomb());
const hugeImage = file('huge.png', makePng(12000, 12000), 'image/png');

test('Image studio: huge pictures, broken projects and models get a message; the work stays', async ({
  page,
}) => {
  await page.goto('/image/?backend=wasm');
  await waitForBackend(page);
  await page.getByTestId('class-name-0').fill('Keep me');
  await expect(page.getByTestId('upload-0')).toBeEnabled({ timeout: 120_000 });
  await page.getByTestId('upload-0').setInputFiles(file('small.png', makePng(64, 64), 'image/png'));
  await expect(page.getByTestId('class-count-0')).toHaveText('1 example', { timeout: 90_000 });
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this device.');

  await test.step('a 12000 × 12000 PNG as an example', async () => {
    await page.getByTestId('upload-0').setInputFiles(hugeImage);
    await expect(page.getByTestId('file-errors')).toContainText(
      '"huge.png" is 12000 × 12000 pixels (144 megapixels); the studio takes pictures up to 50 megapixels',
    );
    await expectLive(page);
  });
  const notice = page.getByTestId('image-notice');
  const importProject = page.getByTestId('import-project');
  for (const [what, f, message] of [
    ['wrong types', wrongTypes('x'), /"project.json" in "wrong-types.zip" is damaged: classes\.0\.name/],
    ['entries named ../../x', escaping, /"escape.zip" names a file "..\/..\/x" outside the project/],
    ['a zip bomb', bomb, /"bomb.zip" expands to 1\.2 GB\+; a project can be up to 300\.0 MB/],
  ] as const) {
    await test.step(`project import: ${what}`, async () => {
      await importProject.setInputFiles(f);
      await expect(notice).toContainText(message);
      await expectLive(page);
    });
  }
  await test.step('Teachable Machine model with imageSize 30000', async () => {
    const meta = JSON.parse(readFileSync(join(TM_DIR, 'metadata.json'), 'utf8')) as Record<string, unknown>;
    const dir = mkdtempSync(join(tmpdir(), 'tm-'));
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ ...meta, imageSize: 30000 }));
    await page
      .getByTestId('import-tm')
      .setInputFiles([join(TM_DIR, 'model.json'), join(TM_DIR, 'weights.bin'), join(dir, 'metadata.json')]);
    await expect(notice).toContainText('says imageSize 30000; image models take 32 to 512');
    await expectLive(page);
  });
  await test.step('a project without settings or augment: asks first, imports, Undo brings the work back', async () => {
    // The studio's own learner name and feature size, so the file is a project of this studio.
    const saved = await savedProject(page, 'image-project');
    const bare = projectJson(
      { settings: undefined, augment: undefined, featureSize: saved.featureSize },
      saved.extractor,
    );
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await importProject.setInputFiles(file('bare.zip', makeProjectZip(bare)));
    await expect(notice).toContainText('imported');
    expect(asked).toContain('It replaces the project you have now');
    await expect(page.getByTestId('class-name-0')).toHaveValue('Imported');
    await page.getByTestId('undo-import').click();
    await expect(page.getByTestId('class-name-0')).toHaveValue('Keep me');
    await expect.poll(async () => (await savedProject(page, 'image-project')).names[0]).toBe('Keep me');
  });
  await expectNoCspViolations(page);
  await page.reload();
  await expect(page.getByTestId('class-name-0')).toHaveValue('Keep me');
  await expect(page.getByTestId('class-count-0')).toHaveText('1 example');
});

test('Pose studio: a huge photo and a project without settings never lose the poses', async ({ page }) => {
  await page.goto('/pose/?backend=wasm');
  await waitForBackend(page);
  await page.getByTestId('class-name-0').fill('Keep me');
  await expect(page.getByTestId('pose-save-state')).toContainText(/Saved/);
  await test.step('a 12000 × 12000 PNG as an example', async () => {
    await expect(page.getByTestId('upload-0')).toBeEnabled({ timeout: 120_000 });
    await page.getByTestId('upload-0').setInputFiles(hugeImage);
    await expect(page.getByTestId('pose-file-errors')).toContainText('"huge.png" is 12000 × 12000 pixels');
    await expectLive(page);
  });
  await test.step('project import: wrong types', async () => {
    await page.getByTestId('import-project').setInputFiles(wrongTypes('x'));
    await expect(page.getByTestId('pose-notice')).toContainText('is damaged: classes.0.name');
  });
  await expectNoCspViolations(page);
  await page.reload();
  await expect(page.getByTestId('class-name-0')).toHaveValue('Keep me');
});

test('Sound studio: a 200 MB WAV, a zip bomb, 100,000 classes and wrong types get a message', async ({
  page,
}) => {
  await page.goto('/sound/?backend=wasm');
  await waitForBackend(page);
  await page.getByTestId('class-name-1').fill('Keep me');
  await expect(page.getByText(/Saved on this device/)).toBeVisible();
  await test.step('a 200 MB WAV (17 minutes, stereo 48 kHz)', async () => {
    const wav = bigFile('long.wav', makeWav(1062, 48000, 2, false), 200_000_000);
    await expect(page.getByTestId('upload-background')).toBeEnabled({ timeout: 120_000 });
    await page.getByTestId('upload-background').setInputFiles(wav);
    await expect(page.getByText('"long.wav" is 200.0 MB; sound files can be up to 50.0 MB')).toBeVisible();
    await expectLive(page);
  });
  const manyClasses = zipSync({
    'model.json': strToU8(JSON.stringify({ modelTopology: {}, weightsManifest: [] })),
    'metadata.json': strToU8(JSON.stringify({ labels: Array.from({ length: 100_000 }, (_, i) => `c${i}`) })),
  });
  for (const [what, f, message] of [
    ['a zip bomb', bomb, '"bomb.zip" expands to 1.2 GB+'],
    [
      'a manifest with 100,000 classes',
      file('classes.zip', manyClasses),
      '"classes.zip" has 100,000 classes',
    ],
    ['wrong JSON types', wrongTypes('x'), '"project.json" in "wrong-types.zip" is damaged'],
  ] as const) {
    await test.step(`import: ${what}`, async () => {
      await page.getByTestId('import-model').setInputFiles(f);
      await expect(page.getByText(message)).toBeVisible();
      await expectLive(page);
    });
  }
  await expectNoCspViolations(page);
  await page.reload();
  await expect(page.getByTestId('class-name-1')).toHaveValue('Keep me');
});

test('Music studio: a MIDI with 120,000 notes or over the size limit keeps every saved clip', async ({
  page,
}) => {
  await page.goto('/music/?backend=cpu');
  const clips = page.getByTestId('clip');
  await page.getByTestId('midi-input').setInputFiles(file('keep.mid', makeMidi(16), 'audio/midi'));
  await expect(clips).toHaveCount(1);
  const message = page.getByTestId('music-message');
  await test.step('120,000 notes and a note at tick 2^27', async () => {
    await page
      .getByTestId('midi-input')
      .setInputFiles(file('huge.mid', makeMidi(120_000, 2 ** 27), 'audio/midi'));
    await expect(message).toContainText(/"huge\.mid" (has 20,000\+ notes|lasts [\d,]+ bars)/);
    await expectLive(page);
  });
  await test.step('a 3 MB MIDI', async () => {
    const big = new Uint8Array(3_000_000);
    big.set(makeMidi(4));
    await page.getByTestId('midi-input').setInputFiles(file('big.mid', big, 'audio/midi'));
    await expect(message).toContainText('"big.mid" is 3.0 MB; MIDI files can be up to 2.0 MB');
    await expectLive(page);
  });
  await expectNoCspViolations(page);
  await page.reload();
  await expect(clips).toHaveCount(1);
});

test('Labs: 1,000,000 CSV rows get the same row limit in the Playground, Sequence and Autoencoder labs', async ({
  page,
}) => {
  const million = file('million.csv', makeCsv(1_000_000), 'text/csv');
  for (const [tab, input, error, where] of [
    ['playground', 'csv-input', 'csv-error', 'Playground'],
    ['sequence', 'series-csv-input', 'sequence-error', 'Sequence lab'],
    ['autoencoder', 'tae-csv-input', 'tae-csv-error', 'Autoencoder lab'],
  ] as const) {
    await test.step(tab, async () => {
      await page.goto(`/lab/?backend=cpu&tab=${tab}`);
      await waitForBackend(page);
      if (tab === 'autoencoder') await page.getByTestId('ae-source-table').check();
      await page.getByTestId(input).setInputFiles(million);
      await expect(page.getByTestId(error)).toContainText(
        `"million.csv" has 1,000,000 rows; the ${where} takes up to 50,000`,
      );
      await expectLive(page);
      await expectNoCspViolations(page);
    });
  }
});

/** A CSV of `rows` rows and `columns` numeric columns (a big table the labs allow). */
function wideCsv(rows: number, columns: number): string {
  const head = Array.from({ length: columns }, (_, c) => `c${c}`).join(',');
  const lines = [head];
  for (let r = 0; r < rows; r++)
    lines.push(Array.from({ length: columns }, (_, c) => ((r * 31 + c * 17) % 1000) / 8).join(','));
  return lines.join('\n');
}

test('Labs: a big table is read in a worker with progress; Cancel answers at once and keeps the table', async ({
  page,
}) => {
  // 50,000 rows (the limit) of 40 columns, about 11 MB: seconds of parsing, all in the worker.
  // From disk: a buffer this big is built inside the page by Playwright, a long task of its own.
  const big = join(mkdtempSync(join(tmpdir(), 'big-csv-')), 'big.csv');
  writeFileSync(big, wideCsv(50_000, 40));
  const keep = file('keep.csv', makeCsv(50), 'text/csv');
  let fullRead = 0;
  await test.step('read to the end, the big table loads', async () => {
    await page.goto('/lab/?backend=cpu&tab=playground');
    await waitForBackend(page);
    await expect(page.getByTestId('points-sampled')).toHaveCount(0);
    const start = Date.now();
    await page.getByTestId('csv-input').setInputFiles(big);
    await expect(page.getByTestId('csv-panel')).toContainText('big.csv: 50000 rows', { timeout: 60_000 });
    await expect(page.getByTestId('csv-progress')).toHaveCount(0);
    fullRead = Math.min(Date.now() - start, 20_000);
    // Saved, then read again after a reload in the worker: the page answers while it is read.
    await expect
      .poll(async () => (await storedValue<{ name: string }>(page, 'lab.playground.csv'))?.name)
      .toBe('big.csv');
    expect(page.url()).toContain('data=csv');
    await page.reload();
    await expectLive(page);
    await expect(page.getByTestId('csv-panel')).toContainText('big.csv: 50000 rows', { timeout: 60_000 });
    // 50,000 dots would be a smear: the picture draws 1 in every n and says so.
    await expect(page.getByTestId('points-sampled')).toContainText(
      /shows 1 in every \d+ \([\d,]+ of [\d,]+\)/,
    );
  });
  for (const [tab, input, progress, loaded] of [
    ['playground', 'csv-input', 'csv-progress', 'csv-panel'],
    ['sequence', 'series-csv-input', 'series-csv-progress', 'series-source'],
    ['autoencoder', 'tae-csv-input', 'tae-csv-progress', 'tae-loaded'],
  ] as const) {
    await test.step(tab, async () => {
      await page.goto(`/lab/?backend=cpu&tab=${tab}`);
      await waitForBackend(page);
      if (tab === 'autoencoder') await page.getByTestId('ae-source-table').check();
      const shown = () =>
        tab === 'sequence' ? page.getByTestId(loaded).locator('option:checked') : page.getByTestId(loaded);
      await page.getByTestId(input).setInputFiles(keep);
      await expect(shown()).toContainText('keep.csv');
      const before = await shown().textContent();

      // A keyboard user is on the file button when the file arrives; after Cancel, focus comes back to it.
      const chooser = page.locator(`label[for="${await page.getByTestId(input).getAttribute('id')}"]`);
      await chooser.focus();
      await page.getByTestId(input).setInputFiles(big);
      const bar = page.getByTestId(progress);
      await expect(bar.getByRole('progressbar')).toHaveAccessibleName(/^Reading "big\.csv"… \d+%$/);
      await expectLive(page);
      // The click answers while the worker parses: the bar goes, and nothing replaces the table, even
      // after as long as reading the whole table takes (measured in the first step).
      await bar.getByTestId(`${progress}-cancel`).click();
      await expect(bar).toHaveCount(0);
      await expect(chooser).toBeFocused();
      await page.waitForTimeout(fullRead + 1000);
      expect(await shown().textContent()).toBe(before);
      await expect(page.getByTestId(`${input}`)).toBeEnabled();
      await expectNoCspViolations(page);
    });
  }
});

test('two tabs of one studio: the second says the project is open elsewhere and saves nothing', async ({
  page,
  context,
}) => {
  await test.step('Image', async () => {
    await page.goto('/image/?backend=cpu');
    await expect(page.getByTestId('class-name-0')).toBeVisible();
    const second = await context.newPage();
    await second.goto('/image/?backend=cpu');
    await expect(second.getByTestId('open-elsewhere')).toContainText('open in another tab');
    await expect(page.getByTestId('open-elsewhere')).toHaveCount(0);
    await second.close();
  });
  await test.step('Music: a clip added in the second tab is not saved over the first tab’s', async () => {
    await page.goto('/music/?backend=cpu');
    await page.getByTestId('midi-input').setInputFiles(file('mine.mid', makeMidi(16), 'audio/midi'));
    await expect(page.getByTestId('clip')).toHaveCount(1);
    await expect.poll(async () => (await storedValue<unknown[]>(page, 'music/clips'))?.length).toBe(1);
    const second = await context.newPage();
    await second.goto('/music/?backend=cpu');
    await expect(second.getByTestId('open-elsewhere')).toContainText('open in another tab');
    await expect(second.getByTestId('clip')).toHaveCount(1);
    await second.getByTestId('midi-input').setInputFiles(file('theirs.mid', makeMidi(8), 'audio/midi'));
    await expect(second.getByTestId('clip')).toHaveCount(2);
    await second.reload();
    await expect(second.getByTestId('open-elsewhere')).toBeVisible();
    await expect(second.getByTestId('clip')).toHaveCount(1);
    expect((await storedValue<unknown[]>(page, 'music/clips'))?.length).toBe(1);
    await expect(page.getByTestId('open-elsewhere')).toHaveCount(0);
    await second.close();
  });
  await test.step('Lab: a CNN stack changed in the second tab is not saved over the first tab’s', async () => {
    const layers = async (p: Page) => (await storedValue<{ stack: unknown[] }>(p, 'lab.cnn'))?.stack.length;
    await page.goto('/lab/?backend=cpu&tab=cnn');
    await expect(page.getByTestId('cnn-layer-3')).toBeVisible();
    await page.getByTestId('cnn-add-dense').click();
    await expect(page.getByTestId('cnn-layer-4')).toBeVisible();
    await expect.poll(() => layers(page)).toBe(5);
    const second = await context.newPage();
    await second.goto('/lab/?backend=cpu&tab=cnn');
    await expect(second.getByTestId('open-elsewhere')).toContainText('open in another tab');
    await expect(second.getByTestId('cnn-layer-4')).toBeVisible();
    await second.getByTestId('cnn-remove-0').click();
    await second.getByTestId('cnn-remove-0').click();
    await expect(second.getByTestId('cnn-layer-3')).toHaveCount(0);
    await second.reload();
    await expect(second.getByTestId('open-elsewhere')).toBeVisible();
    await expect(second.getByTestId('cnn-layer-4')).toBeVisible();
    expect(await layers(page)).toBe(5);
    await expect(page.getByTestId('open-elsewhere')).toHaveCount(0);
    await second.close();
  });
});

test('damaged saved settings: Pose and the lab keep working and start from defaults', async ({ page }) => {
  await test.step('Pose settings', async () => {
    await page.goto('/pose/?backend=cpu');
    await expect(page.getByTestId('pose-model')).toHaveValue('movenet-lightning');
    // The studio saves its settings once read; only then is the garbage written over them.
    await expect.poll(() => storedValue(page, 'pose-settings')).toBeTruthy();
    await putStored(page, 'pose-settings', {
      model: '<img src=x onerror=alert(1)>',
      multiPose: 'yes',
      inputResolution: 1e9,
      minScore: NaN,
      mirror: { on: true },
      extra: new Array(10_000).fill('x'),
    });
    await page.reload();
    await expect(page.getByTestId('pose-model')).toHaveValue('movenet-lightning');
    await expectLive(page);
    // What it saves now is the repaired settings, not the garbage.
    await expect
      .poll(() => storedValue(page, 'pose-settings'))
      .toEqual({
        model: 'movenet-lightning',
        multiPose: false,
        inputResolution: 257,
        minScore: 0.3,
        mirror: true,
      });
    await expectNoCspViolations(page);
  });
  await test.step('Playground table and CNN lab', async () => {
    await page.goto('/lab/?backend=cpu&tab=playground');
    await waitForBackend(page);
    await expect(page.getByTestId('dataset-circle')).toBeVisible();
    await putStored(page, 'lab.playground.csv', {
      name: 'evil.csv',
      text: 'a,b,c\n1,2,x\n3,4,y\n',
      choice: { x1: 42, x2: null, label: ['c'], problem: 'magic' },
    });
    await putStored(page, 'lab.cnn', {
      stack: new Array(10_000).fill({ kind: 'conv', filters: 1e9, kernelSize: -1 }),
      settings: { epochs: NaN, batchSize: 'big', learningRate: Infinity, subset: -1 },
    });
    await page.goto('/lab/?backend=cpu&tab=playground&data=csv');
    await expect(page.getByTestId('dataset-circle')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('csv-panel')).toHaveCount(0);
    await expectLive(page);
    await page.goto('/lab/?backend=cpu&tab=cnn');
    // The default stack of four layers, and training is possible.
    await expect(page.getByTestId('cnn-layer-3')).toBeVisible();
    await expect(page.getByTestId('cnn-layer-4')).toHaveCount(0);
    await expect(page.getByTestId('cnn-train')).toBeEnabled();
    await expectLive(page);
    await expectNoCspViolations(page);
  });
});

test('every studio starts under the Content-Security-Policy without a violation', async ({ page }) => {
  for (const path of ['/', '/image/', '/pose/', '/sound/', '/digits/', '/dream/', '/music/', '/lab/']) {
    // The policy as delivered (a meta policy applies from the moment the parser reads it), read from
    // the page's HTML rather than the live DOM, which React may rebuild after loading.
    const response = await page.goto(`${path}?backend=cpu`);
    const html = (await response?.text()) ?? '';
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(policy, `${path} delivers a policy`).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(policy).not.toContain("'unsafe-eval'");
    await waitForBackend(page);
    await expectNoCspViolations(page);
  }
});
