'use client';
// The home page's grid of studio cards: a picture and one sentence each.
import Link from 'next/link';

import { useT } from '@/components/i18n/i18n-provider';

import { StudioIcon } from './studio-icon';
import { STUDIOS } from './studios';

/** All studios as cards; those not built yet say so. */
export function StudioCards() {
  const t = useT();
  return (
    <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3" data-testid="studio-cards">
      {STUDIOS.map((s) => {
        const body = (
          <>
            <div
              className={`flex h-32 items-center justify-center rounded-t-2xl bg-gradient-to-br ${s.tint} text-white`}
            >
              <StudioIcon id={s.id} className="h-20 w-20" />
            </div>
            <div className="space-y-2 p-5">
              <h2 className="text-lg font-semibold text-slate-900">{t(s.title)}</h2>
              <p className="text-slate-600">{t(s.desc)}</p>
              <p className={`text-sm font-medium ${s.ready ? 'text-indigo-700' : 'text-slate-500'}`}>
                {s.ready ? `${t('home.open')} →` : `${t('home.soon')} · ${t('home.soonNote')}`}
              </p>
            </div>
          </>
        );
        return (
          <li key={s.id} data-studio={s.id} data-ready={s.ready}>
            {s.ready ? (
              <Link
                href={s.href}
                className="block h-full rounded-2xl border border-slate-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-md focus-visible:outline-3 focus-visible:outline-indigo-600"
              >
                {body}
              </Link>
            ) : (
              <div className="h-full rounded-2xl border border-dashed border-slate-300 bg-white/60 opacity-80">
                {body}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
