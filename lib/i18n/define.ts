// defineMessages: one namespace's messages, type-checked so Korean has every English key.
import type { MessageBundle } from './types';

/** Declares a namespace of messages. TypeScript reports any key missing in `ko`. */
export function defineMessages<K extends string>(bundle: {
  en: Record<K, string>;
  ko: Record<K, string>;
}): MessageBundle<K> {
  return bundle;
}
