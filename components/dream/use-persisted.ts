'use client';
// Autosave for the dream studio: settings and the last pictures survive a reload (IndexedDB, this device only).
import { useEffect, useRef, useState } from 'react';

import { useCanSave } from '@/components/storage';
import { readStored, type StoredSchema } from '@/lib/files';
import { loadProject, saveProject } from '@/lib/persist';

/**
 * A state value restored from IndexedDB under `key` on mount (read through `schema`, which gives
 * each damaged or missing field its default) and saved (debounced) on change.
 * `restored` turns true once loading finished (with or without a saved value).
 */
export function usePersistedState<T extends object>(
  key: string,
  initial: T,
  schema: StoredSchema<T>,
): [T, (v: T) => void, boolean] {
  const [value, setValue] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    loadProject<unknown>(key)
      .then((saved) => {
        // Field by field, so settings added in a later version (or damaged ones) get their defaults.
        if (!cancelled && saved !== undefined) setValue(readStored(schema, saved));
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
  // Only the tab that holds the studio saves (a second tab never overwrites the first one's).
  const canSave = useCanSave();
  useEffect(() => {
    if (!restored || !canSave) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveProject(key, value).catch(() => undefined), 300);
    return () => window.clearTimeout(timer.current);
  }, [key, value, restored, canSave]);
  return [value, setValue, restored];
}
