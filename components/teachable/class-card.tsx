'use client';
// One class: its name (editable), sample count, scrollable thumbnails, and slots for capture controls.
import { memo, useEffect, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui';
import type { ProjectClass, ProjectSample } from '@/lib/transfer/project';

/** At most this many thumbnails are in the page at once, so 1,000+ samples stay light. */
export const MAX_THUMBS_SHOWN = 120;

/** A thumbnail from stored bytes; its object URL is revoked when it leaves the page. */
const Thumb = memo(function Thumb({
  sample,
  label,
  onDelete,
  disabled,
}: {
  sample: ProjectSample;
  label: string;
  onDelete: () => void;
  disabled?: boolean;
}) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!sample.thumb.length) return;
    const u = URL.createObjectURL(new Blob([new Uint8Array(sample.thumb)], { type: sample.thumbType }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [sample.thumb, sample.thumbType]);
  return (
    <li className="group relative h-14 w-14 shrink-0 overflow-hidden rounded-md bg-slate-200">
      {url && (
        // eslint-disable-next-line @next/next/no-img-element -- a local blob: URL, nothing to optimise
        <img src={url} alt="" className="h-full w-full object-cover" />
      )}
      <button
        type="button"
        disabled={disabled}
        onClick={onDelete}
        aria-label={label}
        className="absolute top-0 right-0 flex h-5 w-5 items-center justify-center rounded-bl-md bg-black/60 text-xs text-white opacity-0 group-hover:opacity-100 focus:opacity-100"
      >
        ×
      </button>
    </li>
  );
});

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
  /** Capture controls for this class (webcam buttons, upload, microphone ...). */
  children?: React.ReactNode;
}

/** A class card; the capture controls come from the studio. */
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
  children,
}: ClassCardProps) {
  const t = useT();
  const shown = cls.samples.slice(-MAX_THUMBS_SHOWN).reverse();
  const hidden = cls.samples.length - shown.length;
  return (
    <section
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={cls.name}
      data-testid={`class-card-${index}`}
      style={{ borderLeft: `6px solid ${color}` }}
    >
      <div className="flex flex-wrap items-center gap-2">
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
        <span
          className="rounded-full bg-slate-100 px-3 py-1 text-sm tabular-nums"
          data-testid={`class-count-${index}`}
        >
          {t('teach.samples', { count: cls.samples.length })}
        </span>
      </div>
      {children}
      {cls.samples.length > 0 ? (
        <ul
          className="flex max-h-32 flex-wrap gap-1 overflow-y-auto"
          aria-label={t('teach.thumbnails', { name: cls.name })}
        >
          {shown.map((s) => (
            <Thumb
              key={s.id}
              sample={s}
              label={t('teach.deleteSample')}
              disabled={busy}
              onDelete={() => onDeleteSample(s.id)}
            />
          ))}
          {hidden > 0 && (
            <li className="self-center px-2 text-xs text-slate-500">
              {t('teach.moreSamples', { count: hidden })}
            </li>
          )}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t('teach.noSamples')}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="ghost" disabled={busy || cls.samples.length === 0} onClick={onClear}>
          {t('teach.clearClass')}
        </Button>
        <Button size="sm" variant="ghost" disabled={busy || !canDelete} onClick={onDelete}>
          {t('teach.deleteClass')}
        </Button>
      </div>
    </section>
  );
}
