'use client';
// The classes of a teachable studio: a card per class (with the studio's capture controls) and
// the "Add a class" button. Deleting or clearing asks first.
import { useT } from '@/components/i18n/i18n-provider';
import { Button, classColor } from '@/components/ui';
import { MAX_CLASSES, MIN_CLASSES } from '@/lib/transfer/constants';
import type { BaseTrainSettings, ProjectClass } from '@/lib/transfer/project';

import { ClassCard } from './class-card';
import type { TeachableProjectApi } from './use-teachable-project';

/** Props for {@link ClassList}. */
export interface ClassListProps<S extends BaseTrainSettings> {
  api: Pick<
    TeachableProjectApi<S>,
    'project' | 'addClass' | 'renameClass' | 'deleteClass' | 'clearClass' | 'deleteSample'
  >;
  busy: boolean;
  /** Capture controls of one class. */
  controls: (cls: ProjectClass, index: number) => React.ReactNode;
  /** A line under a class's name. */
  hint?: (cls: ProjectClass, index: number) => React.ReactNode;
  /** Colour of class i. Defaults to the palette. */
  color?: (index: number) => string;
  /** data-testid of every card (default `class-card-<index>`). */
  cardTestId?: string;
  /** Grid classes. */
  className?: string;
}

/** Every class card, then "Add a class". */
export function ClassList<S extends BaseTrainSettings>({
  api,
  busy,
  controls,
  hint,
  color = classColor,
  cardTestId,
  className = 'grid gap-4 md:grid-cols-2',
}: ClassListProps<S>) {
  const t = useT();
  const classes = api.project?.classes ?? [];
  return (
    <>
      <div className={className}>
        {classes.map((cls, i) => (
          <ClassCard
            key={cls.id}
            cls={cls}
            index={i}
            color={color(i)}
            canDelete={classes.length > MIN_CLASSES}
            busy={busy}
            hint={hint?.(cls, i)}
            testId={cardTestId}
            onRename={(name) => api.renameClass(cls.id, name)}
            onDelete={() =>
              window.confirm(t('teach.confirmDelete', { name: cls.name })) && api.deleteClass(cls.id)
            }
            onClear={() =>
              window.confirm(t('teach.confirmClear', { name: cls.name })) && api.clearClass(cls.id)
            }
            onDeleteSample={(sid) => api.deleteSample(cls.id, sid)}
          >
            {controls(cls, i)}
          </ClassCard>
        ))}
      </div>
      <Button
        variant="secondary"
        disabled={busy || classes.length >= MAX_CLASSES}
        onClick={api.addClass}
        data-testid="add-class"
      >
        {t('teach.addClass')}
      </Button>
    </>
  );
}
