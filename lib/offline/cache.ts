// Keeps files in the browser's Cache Storage so the service worker can serve them offline.
import { InputError } from '../errors';

import { OFFLINE_CACHE } from './constants';
import { totalBytes } from './files';
import type { CacheSummary, OfflineFile, OfflineProgress, OfflineStatus } from './types';

/** True where this browser can keep files for offline use. */
export function offlineSupported(): boolean {
  return typeof caches !== 'undefined';
}

/** Which files are already kept, with the size the manifest expects (a changed model counts as missing). */
export async function offlineStatus(
  files: readonly OfflineFile[],
  cacheName = OFFLINE_CACHE,
): Promise<OfflineStatus> {
  const cache = await caches.open(cacheName);
  const missing: OfflineFile[] = [];
  let cachedBytes = 0;
  for (const f of files) {
    const hit = await cache.match(f.url, { ignoreSearch: true });
    const length = Number(hit?.headers.get('content-length') ?? NaN);
    if (hit && (!Number.isFinite(length) || length === f.bytes)) cachedBytes += f.bytes;
    else missing.push(f);
  }
  return { cachedBytes, totalBytes: totalBytes(files), missing, ready: missing.length === 0 };
}

/**
 * Downloads the files that are not kept yet into the offline cache, reporting bytes as they
 * arrive. Stops at the next chunk when `signal` aborts (files already stored stay stored).
 */
export async function makeAvailableOffline(
  files: readonly OfflineFile[],
  options: { onProgress?: (p: OfflineProgress) => void; signal?: AbortSignal; cacheName?: string } = {},
): Promise<OfflineStatus> {
  const cacheName = options.cacheName ?? OFFLINE_CACHE;
  const { missing } = await offlineStatus(files, cacheName);
  const cache = await caches.open(cacheName);
  const progress: OfflineProgress = {
    loadedBytes: totalBytes(files) - totalBytes(missing),
    totalBytes: totalBytes(files),
    doneFiles: files.length - missing.length,
    totalFiles: files.length,
  };
  options.onProgress?.({ ...progress });
  for (const f of missing) {
    options.signal?.throwIfAborted();
    // Drop an outdated copy first, or the service worker (cache first) would hand it back again.
    await cache.delete(f.url, { ignoreSearch: true });
    const res = await fetch(f.url, { cache: 'no-cache', signal: options.signal });
    if (!res.ok || !res.body)
      throw new InputError(`Could not download ${f.url} (HTTP ${res.status}).`, f.url);
    const chunks: Uint8Array[] = [];
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      progress.loadedBytes += value.byteLength;
      options.onProgress?.({ ...progress });
    }
    const body = new Blob(chunks as BlobPart[]);
    const headers = new Headers(res.headers);
    headers.set('content-length', String(body.size));
    await cache.put(f.url, new Response(body, { status: 200, headers }));
    progress.doneFiles += 1;
    options.onProgress?.({ ...progress });
  }
  return offlineStatus(files, cacheName);
}

/** Every cache this site keeps, with its number of entries (for the Privacy page). */
export async function listCaches(): Promise<CacheSummary[]> {
  if (!offlineSupported()) return [];
  const names = await caches.keys();
  return Promise.all(
    names.map(async (name) => ({ name, entries: (await (await caches.open(name)).keys()).length })),
  );
}

/** Deletes every cache of this site and unregisters its service worker; returns how many caches went. */
export async function deleteOfflineData(): Promise<number> {
  if (!offlineSupported()) return 0;
  const names = await caches.keys();
  await Promise.all(names.map((n) => caches.delete(n)));
  if (typeof navigator !== 'undefined' && navigator.serviceWorker) {
    const regs = await navigator.serviceWorker.getRegistrations();
    await Promise.all(regs.map((r) => r.unregister()));
  }
  return names.length;
}
