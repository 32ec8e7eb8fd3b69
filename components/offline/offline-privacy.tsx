'use client';
// The Privacy page's list of caches kept for offline use (deleted together with everything else).
import { useEffect, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import type { CacheSummary } from '@/lib/offline';

/** Lists this site's caches; `version` changes after a delete to refresh the list. */
export function OfflinePrivacy({ version }: { version: number }) {
  const t = useT();
  const [caches, setCaches] = useState<CacheSummary[] | null>(null);

  useEffect(() => {
    let live = true;
    void import('@/lib/offline')
      .then((lib) => lib.listCaches())
      .then((list) => live && setCaches(list))
      .catch(() => live && setCaches([]));
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <section className="space-y-2" data-testid="privacy-caches">
      <h2 className="text-xl font-semibold">{t('offline.privacy.title')}</h2>
      <p className="text-slate-700">{t('offline.privacy.body')}</p>
      {caches && caches.length === 0 && <p className="text-sm text-slate-600">{t('offline.privacy.none')}</p>}
      {caches && caches.length > 0 && (
        <ul className="list-inside list-disc text-sm text-slate-600">
          {caches.map((c) => (
            <li key={c.name}>{t('offline.privacy.cache', { name: c.name, entries: c.entries })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
