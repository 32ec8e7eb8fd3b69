'use client';
// Language context: Korean or English, remembered in localStorage, applied to <html lang>.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

import {
  DEFAULT_LOCALE,
  LOCALE_STORAGE_KEY,
  type Locale,
  type MessageKey,
  type MessageParams,
  detectLocale,
  isLocale,
  translate,
} from '@/lib/i18n';

/** The translate function components receive. */
export type TFunction = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue>({
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
  t: (key, params) => translate(DEFAULT_LOCALE, key, params),
});

/** Provides the UI language to every client component. */
export function I18nProvider({ children }: { children: React.ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(DEFAULT_LOCALE);

  useEffect(() => {
    const saved = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    setLocaleState(isLocale(saved) ? saved : detectLocale(window.navigator.languages));
  }, []);

  useEffect(() => {
    const html = document.documentElement;
    html.lang = locale;
    // public/locale.js hid the English static page until it is shown in the chosen language.
    if (html.getAttribute('data-i18n-pending') === locale) html.removeAttribute('data-i18n-pending');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its setter. */
export function useLocale(): Pick<I18nValue, 'locale' | 'setLocale'> {
  const { locale, setLocale } = useContext(I18nContext);
  return { locale, setLocale };
}

/** The translate function for the current language. */
export function useT(): TFunction {
  return useContext(I18nContext).t;
}

/** Renders one message; for Server Components that only lay out text. */
export function T({ k, params }: { k: MessageKey; params?: MessageParams }) {
  const t = useT();
  return <>{t(k, params)}</>;
}
