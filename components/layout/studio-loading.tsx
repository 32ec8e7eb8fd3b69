'use client';
// StudioLoading: what a studio shows while its code and models load.
import { useT } from '@/components/i18n/i18n-provider';
import { ProgressBar } from '@/components/ui/progress-bar';

/** An indeterminate progress bar with "Loading…". */
export function StudioLoading() {
  const t = useT();
  return (
    <div className="mx-auto max-w-md py-16">
      <ProgressBar value={null} label={t('ui.loading')} />
    </div>
  );
}
