// public/locale.js picks the language before the first paint; it must agree with lib/i18n.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { LOCALE_STORAGE_KEY, detectLocale } from './index';

const SCRIPT = readFileSync(join(__dirname, '..', '..', 'public', 'locale.js'), 'utf8');

/** Runs the script with a fake page; returns <html>'s lang and pending flag. */
function run(saved: string | null, languages: string[]) {
  const attrs = new Map<string, string>();
  const html = {
    lang: 'en',
    setAttribute: (k: string, v: string) => attrs.set(k, v),
    removeAttribute: (k: string) => attrs.delete(k),
  };
  const window = { localStorage: { getItem: (k: string) => (k === LOCALE_STORAGE_KEY ? saved : null) } };
  const navigator = { languages, language: languages[0] };
  new Function('window', 'navigator', 'document', 'setTimeout', SCRIPT)(
    window,
    navigator,
    { documentElement: html },
    () => 0,
  );
  return { lang: html.lang, pending: attrs.get('data-i18n-pending') ?? null };
}

describe('public/locale.js', () => {
  it.each([
    [null, ['ko-KR', 'en-US']],
    [null, ['fr-FR', 'en-GB']],
    [null, ['de']],
    [null, ['fr', 'ko']],
  ])('detects like detectLocale (saved %s, languages %j)', (saved, languages) => {
    expect(run(saved, languages).lang).toBe(detectLocale(languages));
  });

  it('a saved choice wins, and only a non-English page is hidden until rendered', () => {
    expect(run('ko', ['en-US'])).toEqual({ lang: 'ko', pending: 'ko' });
    expect(run('en', ['ko-KR'])).toEqual({ lang: 'en', pending: null });
    expect(run('xx', ['ko-KR'])).toEqual({ lang: 'ko', pending: 'ko' });
  });
});
