'use client';
// The teacher panel: hide controls from learners and copy the link that carries the whole experiment.
import { useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui';
import { HIDEABLE_CONTROLS, type HideableControl } from '@/lib/lab';

interface Props {
  hidden: (c: HideableControl) => boolean;
  toggleHide: (c: HideableControl) => void;
}

/** "For teachers": tick controls to hide them; the address bar (and the copied link) keeps the choice. */
export function PlaygroundTeacher({ hidden, toggleHide }: Props) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="teacher-panel">
      <summary className="cursor-pointer font-medium">{t('lab.teacher.title')}</summary>
      <p className="mt-2 text-slate-600">{t('lab.teacher.explain')}</p>
      <fieldset className="mt-2 flex flex-wrap gap-3">
        <legend className="sr-only">{t('lab.teacher.hide')}</legend>
        {HIDEABLE_CONTROLS.map((c) => (
          <label key={c} className="inline-flex items-center gap-1">
            <input
              type="checkbox"
              checked={hidden(c)}
              onChange={() => toggleHide(c)}
              data-testid={`hide-${c}`}
            />
            {t(`lab.ctl.${c}`)}
          </label>
        ))}
      </fieldset>
      <Button
        className="mt-2"
        size="sm"
        variant="secondary"
        onClick={() => {
          // The students' link: without teacher=1, so the panel stays hidden for them.
          const link = new URL(window.location.href);
          link.searchParams.delete('teacher');
          void navigator.clipboard
            ?.writeText(link.href)
            .then(() => setCopied(true))
            .catch(() => setCopied(false));
        }}
      >
        {copied ? t('lab.teacher.copied') : t('lab.teacher.copy')}
      </Button>
    </details>
  );
}
