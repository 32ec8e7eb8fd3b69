// makeAvailableOffline / offlineStatus against a loopback HTTP server and a small in-memory Cache
// Storage (Node has none): progress in bytes, only missing files fetched, a changed file re-fetched.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { deleteOfflineData, listCaches, makeAvailableOffline, offlineStatus } from './cache';
import type { OfflineProgress } from './types';

/** The part of Cache Storage the module uses, kept in memory. */
class MemoryCache {
  readonly entries = new Map<string, Response>();
  private key(req: RequestInfo | URL) {
    return new URL(String(req instanceof Request ? req.url : req), 'http://site.invalid').pathname;
  }
  async match(req: RequestInfo | URL) {
    return this.entries.get(this.key(req))?.clone();
  }
  async put(req: RequestInfo | URL, res: Response) {
    this.entries.set(this.key(req), res);
  }
  async delete(req: RequestInfo | URL) {
    return this.entries.delete(this.key(req));
  }
  async keys() {
    return [...this.entries.keys()];
  }
}
const stores = new Map<string, MemoryCache>();
const memoryCaches = {
  open: async (name: string) => stores.get(name) ?? (stores.set(name, new MemoryCache()), stores.get(name)!),
  keys: async () => [...stores.keys()],
  delete: async (name: string) => stores.delete(name),
};

const FILES: Record<string, Uint8Array> = {
  '/models/a/model.json': new Uint8Array(100).fill(1),
  '/models/a/weights.bin': new Uint8Array(5000).fill(2),
};
const served: string[] = [];
let server: Server;
let base = '';
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    const body = FILES[req.url ?? ''];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-length': body.byteLength }).end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The module fetches site-relative URLs, as in the browser.
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(new URL(String(input), base), init)) as typeof fetch;
  (globalThis as { caches?: unknown }).caches = memoryCaches;
});

afterAll(() => {
  globalThis.fetch = realFetch;
  delete (globalThis as { caches?: unknown }).caches;
  server.close();
});

const list = [
  { url: '/models/a/model.json', bytes: 100 },
  { url: '/models/a/weights.bin', bytes: 5000 },
];

describe('offline cache', () => {
  it('downloads what is missing with byte progress, then reports ready', async () => {
    expect((await offlineStatus(list, 't1')).ready).toBe(false);
    const seen: OfflineProgress[] = [];
    const st = await makeAvailableOffline(list, { cacheName: 't1', onProgress: (p) => seen.push(p) });
    expect(st).toMatchObject({ ready: true, cachedBytes: 5100, totalBytes: 5100 });
    expect(seen.at(-1)).toEqual({ loadedBytes: 5100, totalBytes: 5100, doneFiles: 2, totalFiles: 2 });
    expect(seen.every((p, i) => i === 0 || p.loadedBytes >= seen[i - 1].loadedBytes)).toBe(true);

    // A second run fetches nothing.
    served.length = 0;
    await makeAvailableOffline(list, { cacheName: 't1' });
    expect(served).toEqual([]);
  });

  it('treats a file whose size changed as missing and fetches it again', async () => {
    await makeAvailableOffline(list, { cacheName: 't2' });
    const changed = [list[0], { url: '/models/a/weights.bin', bytes: 4000 }];
    const st = await offlineStatus(changed, 't2');
    expect(st.ready).toBe(false);
    expect(st.missing.map((f) => f.url)).toEqual(['/models/a/weights.bin']);
  });

  it('names the file that could not be downloaded, and deleting removes every cache', async () => {
    await expect(
      makeAvailableOffline([{ url: '/models/none.bin', bytes: 1 }], { cacheName: 't3' }),
    ).rejects.toMatchObject({ code: 'input', item: '/models/none.bin' });
    expect((await listCaches()).map((c) => c.name)).toContain('t1');
    expect(await deleteOfflineData()).toBeGreaterThanOrEqual(3);
    expect(await listCaches()).toEqual([]);
  });
});
