import { describe, expect, it } from 'vitest';

import { MESSAGES, detectLocale, translate } from './index';

describe('i18n', () => {
  it('Korean and English have exactly the same keys, none empty', () => {
    expect(Object.keys(MESSAGES.ko).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const locale of ['en', 'ko'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[locale]))
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
    }
  });

  it('placeholders match between languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      expect(names(MESSAGES.ko[key]), key).toEqual(names(MESSAGES.en[key]));
    }
  });

  it('translates with parameters', () => {
    expect(translate('en', 'backend.badge', { name: 'webgl' })).toContain('webgl');
    expect(translate('ko', 'backend.badge', { name: 'cpu' })).toContain('cpu');
  });

  it('detects the language', () => {
    expect(detectLocale(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale(['de'])).toBe('en');
    expect(detectLocale(undefined)).toBe('en');
  });
});
