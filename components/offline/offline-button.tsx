'use client';
// "Make available offline": a button with the size to download, a progress bar and a "ready" state,
// for one studio or (without `studio`) for all of them.
import { useT } from '@/components/i18n/i18n-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useErrorText } from '@/components/errors/use-error-text';
import { STUDIOS } from '@/components/layout/studios';
import { OFFLINE_STUDIOS, type OfflineStudioId, formatBytes } from '@/lib/offline';

import { useOfflineFiles } from './use-offline-files';

/** Props for {@link OfflineButton}: a studio id, or none for the whole app. */
export interface OfflineButtonProps {
  studio?: OfflineStudioId;
}

/** Lets a teacher keep a studio (or every studio) on this device for use without internet. */
export function OfflineButton({ studio }: OfflineButtonProps) {
  const t = useT();
  const errorText = useErrorText();
  const { supported, files, status, progress, error, perStudio, download } = useOfflineFiles(
    studio ? [studio] : OFFLINE_STUDIOS,
  );
  const all = !studio;
  const ready = status?.ready ?? false;
  const missingBytes = status ? status.totalBytes - status.cachedBytes : 0;

  return (
    <section
      className="flex flex-wrap items-center gap-3 rounded-2xl border border-slate-200 bg-white p-4"
      aria-label={t('offline.title')}
      data-testid="offline-panel"
      data-offline-ready={ready}
    >
      <div className="min-w-0 flex-1 basis-64 space-y-1">
        <h2 className="font-semibold text-slate-900">{t('offline.title')}</h2>
        <p className="text-sm text-slate-700">{t(all ? 'offline.explainAll' : 'offline.explain')}</p>
      </div>
      <div className="min-w-0 flex-1 basis-64 space-y-2">
        {!supported && <p className="text-sm text-slate-700">{t('offline.unsupported')}</p>}
        {supported && !files && !error && <p className="text-sm text-slate-600">{t('offline.checking')}</p>}
        {ready && (
          <p className="font-medium text-emerald-800" role="status" data-testid="offline-ready">
            ✓ {t(all ? 'offline.readyAll' : 'offline.ready')}
            {files && files.length === 0 ? ` · ${t('offline.nothing')}` : ''}
          </p>
        )}
        {status && !ready && !progress && (
          <Button onClick={() => void download()} data-testid="offline-download">
            {t(all ? 'offline.buttonAll' : 'offline.button', { size: formatBytes(missingBytes) })}
          </Button>
        )}
        {progress && (
          <ProgressBar
            value={progress.totalBytes ? progress.loadedBytes / progress.totalBytes : null}
            label={t('offline.downloading')}
            detail={t('offline.detail', {
              loaded: formatBytes(progress.loadedBytes),
              total: formatBytes(progress.totalBytes),
            })}
          />
        )}
        {perStudio && (
          <ul className="flex flex-wrap gap-2 text-sm" data-testid="offline-studios">
            {STUDIOS.map((s) => (
              <li
                key={s.id}
                data-studio={s.id}
                data-ready={perStudio[s.id] ?? false}
                className={`rounded-full px-3 py-1 ${perStudio[s.id] ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-100 text-slate-700'}`}
              >
                {perStudio[s.id] ? '✓ ' : ''}
                {t(s.title)}
              </li>
            ))}
          </ul>
        )}
        {error != null && <Alert kind="error">{t('offline.failed', { message: errorText(error) })}</Alert>}
      </div>
    </section>
  );
}
