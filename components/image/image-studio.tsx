'use client';
// The Image studio: collect webcam / uploaded pictures per class, train a head on frozen centernet
// features (the teachable kit: components/teachable + lib/transfer), preview live, save, export
// and import (ours and Teachable Machine's).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { Webcam, type WebcamHandle } from '@/components/media/webcam';
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
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, Card, ProgressBar } from '@/components/ui';
import {
  DEFAULT_HEAD_CONFIG,
  DEFAULT_IMAGE_FEATURE_MODE,
  IMAGE_EXTRACTOR_NAME,
  IMAGE_FEATURE_SIZES,
  augmentedImageFeatures,
  createImageFeatureExtractor,
  imageFrameExtractor,
  type HeadConfig,
  type ImageFeatureExtractor,
  type ImageFrame,
  type SamplePayload,
} from '@/lib/transfer';

import { ImageClassControls } from './image-class-controls';
import { ImagePreview, type ImageModelSource } from './image-preview';
import { useImageCapture } from './use-image-capture';
import { useImageExport } from './use-image-export';
import { useTeachableMachine } from './use-teachable-machine';

/** Loads the centernet backbone once the tfjs backend is ready; frees it on unmount. */
function useImageExtractor() {
  const { whenReady } = useBackend();
  const [extractor, setExtractor] = useState<ImageFeatureExtractor | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Download progress 0–1; 1 while the first (warm-up) prediction runs. */
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    let cancelled = false;
    let ex: ImageFeatureExtractor | null = null;
    (async () => {
      try {
        await whenReady();
        ex = await createImageFeatureExtractor({
          mode: DEFAULT_IMAGE_FEATURE_MODE,
          onProgress: (f) => !cancelled && setProgress(f),
        });
        if (cancelled) return ex.dispose();
        setExtractor(ex);
      } catch (e) {
        if (!cancelled) setError(errorTextNow(e));
      }
    })();
    return () => {
      cancelled = true;
      ex?.dispose();
    };
  }, [whenReady]);
  return { extractor, error, progress };
}

/** Names of the image features before feature version 2 (their projects are re-extracted). */
const OLDER_IMAGE_EXTRACTORS = ['centernet-mobilenetv3-gap120', 'centernet-mobilenetv3-gap120+480'];

/** The feature of a stored picture (its thumbnail), or null when no picture was kept. */
function pictureFeature(extractor: ImageFeatureExtractor) {
  return async (payload: SamplePayload): Promise<Float32Array | null> => {
    if (payload.kind !== 'picture' || !payload.bytes.length) return null;
    const bmp = await createImageBitmap(new Blob([new Uint8Array(payload.bytes)], { type: payload.type }));
    try {
      return await extractor.extract(bmp);
    } finally {
      bmp.close();
    }
  };
}

