'use client';
// The class/sample/settings state of a transfer-learning project, autosaved to IndexedDB.
// Shared by the Image, Pose and Sound studios: only the extractor name and feature size differ.
import { useCallback, useEffect, useRef, useState } from 'react';

import { deleteProject, loadProject, saveProject } from '@/lib/persist';
import { DEFAULT_HEAD_CONFIG, MAX_CLASSES, MIN_CLASSES } from '@/lib/transfer/constants';
import type { AugmentSettings, ProjectHead, ProjectSample, TransferProject } from '@/lib/transfer/project';
import type { HeadConfig } from '@/lib/transfer/types';

/** A short unique id (crypto.randomUUID where available). */
import { newId } from '@/lib/ids';

export { newId };

/** Default augmentation settings: off; when on, two altered copies per example. */
export const DEFAULT_AUGMENT: AugmentSettings = Object.freeze({
  enabled: false,
  copies: 2,
  flip: true,
  crop: true,
  brightness: true,
});

/** A fresh project with two empty classes named by `className(n)`. */
export function emptyProject(
  extractor: string,
  featureSize: number,
  className: (n: number) => string,
): TransferProject {
  return {
    version: 1,
    extractor,
    featureSize,
    classes: [1, 2].map((n) => ({ id: newId(), name: className(n), samples: [] })),
    settings: { ...DEFAULT_HEAD_CONFIG, hidden: [...DEFAULT_HEAD_CONFIG.hidden] },
    augment: { ...DEFAULT_AUGMENT },
    head: null,
    updatedAt: Date.now(),
  };
}

/** Options for {@link useTransferProject}. */
export interface UseTransferProjectOptions {
  /** IndexedDB key, e.g. "image-project". */
  storageKey: string;
  extractor: string;
  featureSize: number;
  /** Default class name for class number n (translated), e.g. n => `Class ${n}`. */
  className: (n: number) => string;
  /** Milliseconds of quiet before autosaving. Defaults to 600. */
  saveDelay?: number;
}

/** The project and every action on it. Actions are stable (safe in effects and callbacks). */
export function useTransferProject({
  storageKey,
  extractor,
  featureSize,
  className,
  saveDelay = 600,
}: UseTransferProjectOptions) {
  const [project, setProject] = useState<TransferProject | null>(null);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const latest = useRef<TransferProject | null>(null);
  const timer = useRef<number | null>(null);
  const classNameRef = useRef(className);
  classNameRef.current = className;

  // Load once; a saved project from another extractor (or none) starts fresh.
  useEffect(() => {
    let cancelled = false;
    loadProject<TransferProject>(storageKey)
      .then((saved) => {
        if (cancelled) return;
        const ok =
          saved && saved.version === 1 && saved.extractor === extractor && Array.isArray(saved.classes);
        const p = ok ? saved : emptyProject(extractor, featureSize, classNameRef.current);
        latest.current = p;
        setProject(p);
      })
      .catch(() => {
        if (cancelled) return;
        const p = emptyProject(extractor, featureSize, classNameRef.current);
        latest.current = p;
        setProject(p);
        setSaveState('error');
      });
    return () => {
      cancelled = true;
    };
  }, [storageKey, extractor, featureSize]);

  const flush = useCallback(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const p = latest.current;
    if (!p) return;
    setSaveState('saving');
    try {
      await saveProject(storageKey, p);
      setSaveState('saved');
    } catch {
      setSaveState('error');
    }
  }, [storageKey]);

  const update = useCallback(
    (fn: (p: TransferProject) => TransferProject) => {
      setProject((prev) => {
        if (!prev) return prev;
        const next = { ...fn(prev), updatedAt: Date.now() };
        latest.current = next;
        return next;
      });
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), saveDelay);
    },
    [flush, saveDelay],
  );

  // Save pending changes when the page is hidden or the studio unmounts.
  useEffect(() => {
    const onHide = () => {
      if (timer.current !== null) void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      if (timer.current !== null) void flush();
    };
  }, [flush]);

  const actions = {
    addClass: useCallback(
      () =>
        update((p) =>
          p.classes.length >= MAX_CLASSES
            ? p
            : {
                ...p,
                classes: [
                  ...p.classes,
                  { id: newId(), name: classNameRef.current(p.classes.length + 1), samples: [] },
                ],
              },
        ),
      [update],
    ),
    renameClass: useCallback(
      (id: string, name: string) =>
        update((p) => ({ ...p, classes: p.classes.map((c) => (c.id === id ? { ...c, name } : c)) })),
      [update],
    ),
    deleteClass: useCallback(
      (id: string) =>
        update((p) =>
          p.classes.length <= MIN_CLASSES ? p : { ...p, classes: p.classes.filter((c) => c.id !== id) },
        ),
      [update],
    ),
    clearClass: useCallback(
      (id: string) =>
        update((p) => ({ ...p, classes: p.classes.map((c) => (c.id === id ? { ...c, samples: [] } : c)) })),
      [update],
    ),
    addSamples: useCallback(
      (id: string, samples: ProjectSample[]) =>
        update((p) => ({
          ...p,
          classes: p.classes.map((c) => (c.id === id ? { ...c, samples: [...c.samples, ...samples] } : c)),
        })),
      [update],
    ),
    deleteSample: useCallback(
      (classId: string, sampleId: string) =>
        update((p) => ({
          ...p,
          classes: p.classes.map((c) =>
            c.id === classId ? { ...c, samples: c.samples.filter((s) => s.id !== sampleId) } : c,
          ),
        })),
      [update],
    ),
    setSettings: useCallback(
      (s: Partial<HeadConfig>) => update((p) => ({ ...p, settings: { ...p.settings, ...s } })),
      [update],
    ),
    setAugment: useCallback(
      (a: Partial<AugmentSettings>) => update((p) => ({ ...p, augment: { ...p.augment, ...a } })),
      [update],
    ),
    setHead: useCallback((head: ProjectHead | null) => update((p) => ({ ...p, head })), [update]),
    /** Replaces the whole project (import). */
    replace: useCallback(
      (next: TransferProject) => {
        latest.current = next;
        setProject(next);
        void flush();
      },
      [flush],
    ),
    /** Clears everything and starts over with two empty classes. */
    reset: useCallback(async () => {
      const p = emptyProject(extractor, featureSize, classNameRef.current);
      latest.current = p;
      setProject(p);
      await deleteProject(storageKey).catch(() => undefined);
      await flush();
    }, [extractor, featureSize, flush, storageKey]),
    flush,
  };

  return { project, saveState, ...actions };
}

/** Everything useTransferProject returns. */
export type TransferProjectApi = ReturnType<typeof useTransferProject>;
