'use client';
// The home page's heading and introduction.
import { useT } from '@/components/i18n/i18n-provider';

/** Title and one paragraph about what the app is. */
export function HomeIntro() {
  const t = useT();
  return (
    <section className="space-y-3">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{t('app.name')}</h1>
      <p className="max-w-3xl text-lg text-slate-700">{t('app.tagline')}</p>
      <h2 className="pt-4 text-xl font-semibold text-slate-800">{t('home.title')}</h2>
      <p className="max-w-3xl text-slate-600">{t('home.intro')}</p>
    </section>
  );
}
