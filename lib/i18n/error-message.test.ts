// Every error code a user can meet has a message in Korean and English, and errorMessage uses it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ConfigError, ERROR_CODES, InputError, ModelLoadError, TrainingDivergedError } from '../errors';
import { MidiError } from '../music/midi-io';

import { ALL_ERROR_CODES, LocalizedError, errorCodeOf, errorMessage, errorMessageKey } from './error-message';
import { MESSAGES } from './messages';

const LIB = join(__dirname, '..');
const HANGUL = /[\uac00-\ud7a3]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [p] : [];
  });
}

describe('error messages', () => {
  it('has a message in both languages for every code', () => {
    for (const code of ALL_ERROR_CODES) {
      const key = errorMessageKey(code);
      const en = (MESSAGES.en as Record<string, string>)[key];
      const ko = (MESSAGES.ko as Record<string, string>)[key];
      expect(en, `English message for "${code}"`).toBeTruthy();
      expect(ko, `Korean message for "${code}"`).toMatch(HANGUL);
    }
  });

  it('knows every code the library throws (scanned from the source)', () => {
    const thrown = new Set<string>();
    for (const file of [...sources(LIB), ...sources(join(LIB, '../components'))]) {
      const text = readFileSync(file, 'utf8');
      if (!/extends \w*Error\b|new StudioError\(/.test(text)) continue;
      for (const m of text.matchAll(/(?:super|new StudioError)\(\s*'([a-z][a-z-]*)'/g)) thrown.add(m[1]);
      // MidiError builds `midi-${kind}` from its MidiErrorKind union.
      const kinds = /export type MidiErrorKind =([\s\S]*?);/.exec(text)?.[1];
      for (const k of kinds?.matchAll(/'([a-z-]+)'/g) ?? []) thrown.add(`midi-${k[1]}`);
    }
    expect(thrown.size).toBeGreaterThan(5);
    for (const code of thrown) expect(ERROR_CODES as readonly string[], `code "${code}"`).toContain(code);
  });

  it('shows real errors in Korean, never their English message', () => {
    const errors: unknown[] = [
      new ConfigError('epochs', -1, 'a whole number from 1 to 500'),
      new ModelLoadError('HTTP 404 for /models/x/model.json'),
      new InputError('not a WAV file', 'clap.mp3'),
      new TrainingDivergedError(3, Number.NaN),
      new MidiError('denied', 'Permission denied'),
      new DOMException('Permission denied', 'NotAllowedError'),
      new TypeError('Failed to fetch'),
      new Error('something odd'),
      'a string',
    ];
    for (const e of errors) {
      const ko = errorMessage('ko', e);
      expect(ko).toMatch(HANGUL);
      if (e instanceof Error) expect(ko).not.toContain(e.message);
      expect(errorMessage('en', e)).not.toMatch(HANGUL);
    }
    // Korean names the file; English keeps the typed error's own precise message.
    expect(errorMessage('ko', errors[2])).toContain('clap.mp3');
    expect(errorMessage('en', errors[2])).toBe('not a WAV file');
    // A browser or unknown error never shows its raw English text, in either language.
    expect(errorMessage('en', errors[7])).not.toContain('something odd');
    // A component's own translated text passes through unchanged.
    expect(errorMessage('ko', new LocalizedError('파일을 찾을 수 없어요'))).toBe('파일을 찾을 수 없어요');
    expect(errorCodeOf(errors[5])).toBe('permission');
    expect(errorCodeOf(errors[6])).toBe('network');
    expect(errorCodeOf(errors[7])).toBe('unknown');
  });
});
