'use client';
// FileProgress: "Reading "big.csv"… 40%" with a bar and a Cancel button, while a file is read off
// the main thread (components/media/use-file-reading.ts). When it goes while focus is on it (Cancel
// pressed, or the file read to the end), focus returns to what had it before the bar came (the file
// button), not to the top of the page.
import { useLayoutEffect, useRef } from 'react';

import { useT } from '@/components/i18n/i18n-provider';

import { Button } from './button';
import { ProgressBar } from './progress-bar';

/** Props for {@link FileProgress}. */
export interface FileProgressProps {
  /** The file being read and the fraction done (null: not known yet). */
  reading: { name: string; fraction: number | null };
  /** Text above the bar; by default "Reading "name"… 40%". */
  label?: string;
  onCancel: () => void;
  /** data-testid of the box; the Cancel button gets `${testId}-cancel`. */
  testId?: string;
}

/** A progress bar for a file being read, with Cancel. */
export function FileProgress({ reading, label, onCancel, testId = 'file-progress' }: FileProgressProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const opener = document.activeElement;
    const node = box.current;
    return () => {
      // Runs before the box leaves the page, so it can still tell whether focus is inside it.
      if (
        !(opener instanceof HTMLElement) ||
        opener === document.body ||
        !node?.contains(document.activeElement)
      )
        return;
      setTimeout(() => {
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (lost && opener.isConnected) opener.focus();
      }, 0);
    };
  }, []);
  const percent = Math.round((reading.fraction ?? 0) * 100);
  return (
    <div ref={box} className="flex items-end gap-3" data-testid={testId} data-percent={percent}>
      <div className="min-w-0 flex-1">
        <ProgressBar
          value={reading.fraction}
          label={label ?? t('files.reading', { name: reading.name, percent })}
          detail={label === undefined ? '' : undefined}
        />
      </div>
      <Button variant="secondary" className="min-h-11" onClick={onCancel} data-testid={`${testId}-cancel`}>
        {t('files.cancel')}
      </Button>
    </div>
  );
}
