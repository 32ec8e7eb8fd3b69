'use client';
// Hook: turns any thrown value into a short message in the reader's language.
import { useCallback } from 'react';

import { useLocale } from '@/components/i18n/i18n-provider';
import { DEFAULT_LOCALE, errorMessage, isLocale } from '@/lib/i18n';

/** Returns `(error) => message` for the current language; never shows an error's English `message`. */
export function useErrorText(): (error: unknown) => string {
  const { locale } = useLocale();
  return useCallback((error: unknown) => errorMessage(locale, error), [locale]);
}

/**
 * The same message for code outside render (effects, callbacks that must not depend on the
 * language): reads the page's current language from `<html lang>`, set by the language provider.
 */
export function errorTextNow(error: unknown): string {
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return errorMessage(isLocale(lang) ? lang : DEFAULT_LOCALE, error);
}
