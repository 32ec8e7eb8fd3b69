'use client';
// Top of every studio: applies a lesson link (language, kids' mode, class names, hidden panels, a
// project file from this site) and shows the teacher's notes and anything the link asked for that
// was refused. The engine (`backend=` / `engine=`) is read by the backend provider at start.
import { useEffect, useState } from 'react';

import { useErrorText } from '@/components/errors/use-error-text';
import { useLocale, useT } from '@/components/i18n/i18n-provider';
import { Alert } from '@/components/ui/alert';
import { type LessonProblem, parseLesson } from '@/lib/lesson';

import { setLesson, useLesson } from './lesson-store';

/** Applies the page's lesson link once and shows the teacher's notes. */
export function LessonBar() {
  const t = useT();
  const errorText = useErrorText();
  const { setLocale } = useLocale();
  const { notes } = useLesson();
  const [hide, setHide] = useState<string[]>([]);
  const [problems, setProblems] = useState<LessonProblem[]>([]);
  const [status, setStatus] = useState<{ kind: 'opening' | 'failed'; path: string; message?: string } | null>(
    null,
  );

  useEffect(() => {
    const { params, problems: refused } = parseLesson(window.location.search, window.location.origin);
    setProblems(refused);
    if (params.lang) setLocale(params.lang);
    setHide(params.hide);
    setLesson({
      kids: params.kids ?? false,
      classes: params.classes ?? null,
      ...(params.notes ? { notes: params.notes } : {}),
    });
    const path = params.project;
    if (!path) return;
    setStatus({ kind: 'opening', path });
    void (async () => {
      const res = await fetch(path);
      if (!res.ok) throw new TypeError(`HTTP ${res.status} for ${path}`);
      const data = new Uint8Array(await res.arrayBuffer());
      const name = decodeURIComponent(
        new URL(path, window.location.origin).pathname.split('/').pop() || 'lesson',
      );
      setLesson({ file: { name, data } });
      setStatus(null);
    })().catch((e: unknown) => setStatus({ kind: 'failed', path, message: errorText(e) }));
    // Once per page: the link does not change while the studio is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const css = hide.map((p) => `[data-lesson-panel="${p}"]{display:none!important}`).join('');
  return (
    <>
      {css && <style data-testid="lesson-hide">{css}</style>}
      {(notes || problems.length > 0 || status) && (
        <div className="mb-6 space-y-2" data-testid="lesson-bar">
          {notes && (
            <aside
              className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-4 text-amber-950"
              data-testid="lesson-notes"
            >
              <h2 className="font-semibold">{t('lesson.notes')}</h2>
              <p className="whitespace-pre-line">{notes}</p>
            </aside>
          )}
          {problems.map((p) => (
            <Alert key={`${p.param}-${p.value}`} kind="warning">
              <span data-testid="lesson-problem">
                {p.code === 'foreign-url'
                  ? t('lesson.foreign', { value: safeHost(p.value) })
                  : t('lesson.badValue', { param: p.param, value: p.value })}
              </span>
            </Alert>
          ))}
          {status?.kind === 'opening' && <Alert kind="info">{t('lesson.opening')}</Alert>}
          {status?.kind === 'failed' && (
            <Alert kind="error">
              {t('lesson.openFailed', { path: status.path, message: status.message ?? '' })}
            </Alert>
          )}
        </div>
      )}
    </>
  );
}

function safeHost(raw: string): string {
  try {
    return new URL(raw, 'https://x.invalid').host || raw;
  } catch {
    return raw.slice(0, 60);
  }
}
