// Constants for the UI languages.
import type { Locale } from './types';

/** Languages the UI speaks, in the order the switch shows them. */
export const LOCALES: readonly Locale[] = Object.freeze(['ko', 'en']);
/** Used when the browser's language is neither Korean nor English. */
export const DEFAULT_LOCALE: Locale = 'en';
/** localStorage key that remembers the chosen language. */
export const LOCALE_STORAGE_KEY = 'cais.locale';
