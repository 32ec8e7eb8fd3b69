'use client';
// The messages at the top of a teachable studio: one notice (imports, exports, a saved model that
// could not be rebuilt) and the list of files an upload could not use.
import { useEffect, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui';

import type { FilesNotice } from './project-files-panel';

/** The studio's notice, set to `restoreText(message)` whenever the saved model cannot be rebuilt. */
export function useStudioNotice(restoreError: unknown, restoreText: (message: string) => string) {
  const [notice, setNotice] = useState<FilesNotice | null>(null);
  const errorText = useErrorText();
  const text = restoreError ? restoreText(errorText(restoreError)) : null;
  useEffect(() => {
    if (text) setNotice({ kind: 'error', text });
  }, [text]);
  return [notice, setNotice] as const;
}

/** Props for {@link StudioNotices}. */
export interface StudioNoticesProps {
  notice: FilesNotice | null;
  onDismiss: () => void;
  fileErrors: readonly string[];
  onClearFileErrors: () => void;
  /** Test ids of the notice text and of the file list. */
  noticeTestId: string;
  fileErrorsTestId: string;
}

/** Both alerts, each dismissable. */
export function StudioNotices(p: StudioNoticesProps) {
  const t = useT();
  return (
    <>
      {p.notice && (
        <Alert kind={p.notice.kind} onDismiss={p.onDismiss} dismissLabel={t('ui.close')}>
          <span data-testid={p.noticeTestId}>{p.notice.render ? p.notice.render(t) : p.notice.text}</span>
        </Alert>
      )}
      {p.fileErrors.length > 0 && (
        <Alert kind="error" onDismiss={p.onClearFileErrors} dismissLabel={t('ui.close')}>
          <ul data-testid={p.fileErrorsTestId}>
            {p.fileErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
