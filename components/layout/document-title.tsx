'use client';
// The tab title in the UI language: "<page> · <app name>" (the app name once), or the app name on
// the home page. The static export's <title> is English; this follows the language and navigation.
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';

import { useT, type TFunction } from '@/components/i18n/i18n-provider';
import type { MessageKey } from '@/lib/i18n';

import { STUDIOS } from './studios';

const OTHER_PAGES: Record<string, MessageKey> = { '/privacy/': 'nav.privacy' };

/** The title of the page at `pathname` in the UI language. */
export function pageTitle(pathname: string, t: TFunction): string {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const key = STUDIOS.find((s) => s.href === path)?.title ?? OTHER_PAGES[path];
  return key ? `${t(key)} · ${t('app.name')}` : t('app.name');
}

/** Keeps document.title in the UI language (also when Next.js writes its own after navigating). */
export function DocumentTitle() {
  const t = useT();
  const pathname = usePathname();
  useEffect(() => {
    const title = pageTitle(pathname ?? '/', t);
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [pathname, t]);
  return null;
}
