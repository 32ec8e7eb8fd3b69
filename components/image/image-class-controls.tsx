'use client';
// The capture controls inside one Image class card: hold to record, take one photo, upload pictures.
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { roundRate } from '@/components/teachable/rate-meter';
import { Button, ProgressBar } from '@/components/ui';

import type { UploadProgress } from './use-image-capture';

/** Props for {@link ImageClassControls}. */
export interface ImageClassControlsProps {
  classId: string;
  index: number;
  /** The webcam and the model are ready and nothing else is running. */
  canCapture: boolean;
  /** Uploading is possible (the model is ready and nothing else is running). */
  canUpload: boolean;
  recording: string | null;
  /** Examples a second measured while recording, or null. */
  recordRate?: number | null;
  setRecording: (classId: string | null) => void;
  onSnap: () => void;
  onFiles: (files: File[]) => void;
  /** This class's upload, if one is running. */
  upload: UploadProgress | null;
  onCancelUpload: () => void;
}

/** Record (press and hold: pointer, Space or Enter), snap, upload, and the upload's progress. */
export function ImageClassControls({
  classId,
  index,
  canCapture,
  canUpload,
  recording,
  recordRate,
  setRecording,
  onSnap,
  onFiles,
  upload,
  onCancelUpload,
}: ImageClassControlsProps) {
  const t = useT();
  const mine = recording === classId;
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          disabled={!canCapture && !mine}
          data-testid={`record-${index}`}
          aria-pressed={mine}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            if (canCapture) setRecording(classId);
          }}
          onPointerUp={() => setRecording(null)}
          onPointerCancel={() => setRecording(null)}
          onKeyDown={(e) => {
            if ((e.key === ' ' || e.key === 'Enter') && !e.repeat && canCapture) {
              e.preventDefault();
              setRecording(classId);
            }
          }}
          onKeyUp={(e) => {
            if (e.key === ' ' || e.key === 'Enter') setRecording(null);
          }}
          onBlur={() => mine && setRecording(null)}
        >
          {mine ? t('image.recording') : t('image.holdToRecord')}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={!canCapture}
          onClick={onSnap}
          data-testid={`snap-${index}`}
        >
          {t('image.snap')}
        </Button>
        {mine && recordRate != null && recordRate > 0 && (
          <span
            className="self-center text-sm text-slate-700 tabular-nums"
            data-testid={`record-rate-${index}`}
          >
            {t('image.recordRate', { rate: roundRate(recordRate) })}
          </span>
        )}
      </div>
      <FileDrop
        accept="image/jpeg,image/png,image/webp,image/gif,image/*"
        label={t('image.upload')}
        hint={t('image.uploadHint')}
        disabled={!canUpload}
        onFiles={onFiles}
        inputTestId={`upload-${index}`}
      />
      {upload && (
        <div className="space-y-1">
          <ProgressBar
            value={upload.done / upload.total}
            label={t('image.uploading')}
            detail={`${upload.done} / ${upload.total}`}
          />
          <Button size="sm" variant="ghost" onClick={onCancelUpload}>
            {t('ui.cancel')}
          </Button>
        </div>
      )}
    </>
  );
}
