// Reads and writes lesson links: `?lang=ko&kids=1&classes=Apple,Banana&hide=files&engine=wasm&project=/lessons/fruit.zip`.
import { LESSON_ENGINES, MAX_CLASS_NAME, MAX_LESSON_CLASSES, MAX_LINK_NOTES } from './constants';
import type { LessonEngine, LessonParams, LessonProblem, ParsedLesson } from './types';

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

/**
 * The path (with query) of `raw` when it is on `origin`, or null for another site (or a scheme
 * other than http/https). Relative paths are resolved against the origin's root.
 */
export function sameOriginPath(raw: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(raw, `${origin}/`);
  } catch {
    return null;
  }
  if (url.origin !== origin || !['http:', 'https:'].includes(url.protocol)) return null;
  return url.pathname + url.search;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads the lesson parameters of a query string; refused values are listed in `problems`. */
export function parseLesson(search: string, origin: string): ParsedLesson {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const params: LessonParams = { hide: [] };
  const problems: LessonProblem[] = [];
  const bad = (param: LessonProblem['param'], value: string) =>
    problems.push({ param, code: 'bad-value', value });

  const lang = q.get('lang');
  if (lang !== null) {
    if (lang === 'ko' || lang === 'en') params.lang = lang;
    else bad('lang', lang);
  }
  const kids = q.get('kids');
  if (kids !== null) {
    if (TRUE.includes(kids.toLowerCase()) || kids === '') params.kids = true;
    else if (FALSE.includes(kids.toLowerCase())) params.kids = false;
    else bad('kids', kids);
  }
  const classes = q.get('classes');
  if (classes !== null) {
    const names = list(classes);
    if (
      names.length >= 1 &&
      names.length <= MAX_LESSON_CLASSES &&
      names.every((n) => n.length <= MAX_CLASS_NAME)
    )
      params.classes = names;
    else bad('classes', classes);
  }
  const hide = q.get('hide');
  if (hide !== null) {
    const names = list(hide);
    params.hide = names.filter((n) => /^[a-z][a-z0-9-]{0,30}$/i.test(n));
    if (params.hide.length !== names.length) bad('hide', hide);
  }
  const engine = q.get('engine') ?? q.get('backend');
  if (engine !== null) {
    if ((LESSON_ENGINES as readonly string[]).includes(engine)) params.engine = engine as LessonEngine;
    else bad('engine', engine);
  }
  for (const key of ['project', 'model'] as const) {
    const raw = q.get(key);
    if (raw === null) continue;
    const path = sameOriginPath(raw, origin);
    if (path === null) problems.push({ param: key, code: 'foreign-url', value: raw });
    else params.project = path;
  }
  const notes = q.get('notes');
  if (notes !== null && notes.trim()) params.notes = notes.trim().slice(0, MAX_LINK_NOTES);
  return { params, problems };
}

/**
 * A lesson link for `pageUrl` (an absolute URL of a studio) with `params`; parameters the page
 * already has (the Playground's own state) are kept unless `params` sets them.
 */
export function lessonLink(pageUrl: string, params: Partial<LessonParams>): string {
  const url = new URL(pageUrl);
  const q = url.searchParams;
  for (const key of ['lang', 'kids', 'classes', 'engine', 'backend', 'project', 'model', 'notes'])
    if (key in params) q.delete(key);
  if (params.lang) q.set('lang', params.lang);
  if (params.kids) q.set('kids', '1');
  if (params.classes?.length) q.set('classes', params.classes.join(','));
  if (params.hide) {
    if (params.hide.length) q.set('hide', params.hide.join(','));
    else q.delete('hide');
  }
  if (params.engine && params.engine !== 'auto') q.set('backend', params.engine);
  if (params.project) q.set('project', params.project);
  if (params.notes) q.set('notes', params.notes);
  return url.toString();
}
