'use client';
// The classes, examples and settings of a teachable project, autosaved to IndexedDB. Shared by the
// Image, Pose and Sound studios; projects saved by older versions are migrated when they load.
import { useCallback, useEffect, useRef, useState } from 'react';

import { newId } from '@/lib/ids';
import { deleteProject, loadProject, saveProject } from '@/lib/persist';
import { MAX_CLASSES, MIN_CLASSES } from '@/lib/transfer/constants';
import {
  emptyProject,
  migrateProject,
  type AugmentSettings,
  type BaseTrainSettings,
  type EmptyProjectInput,
  type ProjectModel,
  type ProjectSample,
  type TeachableProject,
} from '@/lib/transfer/project';

/** Where autosave stands. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** Options for {@link useTeachableProject}: what a new project looks like, and where it is saved. */
export interface UseTeachableProjectOptions<S extends BaseTrainSettings> extends EmptyProjectInput<S> {
  /** IndexedDB key, e.g. "image-project". */
  storageKey: string;
  /** Reads a saved value that is not a project of this kit (an older studio's shape); null to start fresh. */
  migrate?: (raw: unknown) => Promise<TeachableProject<S> | null>;
  /** Milliseconds of quiet before autosaving. Defaults to 600. */
  saveDelay?: number;
  /**
   * Names of older extractors whose saved projects are kept (not replaced by a fresh one): the studio
   * re-extracts their features from the kept pictures (useTeachableStudio's `refeature`).
   */
  olderExtractors?: readonly string[];
}

/** The project and every action on it. Actions are stable (safe in effects and callbacks). */
export function useTeachableProject<S extends BaseTrainSettings>(opts: UseTeachableProjectOptions<S>) {
  const { storageKey, extractor, featureSize, saveDelay = 600 } = opts;
  const [project, setProject] = useState<TeachableProject<S> | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const latest = useRef<TeachableProject<S> | null>(null);
  const timer = useRef<number | null>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const fresh = useCallback((): TeachableProject<S> => emptyProject(optsRef.current), []);

  // Load once; a saved project of another learner (or none) starts fresh.
  useEffect(() => {
    let cancelled = false;
    const show = (p: TeachableProject<S>) => {
      if (cancelled) return;
      latest.current = p;
      setProject(p);
    };
    (async () => {
      const raw = await loadProject<unknown>(storageKey);
      const p = migrateProject<S>(raw);
      if (p && p.extractor === extractor && p.featureSize === featureSize) return show(p);
      if (p && optsRef.current.olderExtractors?.includes(p.extractor)) return show(p);
      show((raw !== undefined && (await optsRef.current.migrate?.(raw))) || fresh());
    })().catch(() => {
      show(fresh());
      setSaveState('error');
    });
    return () => {
      cancelled = true;
    };
  }, [storageKey, extractor, featureSize, fresh]);

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

  /** Applies a change; `examples` marks a change of classes or examples (bumps the revision). */
  const update = useCallback(
    (fn: (p: TeachableProject<S>) => TeachableProject<S>, examples = true) => {
      setProject((prev) => {
        if (!prev) return prev;
        const changed = fn(prev);
        if (changed === prev) return prev;
        const next = { ...changed, revision: prev.revision + (examples ? 1 : 0), updatedAt: Date.now() };
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
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      if (timer.current !== null) void flush();
    };
  }, [flush]);

  const mapClass = useCallback(
    (
      id: string,
      fn: (c: TeachableProject<S>['classes'][number]) => TeachableProject<S>['classes'][number],
      examples = true,
    ) => update((p) => ({ ...p, classes: p.classes.map((c) => (c.id === id ? fn(c) : c)) }), examples),
    [update],
  );

  const actions = {
    addClass: useCallback(
      () =>
        update((p) => {
          if (p.classes.length >= MAX_CLASSES) return p;
          const own = p.classes.filter((c) => !c.background).length;
          const name = optsRef.current.className(own + 1);
          return { ...p, classes: [...p.classes, { id: newId(), name, samples: [] }] };
        }),
      [update],
    ),
    // A new name is not a new example: the trained model stays up to date.
    renameClass: useCallback(
      (id: string, name: string) => mapClass(id, (c) => ({ ...c, name }), false),
      [mapClass],
    ),
    deleteClass: useCallback(
      (id: string) =>
        update((p) =>
          p.classes.length <= MIN_CLASSES ? p : { ...p, classes: p.classes.filter((c) => c.id !== id) },
        ),
      [update],
    ),
    clearClass: useCallback((id: string) => mapClass(id, (c) => ({ ...c, samples: [] })), [mapClass]),
    addSamples: useCallback(
      (id: string, samples: ProjectSample[]) =>
        mapClass(id, (c) => ({ ...c, samples: [...c.samples, ...samples] })),
      [mapClass],
    ),
    deleteSample: useCallback(
      (classId: string, sampleId: string) =>
        mapClass(classId, (c) => ({ ...c, samples: c.samples.filter((s) => s.id !== sampleId) })),
      [mapClass],
    ),
    setSettings: useCallback(
      (s: Partial<S>) => update((p) => ({ ...p, settings: { ...p.settings, ...s } }), false),
      [update],
    ),
    setAugment: useCallback(
      (a: Partial<AugmentSettings>) => update((p) => ({ ...p, augment: { ...p.augment, ...a } }), false),
      [update],
    ),
    setOption: useCallback(
      (key: string, value: number | string | boolean) =>
        update((p) => ({ ...p, options: { ...p.options, [key]: value } }), false),
      [update],
    ),
    setHead: useCallback((head: ProjectModel | null) => update((p) => ({ ...p, head }), false), [update]),
    /** Replaces the whole project (import). */
    replace: useCallback(
      (next: TeachableProject<S>) => {
        latest.current = next;
        setProject(next);
        void flush();
      },
      [flush],
    ),
    /** Clears everything and starts over with the first classes. */
    reset: useCallback(async () => {
      const p = fresh();
      latest.current = p;
      setProject(p);
      await deleteProject(storageKey).catch(() => undefined);
      await flush();
    }, [fresh, flush, storageKey]),
    flush,
  };

  return { project, saveState, ...actions };
}

/** Everything useTeachableProject returns. */
export type TeachableProjectApi<S extends BaseTrainSettings> = ReturnType<typeof useTeachableProject<S>>;
