'use client';
// Hook: the files some studios need offline, whether they are kept already, and a download action.
import { useCallback, useEffect, useRef, useState } from 'react';

import type {
  ModelManifest,
  OfflineFile,
  OfflineProgress,
  OfflineStatus,
  OfflineStudioId,
} from '@/lib/offline';

/** State of {@link useOfflineFiles}. */
export interface OfflineFilesState {
  supported: boolean;
  files: OfflineFile[] | null;
  status: OfflineStatus | null;
  progress: OfflineProgress | null;
  error: unknown;
  /** Per studio, whether it is ready offline (only when several studios are asked for). */
  perStudio: Partial<Record<OfflineStudioId, boolean>> | null;
  download: () => Promise<void>;
}

/** Lists and downloads the model and data files that `studios` need offline. */
export function useOfflineFiles(studios: readonly OfflineStudioId[]): OfflineFilesState {
  const key = studios.join(',');
  const [supported, setSupported] = useState(true);
  const [files, setFiles] = useState<OfflineFile[] | null>(null);
  const [status, setStatus] = useState<OfflineStatus | null>(null);
  const [progress, setProgress] = useState<OfflineProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [perStudio, setPerStudio] = useState<OfflineFilesState['perStudio']>(null);
  const manifestRef = useRef<ModelManifest | null>(null);

  const refreshPerStudio = useCallback(async () => {
    const ids = key.split(',') as OfflineStudioId[];
    if (ids.length < 2 || !manifestRef.current) return;
    const lib = await import('@/lib/offline');
    const entries = await Promise.all(
      ids.map(async (id) => [
        id,
        (await lib.offlineStatus(lib.filesForStudios(manifestRef.current!, [id]))).ready,
      ]),
    );
    setPerStudio(Object.fromEntries(entries) as OfflineFilesState['perStudio']);
  }, [key]);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const lib = await import('@/lib/offline');
      if (!lib.offlineSupported()) {
        if (live) setSupported(false);
        return;
      }
      const manifest = await lib.loadModelManifest();
      manifestRef.current = manifest;
      const list = lib.filesForStudios(manifest, key.split(',') as OfflineStudioId[]);
      const st = await lib.offlineStatus(list);
      if (live) {
        setFiles(list);
        setStatus(st);
        await refreshPerStudio();
      }
    })().catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      abortRef.current?.abort();
    };
  }, [key, refreshPerStudio]);

  const download = useCallback(async () => {
    if (!files) return;
    const lib = await import('@/lib/offline');
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    try {
      const st = await lib.makeAvailableOffline(files, {
        onProgress: setProgress,
        signal: controller.signal,
      });
      setStatus(st);
      await refreshPerStudio();
    } catch (e) {
      if (!controller.signal.aborted) setError(e);
    } finally {
      setProgress(null);
    }
  }, [files, refreshPerStudio]);

  return { supported, files, status, progress, error, perStudio, download };
}
