// A studio notice written in the UI language, kept as a function so it follows a language switch.
import type { TFunction } from '@/components/i18n/i18n-provider';

import type { FilesNotice } from './project-files-panel';

/** A notice whose text is `render(t)` now and re-rendered in the new language after a switch. */
export function noticeOf(
  kind: FilesNotice['kind'],
  render: (t: TFunction) => string,
  t: TFunction,
): FilesNotice {
  return { kind, text: render(t), render };
}
