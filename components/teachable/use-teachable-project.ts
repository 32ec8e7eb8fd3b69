'use client';
// The classes, examples and settings of a teachable project, autosaved to IndexedDB. Shared by the
// Image, Pose and Sound studios; projects saved by older versions are migrated when they load.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useProjectLock } from '@/components/storage';
import { repairProject } from '@/lib/files';
import { newId } from '@/lib/ids';
import { deleteProject, loadProject, saveProject } from '@/lib/persist';
import { MAX_CLASSES, MIN_CLASSES } from '@/lib/transfer/constants';
import {
  emptyProject,
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
  // Another tab of this studio holds the project: this one shows it but never saves over it.
  const lock = useProjectLock(storageKey);
  const lockRef = useRef(lock);
  lockRef.current = lock;
  // A saved value that could not be read at all is never overwritten by an empty project.
  const loadFailed = useRef(false);
  const [repaired, setRepaired] = useState(false);
  // The project an import replaced, until the next change.
  const previous = useRef<TeachableProject<S> | null>(null);
  const [canUndo, setCanUndo] = useState(false);

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
      // Read defensively: damaged parts are dropped or reset, so stored data never bricks a studio.
      const r = repairProject<S>(raw, fresh());
      const p = r?.project;
      const ours = p && p.extractor === extractor && p.featureSize === featureSize;
      if (r && p && (ours || optsRef.current.olderExtractors?.includes(p.extractor))) {
        if (r.repaired && !cancelled) setRepaired(true);
        return show(p);
      }
      show((raw !== undefined && (await optsRef.current.migrate?.(raw))) || fresh());
    })().catch(() => {
      loadFailed.current = true;
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
    if (!p || loadFailed.current || lockRef.current === 'elsewhere') return;
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
      // The next change ends the chance to undo an import.
      previous.current = null;
      setCanUndo(false);
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
    /** Replaces the whole project (import); the one it replaces can come back with `undoReplace`. */
    replace: useCallback(
      (next: TeachableProject<S>) => {
        const repairedNext = repairProject<S>(next, fresh())?.project ?? next;
        previous.current = latest.current;
        setCanUndo(previous.current !== null);
        latest.current = repairedNext;
        setProject(repairedNext);
        void flush();
      },
      [flush, fresh],
    ),
    /** Brings back the project the last import replaced (until the next change). */
    undoReplace: useCallback(() => {
      const p = previous.current;
      if (!p) return false;
      previous.current = null;
      setCanUndo(false);
      latest.current = p;
      setProject(p);
      void flush();
      return true;
    }, [flush]),
    /** Clears everything and starts over with the first classes. */
    reset: useCallback(async () => {
      previous.current = null;
      setCanUndo(false);
      const p = fresh();
      latest.current = p;
      setProject(p);
      // A second tab never deletes the first tab's project; starting over ends a failed read.
      if (lockRef.current !== 'elsewhere') await deleteProject(storageKey).catch(() => undefined);
      loadFailed.current = false;
      await flush();
    }, [fresh, flush, storageKey]),
    flush,
  };

  return {
    project,
    saveState,
    /** True when another tab of this studio has the project open (this tab does not save). */
    openElsewhere: lock === 'elsewhere',
    /** True when the saved project had damaged parts that were dropped or reset. */
    repaired,
    /** True while the project an import replaced can be brought back. */
    canUndo,
    ...actions,
  };
}

/** Everything useTeachableProject returns. */
export type TeachableProjectApi<S extends BaseTrainSettings> = ReturnType<typeof useTeachableProject<S>>;
