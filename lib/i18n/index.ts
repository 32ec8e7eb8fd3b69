// Public entry of lib/i18n: Korean and English messages and the lookup.
export { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, LOCALES } from './constants';
export { defineMessages } from './define';
export type { MessageKey } from './messages';
export { MESSAGES } from './messages';
export { applyPlurals, messageParamNames } from './plural';
export { detectLocale, isLocale, translate } from './translate';
export {
  ALL_ERROR_CODES,
  BROWSER_ERROR_CODES,
  LocalizedError,
  type MessageErrorCode,
  errorCodeOf,
  errorDetail,
  errorMessage,
  errorMessageKey,
} from './error-message';
export type * from './types';
