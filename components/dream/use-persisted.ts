'use client';
// Autosave for the dream studio: settings and the last pictures survive a reload (IndexedDB, this device only).
import { useEffect, useRef, useState } from 'react';

import { loadProject, saveProject } from '@/lib/persist';

/**
 * A state value restored from IndexedDB under `key` on mount and saved (debounced) on change.
 * `restored` turns true once loading finished (with or without a saved value).
 */
export function usePersistedState<T extends object>(key: string, initial: T): [T, (v: T) => void, boolean] {
  const [value, setValue] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    loadProject<T>(key)
      .then((saved) => {
        // Merge so settings added in a later version get their defaults.
        if (!cancelled && saved) setValue({ ...initial, ...saved });
      })
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setRestored(true);
      });
    return () => {
      cancelled = true;
    };
    // `initial` is a fresh object each render; only the key matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => {
    if (!restored) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveProject(key, value).catch(() => undefined), 300);
    return () => window.clearTimeout(timer.current);
  }, [key, value, restored]);
  return [value, setValue, restored];
}
