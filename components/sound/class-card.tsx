'use client';
// One sound class: its name, its examples (each playable and deletable), and record / upload controls.
import { memo } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { playSamples } from '@/components/media/audio-file';
import { FileDrop } from '@/components/media/file-drop';
import { Button, ProgressBar } from '@/components/ui';

import { ExampleSpectrogram } from './spectrogram-view';
import type { SoundClass, SoundExample } from './use-sound-project';

/** Files the upload picker offers; the browser decides what it can really decode. */
export const AUDIO_ACCEPT = 'audio/*,.wav,.mp3,.ogg,.oga,.webm,.m4a,.aac,.flac,.opus';

/** Props for {@link SoundClassCard}. */
export interface SoundClassCardProps {
  cls: SoundClass;
  color: string;
  minExamples: number;
  recordSeconds: number;
  /** Seconds left while this class records, else null. */
  recordingLeft: number | null;
  /** Upload progress of this class, else null. */
  upload: { name: string; i: number; n: number } | null;
  busy: boolean;
  canDelete: boolean;
  onRename: (name: string) => void;
  onDelete: () => void;
  onClear: () => void;
  onRecord: () => void;
  onFiles: (files: File[]) => void;
  onDeleteExample: (id: string) => void;
}

const Example = memo(function Example({
  ex,
  n,
  cls,
  onDelete,
  disabled,
}: {
  ex: SoundExample;
  n: number;
  cls: string;
  onDelete: () => void;
  disabled: boolean;
}) {
  const t = useT();
  return (
    <li
      className="flex items-center gap-1 rounded-lg border border-slate-200 bg-slate-50 p-1"
      data-testid="sound-example"
      title={ex.file ? t('sound.example.fromFile', { name: ex.file }) : undefined}
    >
      <ExampleSpectrogram samples={ex.samples} label={t('sound.example.play', { n, cls })} />
      <button
        type="button"
        onClick={() => void playSamples(ex.samples)}
        aria-label={t('sound.example.play', { n, cls })}
        className="rounded px-1.5 text-lg leading-none text-indigo-700 hover:bg-indigo-100"
      >
        ▶
      </button>
      <button
        type="button"
        onClick={onDelete}
        disabled={disabled}
        aria-label={t('sound.example.delete', { n, cls })}
        className="rounded px-1.5 text-lg leading-none text-rose-700 hover:bg-rose-100 disabled:text-slate-300"
      >
        ×
      </button>
    </li>
  );
});

/** A card per class, Background noise first and explained. */
export function SoundClassCard(props: SoundClassCardProps) {
  const { cls, color, minExamples, recordSeconds, recordingLeft, upload, busy, canDelete } = props;
  const t = useT();
  const count = cls.examples.length;
  return (
    <section
      aria-label={cls.name}
      data-testid="sound-class"
      data-class-name={cls.name}
      data-count={count}
      className="min-w-0 space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      style={{ borderTop: `6px solid ${color}` }}
    >
      <div className="flex flex-wrap items-center gap-2">
        {cls.background ? (
          <h3 className="text-lg font-semibold">{cls.name}</h3>
        ) : (
          <input
            aria-label={t('sound.classes.name')}
            value={cls.name}
            onChange={(e) => props.onRename(e.target.value)}
            maxLength={40}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 px-2 py-1 text-lg font-semibold"
          />
        )}
        <span className="text-sm text-slate-600" data-testid="example-count">
          {t('sound.classes.count', { n: count })}
        </span>
        {count < minExamples && (
          <span className="text-xs text-amber-700">{t('sound.classes.needMore', { n: minExamples })}</span>
        )}
        <div className="ml-auto flex gap-1">
          {count > 0 && (
            <Button variant="ghost" size="sm" onClick={props.onClear} disabled={busy}>
              {t('sound.classes.clear')}
            </Button>
          )}
          {canDelete && (
            <Button variant="ghost" size="sm" onClick={props.onDelete} disabled={busy}>
              {t('sound.classes.delete')}
            </Button>
          )}
        </div>
      </div>
      {cls.background && <p className="text-sm text-slate-600">{t('sound.classes.backgroundHint')}</p>}
      <div className="flex flex-wrap items-start gap-3">
        <div className="space-y-1">
          <Button
            onClick={props.onRecord}
            disabled={busy}
            variant={recordingLeft !== null ? 'danger' : 'primary'}
          >
            {recordingLeft !== null
              ? t('sound.record.recording', { s: Math.max(0, recordingLeft).toFixed(1) })
              : t('sound.record.button', { s: recordSeconds })}
          </Button>
          <p className="text-xs text-slate-500">{t('sound.record.hint')}</p>
        </div>
        <div className="min-w-0 flex-1 basis-56">
          <FileDrop
            accept={AUDIO_ACCEPT}
            label={t('sound.upload.label')}
            hint={t('sound.upload.hint')}
            disabled={busy}
            onFiles={props.onFiles}
            inputTestId={`upload-${cls.background ? 'background' : cls.id}`}
          />
        </div>
      </div>
      {upload && (
        <ProgressBar
          value={upload.i / upload.n}
          label={t('sound.upload.progress', { name: upload.name, i: upload.i + 1, n: upload.n })}
        />
      )}
      {count > 0 && (
        <ul
          className="flex max-h-48 flex-wrap gap-2 overflow-y-auto"
          aria-label={t('sound.example.count', { cls: cls.name })}
        >
          {cls.examples.map((ex, i) => (
            <Example
              key={ex.id}
              ex={ex}
              n={i + 1}
              cls={cls.name}
              disabled={busy}
              onDelete={() => props.onDeleteExample(ex.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
