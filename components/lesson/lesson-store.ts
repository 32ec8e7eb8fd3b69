'use client';
// What a lesson link (or an opened project) tells the studio: the teacher's notes, the file to open,
// preset class names and kids' mode. A tiny store, so the studio's own components can pick it up.
import { useEffect, useRef, useSyncExternalStore } from 'react';

import type { NamedBytes } from '@/lib/persist';

/** The lesson state of the current page. */
export interface LessonState {
  /** The teacher's note shown at the top (from the link or the opened project). */
  notes: string | null;
  /** A project file fetched from the link, waiting for the studio to open it. */
  file: NamedBytes | null;
  /** Class names from the link, for a new (empty) project. */
  classes: string[] | null;
  /** Kids' mode from the link. */
  kids: boolean;
}

let state: LessonState = { notes: null, file: null, classes: null, kids: false };
const listeners = new Set<() => void>();

/** Changes part of the lesson state. */
export function setLesson(patch: Partial<LessonState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

const SERVER: LessonState = { notes: null, file: null, classes: null, kids: false };

/** The lesson state, re-rendering on change. */
export function useLesson(): LessonState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => SERVER,
  );
}

/**
 * Hands the lesson's project file to `open` once the studio is `ready`, then forgets it (a reload
 * of the same link opens it again). `open` may change between renders.
 */
export function useLessonFile(ready: boolean, open: (file: NamedBytes) => void | Promise<void>): void {
  const { file } = useLesson();
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (!ready || !file) return;
    setLesson({ file: null });
    void openRef.current(file);
  }, [ready, file]);
}
