'use client';
// "Export as a web page": the one button the Image and Pose studios share. A failure is shown in the
// reader's language through the studio's notice.
import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui';

import type { FilesNotice } from './project-files-panel';

/** Props for {@link ExportPageButton}. */
export interface ExportPageButtonProps {
  disabled: boolean;
  /** Builds and downloads the page. */
  onExport: () => Promise<void>;
  onNotice: (n: FilesNotice) => void;
}

/** The button with its one-line hint. */
export function ExportPageButton({ disabled, onExport, onNotice }: ExportPageButtonProps) {
  const t = useT();
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        disabled={disabled}
        onClick={() =>
          void onExport().catch((e: unknown) => onNotice({ kind: 'error', text: errorTextNow(e) }))
        }
        data-testid="export-page"
      >
        {t('teachx.exportPage')}
      </Button>
      <p className="text-xs text-slate-500">{t('teachx.exportPageHint')}</p>
    </div>
  );
}
