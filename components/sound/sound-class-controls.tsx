'use client';
// The capture controls inside one Sound class card: record N seconds, upload sound files.
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { Button, FileProgress } from '@/components/ui';

/** Files the upload picker offers; the browser decides what it can really decode. */
export const AUDIO_ACCEPT = 'audio/*,.wav,.mp3,.ogg,.oga,.webm,.m4a,.aac,.flac,.opus';

/** Props for {@link SoundClassControls}. */
export interface SoundClassControlsProps {
  /** Used in the upload input's test id ("background" for the Background class). */
  inputId: string;
  recordSeconds: number;
  /** Seconds left while this class records, else null. */
  recordingLeft: number | null;
  /** Upload progress of this class, else null. */
  upload: { name: string; i: number; n: number; fraction: number } | null;
  /** Stops the upload in progress. */
  onCancelUpload: () => void;
  busy: boolean;
  onRecord: () => void;
  onFiles: (files: File[]) => void;
}

/** Record and upload, with their progress. */
export function SoundClassControls(p: SoundClassControlsProps) {
  const t = useT();
  return (
    <>
      <div className="flex flex-wrap items-start gap-3">
        <div className="space-y-1">
          <Button
            onClick={p.onRecord}
            disabled={p.busy}
            variant={p.recordingLeft !== null ? 'danger' : 'primary'}
          >
            {p.recordingLeft !== null
              ? t('sound.record.recording', { s: Math.max(0, p.recordingLeft).toFixed(1) })
              : t('sound.record.button', { s: p.recordSeconds })}
          </Button>
          <p className="text-xs text-slate-500">{t('sound.record.hint')}</p>
        </div>
        <div className="min-w-0 flex-1 basis-56">
          <FileDrop
            accept={AUDIO_ACCEPT}
            label={t('sound.upload.label')}
            hint={t('sound.upload.hint')}
            disabled={p.busy}
            onFiles={p.onFiles}
            inputTestId={`upload-${p.inputId}`}
          />
        </div>
      </div>
      {p.upload && (
        <FileProgress
          reading={{ name: p.upload.name, fraction: (p.upload.i + p.upload.fraction) / p.upload.n }}
          label={t('sound.upload.progress', { name: p.upload.name, i: p.upload.i + 1, n: p.upload.n })}
          onCancel={p.onCancelUpload}
          testId={`upload-${p.inputId}-progress`}
        />
      )}
    </>
  );
}
