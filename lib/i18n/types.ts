// Types for the two UI languages.

/** A UI language. */
export type Locale = 'ko' | 'en';

/** Message parameters, substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** One namespace of messages: the same keys in every language. */
export interface MessageBundle<K extends string = string> {
  en: Record<K, string>;
  ko: Record<K, string>;
}
