'use client';
// The privacy page's text and the delete-all-data control.
import { useCallback, useEffect, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { OfflinePrivacy } from '@/components/offline/offline-privacy';
import { useErrorText } from '@/components/errors/use-error-text';

/** Plain-words privacy explanation and a button that deletes everything saved locally. */
export function PrivacyContent() {
  const t = useT();
  const [inventory, setInventory] = useState<{ projects: number; models: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [cacheVersion, setCacheVersion] = useState(0);
  const errorText = useErrorText();

  const refresh = useCallback(async () => {
    const { listLocalData, loadProject } = await import('@/lib/persist');
    const data = await listLocalData();
    // A teachable studio keeps its trained model inside its project (`head`): count those too.
    const projects = await Promise.all(data.projects.map((k) => loadProject<unknown>(k).catch(() => null)));
    const inProjects = projects.filter(
      (p) => typeof p === 'object' && p !== null && 'head' in p && (p as { head: unknown }).head,
    ).length;
    setInventory({ projects: data.projects.length, models: data.models.length + inProjects });
  }, []);

  useEffect(() => {
    void refresh().catch(() => setInventory(null));
  }, [refresh]);

  const onDelete = async () => {
    if (!window.confirm(t('privacy.delete.confirm'))) return;
    setBusy(true);
    try {
      const { clearAllLocalData } = await import('@/lib/persist');
      const { deleteOfflineData } = await import('@/lib/offline');
      const count = (await clearAllLocalData()) + (await deleteOfflineData());
      setCacheVersion((v) => v + 1);
      setMessage({ kind: 'success', text: t('privacy.delete.done', { count }) });
      await refresh();
    } catch (e) {
      setMessage({
        kind: 'error',
        text: t('privacy.delete.error', { message: errorText(e) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const sections = [
    ['privacy.where.title', 'privacy.where.body'],
    ['privacy.upload.title', 'privacy.upload.body'],
    ['privacy.saved.title', 'privacy.saved.body'],
  ] as const;

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t('privacy.title')}</h1>
        <p className="text-lg text-slate-700">{t('privacy.lead')}</p>
      </header>
      {sections.map(([title, body]) => (
        <section key={title} className="space-y-2">
          <h2 className="text-xl font-semibold">{t(title)}</h2>
          <p className="text-slate-700">{t(body)}</p>
        </section>
      ))}
      <OfflinePrivacy version={cacheVersion} />
      <section className="space-y-3 rounded-2xl border border-rose-200 bg-white p-6">
        <h2 className="text-xl font-semibold">{t('privacy.delete.title')}</h2>
        <p className="text-slate-700">{t('privacy.delete.body')}</p>
        {inventory && (
          <p className="text-sm text-slate-600" data-testid="privacy-inventory">
            {t('privacy.delete.inventory', inventory)}
          </p>
        )}
        <Button variant="danger" onClick={() => void onDelete()} disabled={busy}>
          {t('privacy.delete.button')}
        </Button>
        {message && <Alert kind={message.kind}>{message.text}</Alert>}
      </section>
    </article>
  );
}
