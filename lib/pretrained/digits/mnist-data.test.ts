// Checks the MNIST binaries parse into the split the shipped models were trained and tested on.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '@/lib/errors';
import { loadMnist } from './index';
import type { FetchLike } from './index';
import { REPO_ROOT, fsFetch } from './node-files.test-util';

const DATA_DIR = path.join(REPO_ROOT, 'public', 'data', 'mnist');

describe('loadMnist', () => {
  it('splits 10,000 digits into 8,000 train and 2,000 test, scaled to 0-1', async () => {
    const data = await loadMnist(fsFetch(DATA_DIR));
    expect(data.count).toBe(10_000);
    expect(data.trainImages.length).toBe(8000 * 784);
    expect(data.trainLabels.length).toBe(8000);
    expect(data.testImages.length).toBe(2000 * 784);
    expect(data.testLabels.length).toBe(2000);
    expect(data.meta.split.testIndices).toHaveLength(2000);
    let max = 0;
    let min = 1;
    for (const v of data.testImages) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
    // Every digit is present in both parts.
    for (let d = 0; d < 10; d++) {
      expect(data.trainLabels.filter((l) => l === d).length).toBeGreaterThan(600);
      expect(data.testLabels.filter((l) => l === d).length).toBeGreaterThan(150);
    }
  });

  it('builds URLs from a base folder', async () => {
    const asked: string[] = [];
    const serve = fsFetch(DATA_DIR);
    const original = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      asked.push(url);
      return serve(path.basename(url));
    }) as unknown as typeof fetch;
    try {
      await loadMnist('/data/mnist/');
    } finally {
      globalThis.fetch = original;
    }
    expect(asked.sort()).toEqual([
      '/data/mnist/images.bin',
      '/data/mnist/labels.bin',
      '/data/mnist/meta.json',
    ]);
  });

  it('throws InputError naming a missing or short file', async () => {
    const serve = fsFetch(DATA_DIR);
    const missing: FetchLike = async (name) =>
      name === 'labels.bin'
        ? { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) }
        : serve(name);
    await expect(loadMnist(missing)).rejects.toThrow(/labels\.bin.*404/);
    const short: FetchLike = async (name) =>
      name === 'images.bin'
        ? { ok: true, status: 200, arrayBuffer: async () => new ArrayBuffer(784) }
        : serve(name);
    await expect(loadMnist(short)).rejects.toThrow(InputError);
  });
});
