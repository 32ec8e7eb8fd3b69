'use client';
// The site header: home link, studio navigation, language switch and backend badge.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

import { useT } from '@/components/i18n/i18n-provider';

import { BackendBadge } from './backend-badge';
import { LanguageSwitch } from './language-switch';
import { STUDIOS } from './studios';

/** Header shown on every page. */
export function Header() {
  const t = useT();
  const pathname = usePathname();
  const links = [
    ...STUDIOS.filter((s) => s.ready).map((s) => ({ href: s.href, label: t(s.title) })),
    { href: '/privacy/', label: t('nav.privacy') },
  ];
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-indigo-600 focus:px-3 focus:py-1 focus:text-white"
      >
        {t('nav.skip')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link
          href="/"
          className="text-lg font-bold text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {t('app.name')}
        </Link>
        <nav
          aria-label={t('nav.studios')}
          className="order-3 w-full min-w-0 md:order-none md:w-auto md:flex-1"
        >
          {/* Links wrap onto a second line rather than scroll sideways: every one stays visible. */}
          <ul className="flex flex-wrap gap-1 text-sm" data-testid="header-links">
            {links.map((l) => {
              const active = pathname === l.href || pathname === l.href.replace(/\/$/, '');
              return (
                <li key={l.href}>
                  <Link
                    href={l.href}
                    aria-current={active ? 'page' : undefined}
                    className={`block rounded-full px-3 py-1 focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                      active ? 'bg-indigo-100 text-indigo-800' : 'text-slate-700 hover:bg-slate-100'
                    }`}
                  >
                    {l.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <BackendBadge />
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
