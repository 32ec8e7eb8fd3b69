'use client';
// The teachable pose classifier: the teachable kit (components/teachable, lib/transfer) fed with
// normalised keypoints instead of pixels. Classes → record with a countdown → train → preview →
// save / export / import.
import { useCallback, useMemo, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import {
  ExportPageButton,
  ClassList,
  HeadSettings,
  ProjectFilesPanel,
  TrainPanel,
  useQuickModel,
  useTeachableStudio,
  StudioNotices,
  useStudioNotice,
} from '@/components/teachable';
import { Alert, Card, ProgressBar, Slider } from '@/components/ui';
import {
  POSE_EXTRACTOR_NAME,
  POSE_FEATURE_SIZE,
  createPoseFeatureExtractor,
  mirrorFeature,
  type Pose,
  type PoseModelName,
} from '@/lib/pose';
import { DEFAULT_HEAD_CONFIG, type HeadConfig } from '@/lib/transfer';

import { PoseClassControls } from './pose-class-controls';
import { PosePreview, useImportedPoseModel, type PoseModelSource } from './pose-preview';
import type { SubscribeFrames } from './types';
import { usePosePhotos } from './use-pose-photos';
import { usePoseExport } from './use-pose-export';
import { usePoseRecording } from './use-pose-recording';

/** Props for {@link PoseTeach}. */
export interface PoseTeachProps {
  subscribe: SubscribeFrames;
  keypointModel: PoseModelName;
  onKeypointModel: (m: PoseModelName) => void;
  /** Display threshold of the camera view (thumbnails use it too). */
  minScore: number;
  hasLiveSource: boolean;
  detectorReady: boolean;
  setOverlay: (node: React.ReactNode) => void;
  /** Finds poses in a still picture with the current model (for uploaded photos). */
  detectStill: (picture: ImageBitmap) => Promise<Pose[]>;
}

/** Classes → record with a countdown → train → preview → save / export / import, for poses. */
export default function PoseTeach({
  subscribe,
  keypointModel,
  onKeypointModel,
  minScore,
  hasLiveSource,
  detectorReady,
  setOverlay,
  detectStill,
}: PoseTeachProps) {
  const t = useT();
  const extractor = useMemo(() => createPoseFeatureExtractor(), []);
  const studio = useTeachableStudio<Pose, HeadConfig>(
    {
      extractor,
      // Mirrored copies are training-only: the held-out check stays on real recordings.
      extraTrain: async (p) =>
        p.augment.enabled && p.augment.flip
          ? p.classes.map((c) => c.samples.map((s) => mirrorFeature(s.feature)))
          : undefined,
    },
    {
      storageKey: 'pose-project',
      name: POSE_EXTRACTOR_NAME,
      featureSize: POSE_FEATURE_SIZE,
      settings: DEFAULT_HEAD_CONFIG,
      className: (n) => t('teach.defaultClass', { n }),
    },
  );
  const { project, run } = studio;
  const quick = useQuickModel(extractor, project);
  const [notice, setNotice] = useStudioNotice(studio.restoreError, (message) =>
    t('pose.headLoadError', { message }),
  );
  const [source, setSource] = useState<PoseModelSource>('mine');
  const { imported, importFiles } = useImportedPoseModel(
    onKeypointModel,
    setNotice,
    useCallback(() => setSource('imported'), []),
  );
  const rec = usePoseRecording({ subscribe, extractor, minScore, addSamples: studio.addSamples, setOverlay });
  const photos = usePosePhotos({ extractor, minScore, detectStill, addSamples: studio.addSamples });

  const busy = run.busy || photos.upload !== null;
  const recording = rec.recording !== null;

  const train = async () => {
    setNotice(null);
    if (await studio.train()) setSource('mine');
  };

  const { exportModel, exportPage, canExportPage } = usePoseExport(keypointModel, extractor.normalization);

  if (!project) return <ProgressBar value={null} label={t('pose.loadingProject')} />;
  const mirrorAugment = project.augment.enabled && project.augment.flip;
  const canRecord = hasLiveSource && detectorReady && !busy && !recording;

  return (
    <section className="space-y-4" aria-labelledby="teach-title">
      <div className="space-y-1">
        <h2 id="teach-title" className="text-2xl font-bold">
          {t('pose.teachTitle')}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t('pose.teachIntro')}</p>
      </div>
      <StudioNotices
        notice={notice}
        onDismiss={() => setNotice(null)}
        fileErrors={photos.fileErrors}
        onClearFileErrors={photos.clearFileErrors}
        noticeTestId="pose-notice"
        fileErrorsTestId="pose-file-errors"
      />
      {!hasLiveSource && <Alert kind="info">{t('pose.needPoseSource')}</Alert>}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-4">
          <Card className="grid gap-4 sm:grid-cols-2">
            <Slider
              label={t('pose.countdownDelay')}
              value={rec.delay}
              min={0}
              max={10}
              disabled={recording}
              format={(v) => t('pose.seconds', { n: v })}
              onChange={(v) => rec.setDelay(Math.round(v))}
            />
            <Slider
              label={t('pose.recordDuration')}
              value={rec.duration}
              min={1}
              max={20}
              disabled={recording}
              format={(v) => t('pose.seconds', { n: v })}
              onChange={(v) => rec.setDuration(Math.round(v))}
            />
          </Card>
          <ClassList
            api={studio}
            busy={busy || recording}
            controls={(cls, i) => (
              <PoseClassControls
                classId={cls.id}
                index={i}
                recording={rec.recording}
                canRecord={canRecord}
                canUpload={detectorReady && !busy && !recording}
                duration={rec.duration}
                onRecord={() => rec.start(cls.id)}
                onStop={rec.stop}
                onFiles={(files) => void photos.addPhotos(cls.id, files)}
                upload={photos.upload?.classId === cls.id ? photos.upload : null}
              />
            )}
          />
          <TrainPanel
            run={run}
            examples={studio.project?.classes.map((c) => c.samples.length)}
            blocker={studio.blocker}
            disabled={busy || recording || studio.blocker !== null}
            onTrain={() => void train()}
            settings={
              <HeadSettings settings={project.settings} onSettings={studio.setSettings} disabled={run.busy} />
            }
          />
          <Card>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={mirrorAugment}
                disabled={busy}
                onChange={(e) => studio.setAugment({ enabled: e.target.checked, flip: e.target.checked })}
                data-testid="mirror-augment"
              />
              <span>
                <span className="block font-medium">{t('pose.mirrorAugment')}</span>
                <span className="block text-xs text-slate-500">{t('pose.mirrorAugmentHint')}</span>
              </span>
            </label>
          </Card>
        </div>

        <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <PosePreview
            subscribe={subscribe}
            predict={studio.predict}
            hasMine={studio.model !== null && project.head !== null}
            labels={studio.modelLabels}
            quick={quick}
            quickLabels={studio.labels}
            imported={imported}
            source={source}
            onSource={setSource}
            paused={busy}
          />
          <ProjectFilesPanel
            studio={studio}
            ns="pose"
            fileStem="pose"
            busy={busy || recording}
            exportModel={exportModel}
            onNotice={setNotice}
            saveStateTestId="pose-save-state"
            level={3}
          >
            {canExportPage && (
              <ExportPageButton
                disabled={busy || recording || !project.head || !studio.model}
                onExport={async () => {
                  if (studio.model) await exportPage(studio.model, studio.modelLabels);
                }}
                onNotice={setNotice}
              />
            )}
            <FileDrop
              accept=".json,.bin,.zip"
              label={t('pose.importModel')}
              hint={t('pose.importModelHint')}
              onFiles={(f) => void importFiles(f)}
              inputTestId="import-model"
            />
          </ProjectFilesPanel>
        </div>
      </div>
    </section>
  );
}
