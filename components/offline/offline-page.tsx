'use client';
// Our own offline page: what the service worker shows for a page it does not hold when there is no network.
import Link from 'next/link';

import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui/button';

/** A calm explanation with a way home and a retry. */
export function OfflinePage() {
  const t = useT();
  return (
    <article
      className="mx-auto max-w-xl space-y-4 rounded-2xl border border-slate-200 bg-white p-6"
      data-testid="offline-page"
    >
      <h1 className="text-2xl font-bold">{t('offline.page.title')}</h1>
      <p className="text-slate-700">{t('offline.page.body')}</p>
      <p className="text-slate-700">{t('offline.page.hint')}</p>
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => window.location.reload()}>{t('offline.page.retry')}</Button>
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-xl border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
        >
          {t('offline.page.home')}
        </Link>
      </div>
    </article>
  );
}
