'use client';
// "Save and share" for every teachable studio: the autosave state, export / import of the whole
// project (one zip format), export of the trained model, and starting over.
import { errorTextNow } from '@/components/errors/use-error-text';
import { useT, type TFunction } from '@/components/i18n/i18n-provider';
import { downloadFile, readNamedBytes } from '@/components/media/download';
import { useTeachableLesson } from '@/components/lesson/use-teachable-lesson';
import { FileDrop } from '@/components/media/file-drop';
import { Button, Card } from '@/components/ui';
import { describeFileError } from '@/lib/files';
import type { NamedBytes } from '@/lib/persist';
import { exportProjectZip, importProjectZip } from '@/lib/transfer/project-zip';
import type { BaseTrainSettings, TeachableProject } from '@/lib/transfer/project';
import type { TeachableModel } from '@/lib/transfer/types';

import { ProjectSafetyNotes } from './project-safety-notes';
import { noticeOf } from './notice';
import type { TeachableStudio } from './use-teachable-studio';

/** The studio whose messages the panel shows (`<ns>.saveTitle`, `<ns>.exportProject`, …). */
export type FilesNamespace = 'image' | 'pose' | 'sound';

/** What the panel tells the studio to show. */
export interface FilesNotice {
  kind: 'error' | 'success';
  text: string;
  /** Writes `text` in the UI language; when given, the notice follows a language switch. */
  render?: (t: TFunction) => string;
}

/** Props for {@link ProjectFilesPanel}. */
export interface ProjectFilesPanelProps<I, S extends BaseTrainSettings, M extends TeachableModel<I>> {
  studio: TeachableStudio<I, S, M>;
  ns: FilesNamespace;
  /** Start of the downloaded files' names: `<stem>-project.zip`, `<stem>-model.zip`. */
  fileStem: string;
  busy: boolean;
  /** The trained model as a zip (model.json, weights.bin, metadata.json …). */
  exportModel: (model: M, labels: string[]) => Promise<Uint8Array>;
  /** Reads chosen files into a project. Defaults to one project zip of this studio's learner. */
  parse?: (files: NamedBytes[]) => TeachableProject<S>;
  /** Accepted files and whether several may be chosen (default: one .zip). */
  accept?: string;
  multiple?: boolean;
  onNotice: (notice: FilesNotice | null) => void;
  /** Run before a project is replaced (stop listening, forget caches …). */
  beforeReplace?: () => void | Promise<void>;
  saveStateTestId?: string;
  importTestId?: string;
  /** Heading level (3 where the panel sits under a studio's own h2). */
  level?: 2 | 3;
  /** More import / export controls (a Teachable Machine model, a pose model). */
  children?: React.ReactNode;
}

/** Save-and-share panel; the studio's own extra imports go in `children`. */
export function ProjectFilesPanel<I, S extends BaseTrainSettings, M extends TeachableModel<I>>({
  studio,
  ns,
  fileStem,
  busy,
  exportModel,
  parse,
  accept = '.zip,application/zip',
  multiple = false,
  onNotice,
  beforeReplace,
  saveStateTestId = 'save-state',
  importTestId = 'import-project',
  level = 2,
  children,
}: ProjectFilesPanelProps<I, S, M>) {
  const t = useT();
  const { project, model } = studio;
  const message = (e: unknown) => errorTextNow(e);

  const importFiles = async (files: File[]) => {
    if (files.length) await importNamed(await Promise.all(files.map(readNamedBytes)));
  };
  const importNamed = async (named: NamedBytes[]) => {
    onNotice(null);
    try {
      const p = parse
        ? parse(named)
        : importProjectZip<S>(
            named[0].name,
            named[0].data,
            studio.learner ? studio.acceptedExtractors : project?.extractor,
          );
      // Checked first (above), then asked: a refused or declined import leaves the project untouched.
      const hasWork = !!project && (project.head !== null || project.classes.some((c) => c.samples.length));
      if (hasWork && !window.confirm(t('files.replaceConfirm', { name: named[0].name }))) return;
      await beforeReplace?.();
      studio.loadProject(p);
      const labels = (p.head?.labels ?? p.classes.map((c) => c.name)).join(', ');
      onNotice(noticeOf('success', (tr) => tr(`${ns}.imported`, { name: named[0].name, labels }), t));
    } catch (e) {
      onNotice(noticeOf('error', (tr) => tr(`${ns}.importError`, { message: describeFileError(e, tr) }), t));
    }
  };

  const undo = async () => {
    await beforeReplace?.();
    if (studio.undoImport()) onNotice({ kind: 'success', text: t('files.undone') });
  };
  useTeachableLesson(studio, !busy, importNamed);

  const startOver = async () => {
    if (!window.confirm(t(`${ns}.confirmNew`))) return;
    await beforeReplace?.();
    await studio.newProject();
  };

  return (
    <Card title={t(`${ns}.saveTitle`)} level={level} className="space-y-3" data-lesson-panel="files">
      <ProjectSafetyNotes openElsewhere={studio.openElsewhere} repaired={studio.repaired} />
      <p className="text-sm text-slate-600" data-testid={saveStateTestId} aria-live="polite">
        {t(`${ns}.save.${studio.saveState}`)}
      </p>
      {studio.canUndo && (
        <Button variant="secondary" onClick={() => void undo()} disabled={busy} data-testid="undo-import">
          {t('files.undo')}
        </Button>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={busy || !project}
          onClick={() =>
            project && downloadFile(exportProjectZip(project), `${fileStem}-project.zip`, 'application/zip')
          }
          data-testid="export-project"
        >
          {t(`${ns}.exportProject`)}
        </Button>
        <Button
          variant="secondary"
          disabled={busy || !project?.head || !model}
          onClick={() =>
            void (async () => {
              if (!model) return;
              try {
                const zip = await exportModel(model, studio.modelLabels);
                downloadFile(zip, `${fileStem}-model.zip`, 'application/zip');
              } catch (e) {
                onNotice({ kind: 'error', text: message(e) });
              }
            })()
          }
          data-testid="export-model"
        >
          {t(`${ns}.exportModel`)}
        </Button>
        <Button variant="danger" onClick={() => void startOver()} disabled={busy} data-testid="new-project">
          {t(`${ns}.newProject`)}
        </Button>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <FileDrop
          accept={accept}
          multiple={multiple}
          label={t(`${ns}.importProject`)}
          hint={t(`${ns}.importProjectHint`)}
          onFiles={(f) => void importFiles(f)}
          inputTestId={importTestId}
          disabled={busy}
        />
        {children}
      </div>
    </Card>
  );
}
