// Errors in the reader's language: every typed error code (and the browser's common errors) has a message.
import { ERROR_CODES, type ErrorCode, InputError, StudioError } from '../errors';

import type { MessageKey } from './messages';
import { translate } from './translate';
import type { Locale } from './types';

/** Codes for errors the browser throws (DOMException names and failed fetches), and 'unknown'. */
export const BROWSER_ERROR_CODES = [
  'permission',
  'no-device',
  'device-busy',
  'storage-full',
  'aborted',
  'network',
  'unknown',
] as const;

/** A code that has a message: one of lib/errors.ts or of the browser's. */
export type MessageErrorCode = ErrorCode | (typeof BROWSER_ERROR_CODES)[number];

/** Every code with a message, for the completeness test. */
export const ALL_ERROR_CODES: readonly MessageErrorCode[] = [...ERROR_CODES, ...BROWSER_ERROR_CODES];

const DOM_NAMES: Record<string, MessageErrorCode> = {
  NotAllowedError: 'permission',
  SecurityError: 'permission',
  PermissionDeniedError: 'permission',
  NotFoundError: 'no-device',
  DevicesNotFoundError: 'no-device',
  OverconstrainedError: 'no-device',
  NotReadableError: 'device-busy',
  TrackStartError: 'device-busy',
  QuotaExceededError: 'storage-full',
  AbortError: 'aborted',
  NetworkError: 'network',
};

/** An error whose message is already in the reader's language (a component's own `t(...)` text). */
export class LocalizedError extends Error {
  readonly localized = true;
}

/** The code of any thrown value: a StudioError's own code, a known browser error, or 'unknown'. */
export function errorCodeOf(error: unknown): MessageErrorCode {
  if (error instanceof StudioError && (ERROR_CODES as readonly string[]).includes(error.code))
    return error.code;
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && name in DOM_NAMES) return DOM_NAMES[name];
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) return 'network';
  return 'unknown';
}

/** The message key for an error code. */
export function errorMessageKey(code: MessageErrorCode): MessageKey {
  return `errors.${code}` as MessageKey;
}

/**
 * A short message for `error` in `locale`. Our typed errors' own messages are English and name the
 * exact value and fix, so English readers get them; every other language gets the code's message
 * (with the file name for input errors). Browser and unknown errors always get the code's message.
 */
export function errorMessage(locale: Locale, error: unknown): string {
  if (error instanceof LocalizedError) return error.message;
  const code = errorCodeOf(error);
  if (locale === 'en' && error instanceof StudioError && error.message) return error.message;
  if (code === 'input' && error instanceof InputError && error.item)
    return translate(locale, 'errors.inputItem', { item: error.item });
  return translate(locale, errorMessageKey(code));
}

/** The technical detail of an error (English, for the folded "Details"). */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