/** The whole Image studio (client only). */
export default function ImageStudio() {
  const t = useT();
  const { extractor, error: modelError, progress: modelProgress } = useImageExtractor();
  const frames = useMemo(() => (extractor ? imageFrameExtractor(extractor) : null), [extractor]);
  const refeature = useMemo(() => (extractor ? pictureFeature(extractor) : null), [extractor]);
  const studio = useTeachableStudio<ImageFrame, HeadConfig>(
    {
      extractor: frames,
      // Altered copies of every example, made from the stored thumbnails, for training only.
      extraTrain: (p, signal, onProgress) =>
        p.augment.enabled && extractor
          ? augmentedImageFeatures(extractor, p, p.augment, p.settings.seed, signal, onProgress)
          : Promise.resolve(undefined),
    },
    {
      storageKey: 'image-project',
      name: IMAGE_EXTRACTOR_NAME,
      featureSize: IMAGE_FEATURE_SIZES[DEFAULT_IMAGE_FEATURE_MODE],
      settings: DEFAULT_HEAD_CONFIG,
      className: (n) => t('teach.defaultClass', { n }),
      // Projects saved with the first picture features keep their pictures; features are recomputed.
      olderExtractors: OLDER_IMAGE_EXTRACTORS,
      refeature,
    },
  );
  const { project, run } = studio;
  const quick = useQuickModel(frames, project);

  const webcam = useRef<WebcamHandle>(null);
  const [camReady, setCamReady] = useState(false);
  const [mirror, setMirror] = useState(true);
  const capture = useImageCapture({ extractor, webcam, mirror, addSamples: studio.addSamples });
  const [notice, setNotice] = useStudioNotice(studio.restoreError, (message) =>
    t('image.headLoadError', { message }),
  );
  const [source, setSource] = useState<ImageModelSource>('mine');
  const { exportModel, exportPage } = useImageExport(extractor);
  // Say so once an older project's examples have been updated to the new picture features.
  const wasRefeaturing = useRef(false);
  useEffect(() => {
    if (studio.refeaturing) wasRefeaturing.current = true;
    else if (wasRefeaturing.current && project?.extractor === IMAGE_EXTRACTOR_NAME) {
      wasRefeaturing.current = false;
      setNotice({ kind: 'success', text: t('teachx.reextracted') });
    }
  }, [studio.refeaturing, project?.extractor, setNotice, t]);
  const { tm, importFiles: importTm } = useTeachableMachine(
    setNotice,
    useCallback(() => setSource('tm'), []),
  );

  const ready = extractor !== null;
  const busy = run.busy || capture.upload !== null || studio.refeaturing !== null;

  // After training, Train and Preview (side by side, or one under the other on a phone) come into view.
  const trainRow = useRef<HTMLDivElement>(null);
  const train = async () => {
    setNotice(null);
    if (await studio.train()) {
      setSource('mine');
      trainRow.current?.lastElementChild?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  };

  if (!project) return <ProgressBar value={null} label={t('image.loadingProject')} />;
  const canCapture = ready && camReady && !busy;

  return (
    <div className="space-y-6">
      {!ready && !modelError && (
        <ProgressBar
          value={modelProgress < 1 ? modelProgress : null}
          label={modelProgress < 1 ? t('image.loadingModel') : t('kids.modelWarmUp')}
        />
      )}
      {modelError && <Alert kind="error">{t('image.modelError', { message: modelError })}</Alert>}
      {studio.refeaturing && (
        <div data-testid="reextracting">
          <ProgressBar
            value={studio.refeaturing.total ? studio.refeaturing.done / studio.refeaturing.total : null}
            label={t('teachx.reextracting', studio.refeaturing)}
          />
        </div>
      )}
      <StudioNotices
        notice={notice}
        onDismiss={() => setNotice(null)}
        fileErrors={capture.fileErrors}
        onClearFileErrors={capture.clearFileErrors}
        noticeTestId="image-notice"
        fileErrorsTestId="file-errors"
      />

      {/* Teachable Machine's flow: collect (camera + classes), then Train with the Preview beside it,
          so the answer is on screen the moment training ends. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="lg:sticky lg:top-4 lg:self-start">
          <Card title={t('image.webcam')} className="space-y-3">
            <Webcam
              ref={webcam}
              mirror={mirror}
              fallback={t('image.cameraFallback')}
              onStatus={(s) => setCamReady(s === 'ready')}
            />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={mirror} onChange={(e) => setMirror(e.target.checked)} />
              {t('image.mirror')}
            </label>
          </Card>
        </div>
        <ClassList
          api={studio}
          busy={busy}
          controls={(cls, i) => (
            <ImageClassControls
              classId={cls.id}
              index={i}
              canCapture={canCapture}
              canUpload={ready && !busy}
              recording={capture.recording}
              recordRate={capture.recordRate}
              setRecording={capture.setRecording}
              onSnap={() => void capture.captureFrame(cls.id)}
              onFiles={(files) => void capture.addFiles(cls.id, files)}
              upload={capture.upload?.classId === cls.id ? capture.upload : null}
              onCancelUpload={capture.cancelUpload}
            />
          )}
        />
      </div>

      <div className="grid gap-6 lg:grid-cols-2" ref={trainRow}>
        <TrainPanel
          examples={studio.project?.classes.map((c) => c.samples.length)}
          run={run}
          blocker={studio.blocker}
          disabled={!ready || busy || studio.blocker !== null}
          onTrain={() => void train()}
          settings={
            <HeadSettings
              settings={project.settings}
              onSettings={studio.setSettings}
              augment={project.augment}
              onAugment={studio.setAugment}
              disabled={run.busy}
            />
          }
        />
        <ImagePreview
          webcam={webcam}
          camReady={camReady && ready}
          mirror={mirror}
          predict={studio.predict}
          hasMine={studio.model !== null && project.head !== null}
          mine={studio.model}
          labels={studio.modelLabels}
          quick={quick}
          quickLabels={studio.labels}
          tm={tm}
          source={source}
          onSource={setSource}
          paused={run.state.phase === 'training'}
          onProblem={(text) => setNotice({ kind: 'error', text })}
        />
      </div>

      <ProjectFilesPanel
        studio={studio}
        ns="image"
        fileStem="image"
        busy={busy}
        exportModel={exportModel}
        onNotice={setNotice}
      >
        <ExportPageButton
          disabled={busy || !project.head || !studio.model}
          onExport={async () => {
            if (studio.model) await exportPage(studio.model, studio.modelLabels);
          }}
          onNotice={setNotice}
        />
        <FileDrop
          accept=".json,.bin,.zip"
          label={t('image.importTm')}
          hint={t('image.importTmHint')}
          onFiles={(f) => void importTm(f)}
          inputTestId="import-tm"
        />
      </ProjectFilesPanel>
    </div>
  );
}
