'use client';
// "Share this setup": a teacher picks language, kids' mode, class names, hidden panels, engine, a
// project file on this site and a note, and gets a lesson link to hand out.
import { useEffect, useMemo, useState } from 'react';

import { useLocale, useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { LESSON_ENGINES, LESSON_PANELS, type LessonEngine, lessonLink, parseLesson } from '@/lib/lesson';

const INPUT =
  'block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-3 focus-visible:outline-indigo-500';

/** The link builder, folded away under its title. */
export function ShareSetup() {
  const t = useT();
  const { locale } = useLocale();
  const [page, setPage] = useState<string | null>(null);
  const [kids, setKids] = useState(false);
  const [classes, setClasses] = useState('');
  const [hide, setHide] = useState<string[]>([]);
  const [engine, setEngine] = useState<LessonEngine>('auto');
  const [project, setProject] = useState('');
  const [notes, setNotes] = useState('');
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const { params } = parseLesson(window.location.search, window.location.origin);
    setPage(window.location.href);
    setKids(params.kids ?? false);
    setClasses(params.classes?.join(', ') ?? '');
    setHide(params.hide);
    setEngine(params.engine ?? 'auto');
    setProject(params.project ?? '');
    setNotes(params.notes ?? '');
  }, []);

  const link = useMemo(() => {
    if (!page) return '';
    const names = classes
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return lessonLink(page, {
      lang: locale,
      kids,
      classes: names,
      hide,
      engine,
      project: project.trim() || undefined,
      notes: notes.trim() || undefined,
    });
  }, [page, locale, kids, classes, hide, engine, project, notes]);

  return (
    <details
      className="rounded-2xl border border-slate-200 bg-white p-4"
      data-lesson-panel="share"
      data-testid="share-setup"
      // The Playground keeps its state in the address; read it again when the panel opens.
      onToggle={() => setPage(window.location.href)}
    >
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t('lesson.share')}</summary>
      <div className="mt-3 space-y-4">
        <p className="text-sm text-slate-700">{t('lesson.shareExplain')}</p>
        <div className="grid gap-4 md:grid-cols-2">
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={kids}
              onChange={(e) => setKids(e.target.checked)}
              className="h-5 w-5"
            />
            {t('lesson.kids')}
          </label>
          <Select
            label={t('lesson.engine')}
            value={engine}
            options={LESSON_ENGINES.map((e) => ({ value: e, label: e === 'auto' ? t('backend.auto') : e }))}
            onChange={setEngine}
          />
          <Field label={t('lesson.classes')}>
            {(id) => (
              <input
                id={id}
                className={INPUT}
                value={classes}
                onChange={(e) => setClasses(e.target.value)}
                data-testid="share-classes"
              />
            )}
          </Field>
          <Field label={t('lesson.project')}>
            {(id) => (
              <input
                id={id}
                className={INPUT}
                value={project}
                onChange={(e) => setProject(e.target.value)}
                data-testid="share-project"
              />
            )}
          </Field>
          <Field label={t('lesson.notesField')} className="md:col-span-2">
            {(id) => (
              <textarea
                id={id}
                className={INPUT}
                rows={2}
                value={notes}
                onChange={(e) => setNotes(e.target.value)}
                data-testid="share-notes"
              />
            )}
          </Field>
          <fieldset className="md:col-span-2">
            <legend className="text-sm font-medium text-slate-800">{t('lesson.hide')}</legend>
            <div className="flex flex-wrap gap-x-4">
              {LESSON_PANELS.map((p) => (
                <label key={p} className="flex min-h-11 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="h-5 w-5"
                    checked={hide.includes(p)}
                    onChange={(e) =>
                      setHide((h) => (e.target.checked ? [...h, p] : h.filter((x) => x !== p)))
                    }
                  />
                  {t(`lesson.panel.${p}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <Field label={t('lesson.link')}>
          {(id) => (
            <input
              id={id}
              readOnly
              className={INPUT}
              value={link}
              data-testid="share-link"
              onFocus={(e) => e.target.select()}
            />
          )}
        </Field>
        <div className="flex items-center gap-3">
          <Button
            variant="secondary"
            onClick={() =>
              void navigator.clipboard?.writeText(link).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {t('lesson.copy')}
          </Button>
          {copied && (
            <span role="status" className="text-sm text-emerald-800">
              {t('lesson.copied')}
            </span>
          )}
        </div>
      </div>
    </details>
  );
}
