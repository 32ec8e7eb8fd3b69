'use client';
// The studio's clips: restored from IndexedDB on mount, autosaved on every change, one selected. Clips a
// person makes (not the restored ones) are remembered as `added`, so the list can bring them into view.
import { useCallback, useEffect, useState } from 'react';

import { useCanSave } from '@/components/storage';
import { StoredClipSchema, keepValid } from '@/lib/files';

import type { StudioClip } from './studio-types';

const CLIPS_KEY = 'music/clips';

/** State and actions of the clip list. */
export interface ClipStore {
  clips: StudioClip[];
  /** True once saved clips were read (a lesson's file opens only after that). */
  loaded: boolean;
  selected: StudioClip | null;
  selectedId: string | null;
  select: (id: string | null) => void;
  /** Appends clips and selects the last one. */
  addClips: (made: StudioClip[]) => void;
  remove: (id: string) => void;
  /** The latest clips added by an action (empty after a restore), with a counter that changes each time. */
  added: { clips: StudioClip[]; serial: number };
}

/** Clips kept in IndexedDB under `music/clips`. */
export function useClipStore(): ClipStore {
  const [clips, setClips] = useState<StudioClip[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [added, setAdded] = useState<ClipStore['added']>({ clips: [], serial: 0 });

  useEffect(() => {
    let alive = true;
    void import('@/lib/persist')
      .then((p) => p.loadProject<unknown>(CLIPS_KEY))
      .then((raw) => {
        if (!alive) return;
        // Damaged clips are dropped, the others kept; autosave starts only after a good read, so
        // a failed read never overwrites the saved clips with an empty list.
        const stored = (keepValid(raw, StoredClipSchema) ?? []) as StudioClip[];
        if (stored.length) {
          setClips(stored);
          setSelectedId(stored[stored.length - 1].id);
        }
        setLoaded(true);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);

  // Autosave every change after the first load (so an empty start never overwrites saved clips),
  // only in the tab that holds the studio (a second tab never overwrites the first one's clips).
  const canSave = useCanSave();
  useEffect(() => {
    if (!loaded || !canSave) return;
    void import('@/lib/persist').then((p) => p.saveProject(CLIPS_KEY, clips)).catch(() => undefined);
  }, [clips, loaded, canSave]);

  const addClips = useCallback((made: StudioClip[]) => {
    if (!made.length) return;
    setClips((prev) => [...prev, ...made]);
    setSelectedId(made[made.length - 1].id);
    setAdded((a) => ({ clips: made, serial: a.serial + 1 }));
  }, []);

  const remove = useCallback((id: string) => {
    setClips((prev) => prev.filter((c) => c.id !== id));
    setSelectedId((cur) => (cur === id ? null : cur));
  }, []);

  const selected = clips.find((c) => c.id === selectedId) ?? null;
  return { clips, loaded, selected, selectedId, select: setSelectedId, addClips, remove, added };
}
