'use client';
// One class of any teachable studio: its name (editable, or fixed for a Background class), the
// number of examples, a hint, the studio's capture controls, each example's preview and the
// clear / delete buttons.
import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui';
import type { ProjectClass } from '@/lib/transfer/project';

import { SamplePreview } from './sample-preview';

/** At most this many examples are in the page at once, so 1,000+ samples stay light. */
export const MAX_THUMBS_SHOWN = 120;

/** Props for {@link ClassCard}. */
export interface ClassCardProps {
  cls: ProjectClass;
  index: number;
  color: string;
  canDelete: boolean;
  /** Disables editing while training or collecting. */
  busy?: boolean;
  onRename: (name: string) => void;
  onDelete: () => void;
  onClear: () => void;
  onDeleteSample: (sampleId: string) => void;
  /** A line under the name (why this class exists, how many examples it still needs). */
  hint?: React.ReactNode;
  /** data-testid of the card. Defaults to `class-card-<index>`. */
  testId?: string;
  /** Capture controls for this class (webcam buttons, upload, microphone ...). */
  children?: React.ReactNode;
}

/** A class card; the capture controls come from the studio, the previews from each example's payload. */
export function ClassCard({
  cls,
  index,
  color,
  canDelete,
  busy,
  onRename,
  onDelete,
  onClear,
  onDeleteSample,
  hint,
  testId,
  children,
}: ClassCardProps) {
  const t = useT();
  const count = cls.samples.length;
  const first = Math.max(0, count - MAX_THUMBS_SHOWN);
  // Newest first; numbers stay those of the example's place in the class.
  const shown = cls.samples
    .slice(first)
    .map((s, i) => ({ s, n: first + i + 1 }))
    .reverse();
  return (
    <section
      className="min-w-0 space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={cls.name}
      data-testid={testId ?? `class-card-${index}`}
      data-class-name={cls.name}
      data-count={count}
      style={{ borderLeft: `6px solid ${color}` }}
    >
      <div className="flex flex-wrap items-center gap-2">
        {cls.background ? (
          <h3 className="min-w-0 flex-1 px-2 py-1 text-lg font-semibold">{cls.name}</h3>
        ) : (
          <>
            <label className="sr-only" htmlFor={`class-name-${cls.id}`}>
              {t('teach.className')}
            </label>
            <input
              id={`class-name-${cls.id}`}
              value={cls.name}
              maxLength={40}
              disabled={busy}
              onChange={(e) => onRename(e.target.value)}
              className="min-w-0 flex-1 rounded-lg border border-transparent px-2 py-1 text-lg font-semibold hover:border-slate-300 focus:border-indigo-500"
              data-testid={`class-name-${index}`}
            />
          </>
        )}
        <span
          className="rounded-full bg-slate-100 px-3 py-1 text-sm tabular-nums"
          data-testid={`class-count-${index}`}
        >
          {t('teach.samples', { count })}
        </span>
      </div>
      {hint && <div className="text-sm text-slate-600">{hint}</div>}
      {children}
      {count > 0 ? (
        <ul
          className="flex max-h-40 flex-wrap gap-1 overflow-y-auto"
          aria-label={t('teach.thumbnails', { name: cls.name })}
        >
          {shown.map(({ s, n }) => (
            <SamplePreview
              key={s.id}
              sample={s}
              n={n}
              className={cls.name}
              disabled={busy}
              onDelete={() => onDeleteSample(s.id)}
            />
          ))}
          {first > 0 && (
            <li className="self-center px-2 text-xs text-slate-500">
              {t('teach.moreSamples', { count: first })}
            </li>
          )}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t('teach.noSamples')}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="ghost" disabled={busy || count === 0} onClick={onClear}>
          {t('teach.clearClass')}
        </Button>
        {!cls.background && (
          <Button size="sm" variant="ghost" disabled={busy || !canDelete} onClick={onDelete}>
            {t('teach.deleteClass')}
          </Button>
        )}
      </div>
    </section>
  );
}
