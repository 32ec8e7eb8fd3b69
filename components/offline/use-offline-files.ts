'use client';
// Hook: the files some studios need offline, whether they are kept already, and a download action.
import { useCallback, useEffect, useRef, useState } from 'react';

import type { OfflineFile, OfflineProgress, OfflineStatus, OfflineStudioId } from '@/lib/offline';

/** State of {@link useOfflineFiles}. */
export interface OfflineFilesState {
  supported: boolean;
  files: OfflineFile[] | null;
  status: OfflineStatus | null;
  progress: OfflineProgress | null;
  error: unknown;
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
      const list = lib.filesForStudios(manifest, key.split(',') as OfflineStudioId[]);
      const st = await lib.offlineStatus(list);
      if (live) {
        setFiles(list);
        setStatus(st);
      }
    })().catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      abortRef.current?.abort();
    };
  }, [key]);

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
    } catch (e) {
      if (!controller.signal.aborted) setError(e);
    } finally {
      setProgress(null);
    }
  }, [files]);

  return { supported, files, status, progress, error, download };
}
