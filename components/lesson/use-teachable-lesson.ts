'use client';
// The lesson link in a teachable studio: opens the link's project file, names the classes of a new
// project, and shows the project's teacher's notes at the top.
import { useEffect, useRef } from 'react';

import type { NamedBytes } from '@/lib/persist';
import type { BaseTrainSettings, TeachableProject } from '@/lib/transfer/project';

import { setLesson, useLesson, useLessonFile } from './lesson-store';

/** What the hook needs of the studio. */
export interface TeachableLessonTarget<S extends BaseTrainSettings> {
  project: TeachableProject<S> | null;
  addClass: () => void;
  renameClass: (id: string, name: string) => void;
}

/**
 * Wires a teachable studio to the lesson: `open` imports a project file (as the Import button does).
 * Preset class names apply only to a project without examples, so a pupil's work is never renamed.
 */
export function useTeachableLesson<S extends BaseTrainSettings>(
  studio: TeachableLessonTarget<S>,
  ready: boolean,
  open: (files: NamedBytes[]) => Promise<void>,
): void {
  const { classes } = useLesson();
  const { project } = studio;
  useLessonFile(ready && Boolean(project), (file) => open([file]));

  const notes = project?.notes;
  useEffect(() => {
    if (notes) setLesson({ notes });
  }, [notes]);

  // Add classes one render at a time until there are enough, then rename them once; after that the
  // pupil's own renames stand.
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !classes || !project) return;
    const own = project.classes.filter((c) => !c.background);
    if (own.some((c) => c.samples.length > 0)) {
      done.current = true;
      return;
    }
    if (own.length < classes.length) {
      studio.addClass();
      return;
    }
    done.current = true;
    own.forEach((c, i) => {
      if (classes[i] && c.name !== classes[i]) studio.renameClass(c.id, classes[i]);
    });
  }, [classes, project, studio]);
}
