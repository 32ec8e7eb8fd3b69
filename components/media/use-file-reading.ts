'use client';
// useFileReading: runs one long file job (a worker from lib/files) with progress and Cancel. A new
// job or leaving the page cancels the one before; Cancel rejects the job with 'files.cancelled'
// (lib/files isCancelled) and the caller keeps what it had.
import { useCallback, useEffect, useRef, useState } from 'react';

import type { OffThreadOptions } from '@/lib/files';

/** The file being read and how far it is (null before the worker reports). */
export interface FileReading {
  name: string;
  fraction: number | null;
}

/** What {@link useFileReading} returns. */
export interface FileReadingState {
  /** The job in progress, or null. */
  reading: FileReading | null;
  /** Runs `work` with a signal and a progress callback, showing its progress until it settles. */
  run: <T>(name: string, work: (options: OffThreadOptions) => Promise<T>) => Promise<T>;
  /** Stops the job in progress (its worker is terminated at once). */
  cancel: () => void;
}

/** Progress and Cancel for reading files off the main thread. */
export function useFileReading(): FileReadingState {
  const [reading, setReading] = useState<FileReading | null>(null);
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const run = useCallback(async <T>(name: string, work: (options: OffThreadOptions) => Promise<T>) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setReading({ name, fraction: null });
    let shown = -1;
    const onProgress = (fraction: number) => {
      // One update per percent: a table of 50,000 rows does not re-render 50,000 times.
      const percent = Math.floor(fraction * 100);
      if (percent === shown || current.current !== controller) return;
      shown = percent;
      setReading({ name, fraction });
    };
    try {
      return await work({ signal: controller.signal, onProgress });
    } finally {
      if (current.current === controller) {
        current.current = null;
        setReading(null);
      }
    }
  }, []);

  const cancel = useCallback(() => current.current?.abort(), []);
  return { reading, run, cancel };
}
