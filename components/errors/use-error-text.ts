'use client';
// Hook: turns any thrown value into a short message in the reader's language.
import { useCallback } from 'react';

import { useLocale } from '@/components/i18n/i18n-provider';
import { errorMessage } from '@/lib/i18n';

/** Returns `(error) => message` for the current language; never shows an error's English `message`. */
export function useErrorText(): (error: unknown) => string {
  const { locale } = useLocale();
  return useCallback((error: unknown) => errorMessage(locale, error), [locale]);
}
