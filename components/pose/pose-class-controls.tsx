'use client';
// The capture controls inside one Pose class card: record with a countdown (or stop), and photos.
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { Button, ProgressBar } from '@/components/ui';

import type { PoseRecording } from './use-pose-recording';

/** Props for {@link PoseClassControls}. */
export interface PoseClassControlsProps {
  classId: string;
  index: number;
  recording: PoseRecording | null;
  canRecord: boolean;
  canUpload: boolean;
  duration: number;
  onRecord: () => void;
  onStop: () => void;
  onFiles: (files: File[]) => void;
  /** This class's photo upload, if one is running. */
  upload: { done: number; total: number } | null;
}

/** Record / stop with the live count, then the photo drop. */
export function PoseClassControls(p: PoseClassControlsProps) {
  const t = useT();
  const rec = p.recording?.classId === p.classId ? p.recording : null;
  return (
    <>
      {rec ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant="danger" onClick={p.onStop} data-testid={`stop-${p.index}`}>
            {t('pose.stopRecording')}
          </Button>
          <span className="text-sm tabular-nums" aria-live="polite">
            {rec.phase === 'countdown'
              ? `${t('pose.getReady')} ${rec.left}`
              : t('pose.recordedCount', { count: rec.count })}
          </span>
        </div>
      ) : (
        <Button size="sm" disabled={!p.canRecord} onClick={p.onRecord} data-testid={`record-${p.index}`}>
          {t('pose.record', { seconds: p.duration })}
        </Button>
      )}
      <FileDrop
        accept="image/*"
        label={t('pose.uploadPhotos')}
        hint={t('pose.uploadPhotosHint')}
        disabled={!p.canUpload}
        onFiles={p.onFiles}
        inputTestId={`upload-${p.index}`}
      />
      {p.upload && (
        <ProgressBar
          value={p.upload.done / p.upload.total}
          label={t('pose.uploading')}
          detail={`${p.upload.done} / ${p.upload.total}`}
        />
      )}
    </>
  );
}
