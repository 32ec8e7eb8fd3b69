import { describe, expect, it } from 'vitest';

import { MESSAGES, applyPlurals, detectLocale, messageParamNames, translate } from './index';

describe('i18n', () => {
  it('Korean and English have exactly the same keys, none empty', () => {
    expect(Object.keys(MESSAGES.ko).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const locale of ['en', 'ko'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[locale]))
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
    }
  });

  it('placeholders match between languages', () => {
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      expect(messageParamNames(MESSAGES.ko[key]), key).toEqual(messageParamNames(MESSAGES.en[key]));
    }
  });

  it('chooses plural forms by the language rules', () => {
    const msg = '{count, plural, =0 {no examples} one {# example} other {# examples}} in {name}';
    expect(applyPlurals('en', msg, { count: 1, name: 'a' })).toBe('1 example in {name}');
    expect(applyPlurals('en', msg, { count: 2 })).toBe('2 examples in {name}');
    expect(applyPlurals('en', msg, { count: 0 })).toBe('no examples in {name}');
    expect(applyPlurals('en', msg, { count: 1.5 })).toBe('1.5 examples in {name}');
    // Korean has a single form.
    expect(applyPlurals('ko', '{n, plural, one {# 하나} other {예시 #개}}', { n: 1 })).toBe('예시 1개');
    // Nested placeholders and plurals.
    expect(
      applyPlurals('en', '{a, plural, one {one {b, plural, one {# b} other {# bs}}} other {many}}', {
        a: 1,
        b: 3,
      }),
    ).toBe('one 3 bs');
    // Without the number, the block is left as it is.
    expect(applyPlurals('en', msg, {})).toBe(msg);
  });

  it('reads English plurals right through translate', () => {
    expect(translate('en', 'teach.samples', { count: 1 })).toBe('1 example');
    expect(translate('en', 'teach.samples', { count: 3 })).toBe('3 examples');
    expect(translate('ko', 'teach.samples', { count: 1 })).toBe('예시 1개');
    expect(translate('en', 'teach.fps', { fps: 1 })).toBe('1 prediction per second');
    expect(translate('en', 'teach.fps', { fps: 1.5 })).toBe('1.5 predictions per second');
  });

  it('every plural block is complete (has an "other" form) in both languages', () => {
    for (const locale of ['en', 'ko'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[locale])) {
        const names = messageParamNames(text);
        for (const n of [0, 1, 2, 5]) {
          const params = Object.fromEntries(names.map((p) => [p, n]));
          expect(applyPlurals(locale, text, params), `${locale}.${key}`).not.toMatch(/,\s*plural,/);
        }
      }
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
