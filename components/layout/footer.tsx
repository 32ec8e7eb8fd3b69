'use client';
// The site footer: the privacy promise in one line.
import Link from 'next/link';

import { useT } from '@/components/i18n/i18n-provider';

/** Footer shown on every page. */
export function Footer() {
  const t = useT();
  return (
    <footer className="mt-16 border-t border-slate-200 py-6 text-center text-sm text-slate-500">
      <p>
        {t('footer.offline')}{' '}
        <Link href="/privacy/" className="underline hover:text-slate-700">
          {t('nav.privacy')}
        </Link>
      </p>
    </footer>
  );
}
