'use client';
// The Sound studio's project: classes with their 1-second examples and settings, autosaved to IndexedDB.
import { useCallback, useEffect, useRef, useState } from 'react';

import type { SoundClassifierConfig } from '@/lib/audio';
import { loadProject, saveProject } from '@/lib/persist';

/** IndexedDB keys of the project and its trained model. */
export const SOUND_PROJECT_KEY = 'sound';
export const SOUND_MODEL_KEY = 'sound-model';

/** One 1-second example: 16,000 samples at 16 kHz. */
export interface SoundExample {
  id: string;
  samples: Float32Array;
  source: 'mic' | 'file';
  /** File it was cut from. */
  file?: string;
}

/** A class the computer learns; exactly one is the Background noise class. */
export interface SoundClass {
  id: string;
  name: string;
  background: boolean;
  examples: SoundExample[];
}

/** Training settings the user may change in "Under the hood". */
export type SoundSettings = Pick<SoundClassifierConfig, 'epochs' | 'learningRate' | 'batchSize'>;

/** Everything saved. */
export interface SoundProject {
  version: 1;
  classes: SoundClass[];
  settings: SoundSettings;
  /** Probability a class needs before it "fires" in live recognition. */
  threshold: number;
  /** Bumped on every change of examples, to tell whether the model is out of date. */
  revision: number;
  /** `revision` when the saved model was trained. */
  trainedRevision: number | null;
}

/** Fresh id for a class or an example. */
import { newId } from '@/lib/ids';

export { newId };

/** A new project: Background noise plus two empty classes. */
export function emptySoundProject(
  backgroundName: string,
  className: (n: number) => string,
  settings: SoundSettings,
): SoundProject {
  return {
    version: 1,
    classes: [
      { id: newId(), name: backgroundName, background: true, examples: [] },
      { id: newId(), name: className(1), background: false, examples: [] },
      { id: newId(), name: className(2), background: false, examples: [] },
    ],
    settings,
    threshold: 0.75,
    revision: 0,
    trainedRevision: null,
  };
}

/** Loads the saved project (or a new one) and saves every change after a short pause. */
export function useSoundProject(makeEmpty: () => SoundProject) {
  const [project, setProject] = useState<SoundProject | null>(null);
  const [saving, setSaving] = useState(false);
  const timer = useRef<number | null>(null);
  const latest = useRef<SoundProject | null>(null);

  useEffect(() => {
    let alive = true;
    loadProject<SoundProject>(SOUND_PROJECT_KEY)
      .then((p) => (p && p.version === 1 ? p : makeEmpty()))
      .catch(() => makeEmpty())
      .then((p) => {
        if (alive) setProject(p);
      });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once on mount
  }, []);

  const flush = useCallback(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (!latest.current) return;
    await saveProject(SOUND_PROJECT_KEY, latest.current);
    setSaving(false);
  }, []);

  useEffect(() => {
    if (!project) return;
    latest.current = project;
    setSaving(true);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), 500);
  }, [project, flush]);

  // Save what is pending when the page is left.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  /** Changes the examples of one class (bumps the revision). */
  const updateClass = useCallback((id: string, f: (c: SoundClass) => SoundClass) => {
    setProject(
      (p) => p && { ...p, revision: p.revision + 1, classes: p.classes.map((c) => (c.id === id ? f(c) : c)) },
    );
  }, []);

  return { project, setProject, updateClass, saving, flush };
}
