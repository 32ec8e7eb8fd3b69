'use client';
// ResultView: the picture being made, with its progress bar and the buttons around a run.
import { forwardRef } from 'react';

import { ProgressBar } from '@/components/ui';

/** Props for {@link ResultView}. */
export interface ResultViewProps {
  label: string;
  /** 0–1 while running, null when idle. */
  progress: number | null;
  progressLabel: string;
  progressDetail?: string;
  testId: string;
  children?: React.ReactNode;
}

/** A canvas that shows the evolving picture (scaled to fit the column), and whatever goes under it. */
export const ResultView = forwardRef<HTMLCanvasElement, ResultViewProps>(function ResultView(
  { label, progress, progressLabel, progressDetail, testId, children },
  ref,
) {
  return (
    <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4" aria-label={label}>
      <div className="flex items-center justify-center rounded-xl bg-slate-900 p-2">
        <canvas
          ref={ref}
          data-testid={testId}
          role="img"
          aria-label={label}
          width={512}
          height={384}
          className="h-auto w-full rounded-lg"
        />
      </div>
      {progress !== null && <ProgressBar value={progress} label={progressLabel} detail={progressDetail} />}
      {children}
    </section>
  );
});
