// Lesson links: every parameter read, bad values and other sites refused, and links round-trip.
import { describe, expect, it } from 'vitest';

import { lessonLink, parseLesson, sameOriginPath } from './lesson-link';

const ORIGIN = 'https://studio.example';

describe('parseLesson', () => {
  it('reads every parameter', () => {
    const { params, problems } = parseLesson(
      '?lang=ko&kids=1&classes=Apple,%20Banana&hide=files,settings&engine=wasm&project=/lessons/fruit.zip&notes=Hello',
      ORIGIN,
    );
    expect(problems).toEqual([]);
    expect(params).toEqual({
      lang: 'ko',
      kids: true,
      classes: ['Apple', 'Banana'],
      hide: ['files', 'settings'],
      engine: 'wasm',
      project: '/lessons/fruit.zip',
      notes: 'Hello',
    });
  });

  it('accepts backend= as the engine and model= as the file to open', () => {
    const { params } = parseLesson('backend=cpu&model=lessons/m.zip', ORIGIN);
    expect(params.engine).toBe('cpu');
    expect(params.project).toBe('/lessons/m.zip');
  });

  it('refuses a project on another site, and bad values, naming the parameter', () => {
    const { params, problems } = parseLesson(
      'project=https://evil.example/x.zip&lang=fr&engine=gpu&kids=maybe&classes=' + 'x'.repeat(41),
      ORIGIN,
    );
    expect(params.project).toBeUndefined();
    expect(params.lang).toBeUndefined();
    expect(problems.map((p) => `${p.param}:${p.code}`).sort()).toEqual([
      'classes:bad-value',
      'engine:bad-value',
      'kids:bad-value',
      'lang:bad-value',
      'project:foreign-url',
    ]);
  });

  it('treats protocol-relative and javascript: links as foreign', () => {
    expect(sameOriginPath('//evil.example/x.zip', ORIGIN)).toBeNull();
    expect(sameOriginPath('javascript:alert(1)', ORIGIN)).toBeNull();
    expect(sameOriginPath('/a/b.zip?x=1', ORIGIN)).toBe('/a/b.zip?x=1');
  });
});

describe('lessonLink', () => {
  it('builds a link that parses back to the same setup and keeps the page’s own parameters', () => {
    const link = lessonLink(`${ORIGIN}/lab/?data=xor`, {
      lang: 'en',
      kids: true,
      classes: ['Rock', 'Paper', 'Scissors'],
      hide: ['files'],
      engine: 'cpu',
      project: '/lessons/rps.zip',
    });
    const url = new URL(link);
    expect(url.pathname).toBe('/lab/');
    expect(url.searchParams.get('data')).toBe('xor');
    expect(parseLesson(url.search, ORIGIN).params).toEqual({
      lang: 'en',
      kids: true,
      classes: ['Rock', 'Paper', 'Scissors'],
      hide: ['files'],
      engine: 'cpu',
      project: '/lessons/rps.zip',
    });
  });
});
