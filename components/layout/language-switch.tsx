'use client';
// Korean / English switch, remembered across visits.
import { useLocale, useT } from '@/components/i18n/i18n-provider';
import { LOCALES } from '@/lib/i18n';

/** Two toggle buttons, one per language. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <div
      role="group"
      aria-label={t('lang.label')}
      className="flex overflow-hidden rounded-full border border-slate-300 text-sm"
    >
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={locale === l}
          onClick={() => setLocale(l)}
          className={`px-3 py-1 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-indigo-600 ${
            locale === l ? 'bg-indigo-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'
          }`}
        >
          {t(l === 'ko' ? 'lang.ko' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}
