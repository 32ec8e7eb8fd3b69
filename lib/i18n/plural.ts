// Plural forms in messages, ICU style: "{count, plural, =0 {no examples} one {# example} other {# examples}}".
// The form is chosen by Intl.PluralRules for the UI language; `#` is the number. Korean has one form
// ("예시 {count}개"), so its messages rarely need this; English does ("1 example", "2 examples").
import type { Locale, MessageParams } from './types';

const rulesCache = new Map<Locale, Intl.PluralRules>();
function rules(locale: Locale): Intl.PluralRules {
  let r = rulesCache.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rulesCache.set(locale, r);
  }
  return r;
}

/** Index just past the brace that closes the one opened at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The forms of one plural block's body: "one {…} other {…}" → { one: '…', other: '…' }. */
function parseForms(body: string): Record<string, string> | null {
  const forms: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) return body.slice(i).trim() === '' ? forms : null;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) return null;
    forms[m[1]] = body.slice(open + 1, end - 1);
    i = end;
  }
  return forms;
}

/** Replaces every plural block in `text` by the form for its number; other text is untouched. */
export function applyPlurals(locale: Locale, text: string, params: MessageParams = {}): string {
  const re = /\{(\w+),\s*plural,/g;
  let out = '';
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = closing(text, m.index);
    if (end < 0) break;
    const forms = parseForms(text.slice(m.index + m[0].length, end - 1));
    const value = Number(params[m[1]]);
    if (!forms || !('other' in forms) || !(m[1] in params) || Number.isNaN(value)) continue;
    const form = forms[`=${value}`] ?? forms[rules(locale).select(value)] ?? forms.other;
    out += text.slice(from, m.index) + applyPlurals(locale, form, params).replace(/#/g, String(params[m[1]]));
    from = end;
    re.lastIndex = end;
  }
  return out + text.slice(from);
}

/** Names of the parameters a message uses, in plural blocks or as `{name}`; sorted, no repeats. */
export function messageParamNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)) names.add(m[1]);
  return [...names].sort();
}
