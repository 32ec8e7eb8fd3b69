#!/usr/bin/env node
// npm run bench: builds (if needed), serves the static export locally, drives headless Chromium through
// /bench/?backend=X for each backend and writes bench/results/<timestamp>.json.
// Options: --backends webgl,wasm,cpu  --only core,image  --rebuild  --port 4390  --timeout 600 (s per backend)
// Speed is compared as ratios measured in the same run (this machine is shared and noisy).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from '@playwright/test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const backends = opt('backends', 'webgpu,webgl,wasm,cpu').split(',');
const only = opt('only', '');
const port = Number(opt('port', 4390));
const timeoutS = Number(opt('timeout', 600));
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);

if (args.includes('--rebuild') || !existsSync(join(ROOT, 'out', 'bench', 'index.html'))) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(
  process.execPath,
  [join(ROOT, 'scripts', 'serve.mjs'), join(ROOT, 'out'), '--port', String(port)],
  {
    stdio: 'ignore',
  },
);
await new Promise((r) => setTimeout(r, 800));

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [
    '--no-sandbox',
    '--enable-unsafe-swiftshader',
    '--enable-unsafe-webgpu',
    '--disable-background-networking',
    '--no-first-run',
  ],
});
const runs = [];
try {
  for (const backend of backends) {
    const page = await browser.newPage();
    const url = `http://127.0.0.1:${port}/bench/?backend=${backend}${only ? `&only=${only}` : ''}`;
    process.stdout.write(`\n▶ ${backend} …\n`);
    const t0 = Date.now();
    await page.goto(url);
    let last = '';
    for (;;) {
      const s = await page.evaluate(() => window.__BENCH__ ?? null).catch(() => null);
      if (s?.done) break;
      if (s && s.status !== last) process.stdout.write(`  … ${(last = s.status)}\n`);
      if (Date.now() - t0 > timeoutS * 1000) {
        process.stdout.write(`  timed out after ${timeoutS} s\n`);
        break;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    const state = await page.evaluate(() => window.__BENCH__ ?? null);
    runs.push({
      requested: backend,
      seconds: (Date.now() - t0) / 1000,
      ...(state ?? { errors: [{ workload: '*', message: 'no result' }] }),
    });
    for (const r of state?.results ?? [])
      process.stdout.write(
        `  ${r.label.padEnd(60)} ${(r.value ?? NaN).toFixed(2).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}\n`,
      );
    for (const e of state?.errors ?? []) process.stdout.write(`  ! ${e.workload}: ${e.message}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}

// Ratios against the CPU backend, measured in this same run.
const cpu = runs.find((r) => r.requested === 'cpu' && r.backend === 'cpu');
const table = {};
for (const run of runs) {
  for (const r of run.results ?? []) {
    table[r.id] ??= { label: r.label, unit: r.unit };
    table[r.id][run.requested] = r.value;
    const base = cpu?.results?.find((c) => c.id === r.id)?.value;
    if (base && run.requested !== 'cpu' && r.unit.startsWith('ms'))
      table[r.id][`${run.requested}SpeedupVsCpu`] = base / r.value;
  }
}
process.stdout.write('\nSummary (lower ms is better; speed-up vs cpu in this run):\n');
for (const [id, row] of Object.entries(table)) {
  const cells = backends.map((b) => `${b}=${Number.isFinite(row[b]) ? row[b].toFixed(1) : '—'}`).join('  ');
  process.stdout.write(`  ${id.padEnd(28)} ${cells} ${row.unit}\n`);
}
const outDir = join(ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = join(outDir, `${stamp}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      userAgent: await browserVersion(),
      machine: `${process.platform} ${process.arch}`,
      runs,
      table,
    },
    null,
    2,
  ),
);
process.stdout.write(`\nWrote ${file}\n`);

async function browserVersion() {
  return chromiumPath ?? 'playwright chromium';
}
