'use client';
// Title and one-line introduction of the lab, in the visitor's language.
import { useT } from '@/components/i18n/i18n-provider';

/** The lab's heading. */
export function LabHeader() {
  const t = useT();
  return (
    <header className="space-y-1">
      <h1 className="text-2xl font-bold">{t('lab.title')}</h1>
      <p className="text-slate-700">{t('lab.intro')}</p>
    </header>
  );
}
