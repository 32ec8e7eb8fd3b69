// The message lookup: t(key, params) for a locale, with `{name}` placeholders.
import { DEFAULT_LOCALE, LOCALES } from './constants';
import { MESSAGES, type MessageKey } from './messages';
import { applyPlurals } from './plural';
import type { Locale, MessageParams } from './types';

/**
 * Returns the message for `key` in `locale`, with plural forms chosen (see plural.ts) and params
 * substituted. Falls back to English.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text =
    (MESSAGES[locale] as Record<string, string>)[key] ?? (MESSAGES.en as Record<string, string>)[key] ?? key;
  if (!params) return text;
  return applyPlurals(locale, text, params).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** Picks the first supported language from a list like navigator.languages. */
export function detectLocale(languages: readonly string[] | undefined): Locale {
  for (const lang of languages ?? []) {
    const base = lang.toLowerCase().split('-')[0] as Locale;
    if (LOCALES.includes(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** True if `value` is a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
