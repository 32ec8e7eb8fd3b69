'use client';
// "Start here": the first steps for a child who has never used the app (three studios in order),
// so the home page has an obvious first click instead of seven equal cards.
import Link from 'next/link';

import { useT } from '@/components/i18n/i18n-provider';
import type { MessageKey } from '@/lib/i18n';

const STEPS: { href: string; text: MessageKey }[] = [
  { href: '/image/', text: 'home.start.step1' },
  { href: '/digits/', text: 'home.start.step2' },
  { href: '/music/', text: 'home.start.step3' },
];

/** A short path of three steps, the first one a big button. */
export function StartHere() {
  const t = useT();
  return (
    <section
      aria-labelledby="start-here"
      className="space-y-3 rounded-2xl border-2 border-indigo-200 bg-indigo-50 p-5"
      data-testid="start-here"
    >
      <h2 id="start-here" className="text-xl font-bold text-indigo-900">
        {t('home.start.title')}
      </h2>
      <ol className="space-y-2">
        {STEPS.map((s, i) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className={`inline-flex min-h-11 items-center gap-3 rounded-xl px-4 py-2 font-medium focus-visible:outline-3 focus-visible:outline-indigo-600 ${
                i === 0
                  ? 'bg-indigo-600 text-lg text-white hover:bg-indigo-700'
                  : 'text-indigo-900 hover:bg-indigo-100'
              }`}
            >
              <span aria-hidden="true" className="font-bold">
                {i + 1}
              </span>
              {t(s.text)}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
