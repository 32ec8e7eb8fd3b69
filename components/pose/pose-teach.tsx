'use client';
// The teachable pose classifier: the shared class cards, training panel, preview and project
// storage (components/teachable, lib/transfer) fed with normalised keypoints instead of pixels.
import * as tf from '@tensorflow/tfjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { downloadFile, readNamedBytes } from '@/components/media/download';
import { FileDrop } from '@/components/media/file-drop';
import {
  CLASS_COLORS,
  ClassCard,
  ModelSourceToggle,
  PredictionPanel,
  TrainPanel,
  newId,
  useHeadTraining,
  useTransferProject,
} from '@/components/teachable';
import { Alert, Button, ProgressBar, Slider } from '@/components/ui';
import { captureArtifacts } from '@/lib/persist';
import {
  POSE_EXTRACTOR_NAME,
  POSE_FEATURE_SIZE,
  createPoseFeatureExtractor,
  makePoseModelMetadata,
  mirrorFeature,
  normalizePose,
  readPoseModelMetadata,
  type Pose,
  type PoseFeatureExtractor,
  type PoseModelName,
} from '@/lib/pose';
import {
  MAX_CLASSES,
  MIN_CLASSES,
  classify,
  disposeHead,
  exportProjectZip,
  exportTransferModelZip,
  importProjectZip,
  loadTransferModel,
  type ProjectSample,
} from '@/lib/transfer';

import { poseThumbnail } from './draw';
import type { PoseFrame, SubscribeFrames } from './types';

const STORAGE_KEY = 'pose-project';
/** At most one example per this many milliseconds while recording (about 10 a second). */
const SAMPLE_INTERVAL_MS = 100;
/** A frame counts only if the model is at least this sure there is a person. */
const MIN_POSE_SCORE = 0.25;

interface Recording {
  classId: string;
  phase: 'countdown' | 'recording';
  /** Whole seconds left in this phase, shown big over the picture. */
  left: number;
  count: number;
}

interface Imported {
  model: tf.LayersModel;
  labels: string[];
  keypointModel: PoseModelName;
  extractor: PoseFeatureExtractor;
}

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

function bestPose(poses: readonly Pose[]): Pose | null {
  return poses.length ? poses.reduce((a, b) => (b.score > a.score ? b : a)) : null;
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
  const api = useTransferProject({
    storageKey: STORAGE_KEY,
    extractor: POSE_EXTRACTOR_NAME,
    featureSize: POSE_FEATURE_SIZE,
    className: (n) => t('teach.defaultClass', { n }),
  });
  const { project } = api;
  const training = useHeadTraining();
  const extractor = useMemo(() => createPoseFeatureExtractor(), []);

  const head = useRef<tf.LayersModel | null>(null);
  const [headVersion, setHeadVersion] = useState(0);
  const [imported, setImported] = useState<Imported | null>(null);
  const [source, setSource] = useState<'mine' | 'imported'>('mine');
  const [notice, setNotice] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);

  const [delay, setDelay] = useState(3);
  const [duration, setDuration] = useState(5);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [probs, setProbs] = useState<number[] | null>(null);
  const [fps, setFps] = useState<number | null>(null);
  const [kidsMode, setKidsMode] = useState(false);
  const [speak, setSpeak] = useState(false);

  const [upload, setUpload] = useState<{ classId: string; done: number; total: number } | null>(null);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const busy =
    training.state.status === 'training' || training.state.status === 'preparing' || upload !== null;

  // Free models on unmount.
  useEffect(
    () => () => {
      disposeHead(head.current);
      head.current = null;
    },
    [],
  );
  useEffect(
    () => () => {
      imported?.model.dispose();
    },
    [imported],
  );

  // Rebuild the head from the saved project (after a reload or an import).
  const loadedHeadFor = useRef<number | null>(null);
  useEffect(() => {
    const saved = project?.head;
    if (!saved || loadedHeadFor.current === saved.trainedAt) return;
    loadedHeadFor.current = saved.trainedAt;
    void tf.loadLayersModel(tf.io.fromMemory(saved.artifacts)).then(
      (m) => {
        disposeHead(head.current);
        head.current = m;
        setHeadVersion((v) => v + 1);
      },
      (e: unknown) =>
        setNotice({
          kind: 'error',
          text: t('pose.headLoadError', { message: e instanceof Error ? e.message : String(e) }),
        }),
    );
  }, [project, t]);

  // Everything the frame listener reads, kept current without re-subscribing.
  const live = useRef({ recording, source, imported, minScore, busy, addSamples: api.addSamples });
  live.current = { recording, source, imported, minScore, busy, addSamples: api.addSamples };
  // Recorded examples wait here in small groups, so the project (and its autosave) changes a few
  // times a second rather than on every frame.
  const pending = useRef<{ classId: string; sample: ProjectSample }[]>([]);
  const lastSampleAt = useRef(0);

  const flushPending = useCallback(() => {
    const byClass = new Map<string, ProjectSample[]>();
    for (const { classId, sample } of pending.current)
      byClass.set(classId, [...(byClass.get(classId) ?? []), sample]);
    pending.current = [];
    byClass.forEach((samples, classId) => live.current.addSamples(classId, samples));
  }, []);

  // Per analysed frame: collect examples while recording; classify when a model is ready.
  useEffect(() => {
    let predicting = false;
    let last = 0;
    let avg = 0;
    return subscribe((frame: PoseFrame) => {
      const L = live.current;
      const pose = bestPose(frame.poses);
      const rec = L.recording;
      if (rec?.phase === 'recording' && pose && pose.score >= MIN_POSE_SCORE) {
        const now = performance.now();
        if (now - lastSampleAt.current >= SAMPLE_INTERVAL_MS) {
          lastSampleAt.current = now;
          const feature = normalizePose(pose, extractor.normalization);
          if (feature.some((v) => v !== 0)) {
            setRecording((r) => (r ? { ...r, count: r.count + 1 } : r));
            // poseThumbnail copies the frame synchronously, before the video moves on; only the
            // JPEG encoding is asynchronous.
            const classId = rec.classId;
            void poseThumbnail(frame.source, frame.width, frame.height, pose, L.minScore, frame.mirrored)
              .catch(() => new Uint8Array(0))
              .then((thumb) => {
                pending.current.push({
                  classId,
                  sample: { id: newId(), feature, thumb, thumbType: 'image/jpeg' },
                });
                if (pending.current.length >= 10 || !live.current.recording) flushPending();
              });
          }
        }
      }
      const model = L.source === 'imported' ? L.imported?.model : head.current;
      const ex = L.source === 'imported' ? L.imported?.extractor : extractor;
      if (!model || !ex || L.busy || predicting) return;
      if (!pose || pose.score < MIN_POSE_SCORE) {
        setProbs(null);
        return;
      }
      predicting = true;
      void classify(ex, model, pose)
        .then((p) => {
          setProbs(p);
          const now = performance.now();
          if (last)
            avg = avg ? avg * 0.9 + (1000 / Math.max(1, now - last)) * 0.1 : 1000 / Math.max(1, now - last);
          last = now;
          setFps(avg || null);
        })
        .catch(() => setProbs(null))
        .finally(() => {
          predicting = false;
        });
    });
  }, [subscribe, extractor, flushPending]);

  // The recording clock: countdown, then collect for `duration` seconds. stopRef ends it early.
  const stopRef = useRef<(() => void) | null>(null);
  const startRecording = useCallback(
    (classId: string) => {
      pending.current = [];
      const t0 = performance.now();
      setRecording({
        classId,
        phase: delay > 0 ? 'countdown' : 'recording',
        left: delay > 0 ? delay : duration,
        count: 0,
      });
      const id = window.setInterval(() => {
        const s = (performance.now() - t0) / 1000;
        if (s < delay) {
          setRecording((r) => (r ? { ...r, phase: 'countdown', left: Math.ceil(delay - s) } : r));
        } else if (s < delay + duration) {
          setRecording((r) => (r ? { ...r, phase: 'recording', left: Math.ceil(delay + duration - s) } : r));
        } else {
          window.clearInterval(id);
          stopRef.current = null;
          flushPending();
          setRecording(null);
        }
      }, 100);
      stopRef.current = () => {
        window.clearInterval(id);
        flushPending();
        setRecording(null);
      };
    },
    [delay, duration, flushPending],
  );
  useEffect(() => () => stopRef.current?.(), []);

  // Photos as examples: the person in each photo becomes one example; photos without one are named.
  const addPhotos = useCallback(
    async (classId: string, files: File[]) => {
      setFileErrors([]);
      setUpload({ classId, done: 0, total: files.length });
      const errors: string[] = [];
      const samples: ProjectSample[] = [];
      for (let i = 0; i < files.length; i++) {
        const f = files[i];
        let bmp: ImageBitmap | null = null;
        try {
          bmp = await createImageBitmap(f);
        } catch {
          errors.push(t('pose.fileNotImage', { name: f.name }));
        }
        if (bmp) {
          try {
            const pose = bestPose(await detectStill(bmp));
            if (!pose || pose.score < MIN_POSE_SCORE) {
              errors.push(t('pose.noPersonIn', { name: f.name }));
            } else {
              const feature = normalizePose(pose, extractor.normalization);
              const thumb = await poseThumbnail(bmp, bmp.width, bmp.height, pose, minScore, false);
              samples.push({ id: newId(), feature, thumb, thumbType: 'image/jpeg' });
            }
          } catch (e) {
            errors.push(`${f.name}: ${e instanceof Error ? e.message : String(e)}`);
          } finally {
            bmp.close();
          }
        }
        setUpload({ classId, done: i + 1, total: files.length });
      }
      if (samples.length) api.addSamples(classId, samples);
      setFileErrors(errors);
      setUpload(null);
    },
    [api, detectStill, extractor, minScore, t],
  );

  // The big countdown / "hold the pose" sign over the picture.
  useEffect(() => {
    if (!recording) {
      setOverlay(null);
      return;
    }
    setOverlay(
      <div
        className={`pointer-events-none absolute inset-0 flex flex-col items-center justify-center text-white ${recording.phase === 'countdown' ? 'bg-black/40' : 'ring-8 ring-rose-500 ring-inset'}`}
        aria-live="assertive"
        data-testid="record-overlay"
      >
        <span className="text-7xl font-extrabold drop-shadow">{recording.left}</span>
        <span className="rounded-full bg-black/50 px-3 py-1 text-lg font-semibold">
          {recording.phase === 'countdown' ? t('pose.getReady') : t('pose.recordingNow')}
        </span>
      </div>,
    );
  }, [recording, setOverlay, t]);
  useEffect(() => () => setOverlay(null), [setOverlay]);

  const labels = useMemo(() => project?.classes.map((c) => c.name) ?? [], [project]);
  const headLabels = useMemo(() => {
    const h = project?.head;
    if (!h) return [];
    return h.labels.length === labels.length ? labels : h.labels;
  }, [project, labels]);

  const blocker = useMemo(() => {
    if (!project) return null;
    if (project.classes.length < MIN_CLASSES) return t('teach.needTwo');
    const empty = project.classes.find((c) => c.samples.length === 0);
    if (empty) return t('teach.emptyClass', { name: empty.name });
    return null;
  }, [project, t]);

  const mirrorAugment = !!project?.augment.enabled && !!project?.augment.flip;

  const startTraining = useCallback(async () => {
    if (!project || blocker) return;
    setNotice(null);
    const features = project.classes.map((c) => c.samples.map((s) => s.feature));
    const model = await training.start({
      labels,
      features,
      settings: project.settings,
      // Mirrored copies are training-only: the held-out check stays on real recordings.
      prepareExtra: mirrorAugment
        ? async () => features.map((list) => list.map((f) => mirrorFeature(f)))
        : undefined,
    });
    if (!model) return;
    disposeHead(head.current);
    head.current = model;
    const trainedAt = Date.now();
    loadedHeadFor.current = trainedAt;
    api.setHead({ artifacts: await captureArtifacts(model), labels, trainedAt });
    setSource('mine');
    setHeadVersion((v) => v + 1);
  }, [api, blocker, labels, mirrorAugment, project, training]);

  const exportProject = useCallback(() => {
    if (project) downloadFile(exportProjectZip(project), 'pose-project.zip', 'application/zip');
  }, [project]);

  const importProject = useCallback(
    async (files: File[]) => {
      const f = files[0];
      if (!f) return;
      try {
        const { data } = await readNamedBytes(f);
        const p = importProjectZip(f.name, data, POSE_EXTRACTOR_NAME);
        disposeHead(head.current);
        head.current = null;
        loadedHeadFor.current = null;
        training.reset();
        setProbs(null);
        setHeadVersion(0);
        api.replace(p);
        setNotice({ kind: 'success', text: t('pose.imported', { name: f.name }) });
      } catch (e) {
        setNotice({
          kind: 'error',
          text: t('pose.importError', { message: e instanceof Error ? e.message : String(e) }),
        });
      }
    },
    [api, t, training],
  );

  const exportModel = useCallback(async () => {
    if (!head.current) return;
    const meta = makePoseModelMetadata({
      labels: headLabels,
      keypointModel,
      normalization: extractor.normalization,
    });
    downloadFile(await exportTransferModelZip(head.current, meta), 'pose-model.zip', 'application/zip');
  }, [extractor, headLabels, keypointModel]);

  const importModel = useCallback(
    async (files: File[]) => {
      try {
        const named = await Promise.all(files.map(readNamedBytes));
        const { model, metadata } = await loadTransferModel(named);
        let pose: ReturnType<typeof readPoseModelMetadata>;
        try {
          pose = readPoseModelMetadata(metadata);
        } catch (e) {
          model.dispose();
          throw e;
        }
        setImported({
          model,
          labels: metadata.labels,
          keypointModel: pose.keypointModel,
          extractor: createPoseFeatureExtractor(pose.normalization),
        });
        // The classifier learned from this model's keypoints, so use the same model.
        onKeypointModel(pose.keypointModel);
        setSource('imported');
        setProbs(null);
        setNotice({
          kind: 'success',
          text: t('pose.modelImported', {
            count: metadata.labels.length,
            model: t(`pose.model.${pose.keypointModel}`),
          }),
        });
      } catch (e) {
        setNotice({
          kind: 'error',
          text: t('pose.importError', { message: e instanceof Error ? e.message : String(e) }),
        });
      }
    },
    [onKeypointModel, t],
  );

  const newProject = useCallback(async () => {
    if (!window.confirm(t('pose.confirmNew'))) return;
    disposeHead(head.current);
    head.current = null;
    loadedHeadFor.current = null;
    training.reset();
    setProbs(null);
    setHeadVersion(0);
    await api.reset();
  }, [api, t, training]);

  if (!project) return <ProgressBar value={null} label={t('pose.loadingProject')} />;

  const hasModel = source === 'imported' ? imported !== null : headVersion > 0 && project.head != null;
  const previewLabels = source === 'imported' && imported ? imported.labels : headLabels;
  const colors = previewLabels.map((_, i) => CLASS_COLORS[i % CLASS_COLORS.length]);
  const canRecord = hasLiveSource && detectorReady && !busy && !recording;

  return (
    <section className="space-y-4" aria-labelledby="teach-title">
      <div className="space-y-1">
        <h2 id="teach-title" className="text-2xl font-bold">
          {t('pose.teachTitle')}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t('pose.teachIntro')}</p>
      </div>
      {notice && (
        <Alert kind={notice.kind} onDismiss={() => setNotice(null)} dismissLabel={t('ui.close')}>
          <span data-testid="pose-notice">{notice.text}</span>
        </Alert>
      )}
      {fileErrors.length > 0 && (
        <Alert kind="error" onDismiss={() => setFileErrors([])} dismissLabel={t('ui.close')}>
          <ul data-testid="pose-file-errors">
            {fileErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}
      {!hasLiveSource && <Alert kind="info">{t('pose.needPoseSource')}</Alert>}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-4">
          <div className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2">
            <Slider
              label={t('pose.countdownDelay')}
              value={delay}
              min={0}
              max={10}
              disabled={!!recording}
              format={(v) => t('pose.seconds', { n: v })}
              onChange={(v) => setDelay(Math.round(v))}
            />
            <Slider
              label={t('pose.recordDuration')}
              value={duration}
              min={1}
              max={20}
              disabled={!!recording}
              format={(v) => t('pose.seconds', { n: v })}
              onChange={(v) => setDuration(Math.round(v))}
            />
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            {project.classes.map((cls, i) => (
              <ClassCard
                key={cls.id}
                cls={cls}
                index={i}
                color={CLASS_COLORS[i % CLASS_COLORS.length]}
                canDelete={project.classes.length > MIN_CLASSES}
                busy={busy || !!recording}
                onRename={(name) => api.renameClass(cls.id, name)}
                onDelete={() =>
                  window.confirm(t('teach.confirmDelete', { name: cls.name })) && api.deleteClass(cls.id)
                }
                onClear={() =>
                  window.confirm(t('teach.confirmClear', { name: cls.name })) && api.clearClass(cls.id)
                }
                onDeleteSample={(sid) => api.deleteSample(cls.id, sid)}
              >
                {recording?.classId === cls.id ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <Button
                      size="sm"
                      variant="danger"
                      onClick={() => stopRef.current?.()}
                      data-testid={`stop-${i}`}
                    >
                      {t('pose.stopRecording')}
                    </Button>
                    <span className="text-sm tabular-nums" aria-live="polite">
                      {recording.phase === 'countdown'
                        ? `${t('pose.getReady')} ${recording.left}`
                        : t('pose.recordedCount', { count: recording.count })}
                    </span>
                  </div>
                ) : (
                  <Button
                    size="sm"
                    disabled={!canRecord}
                    onClick={() => startRecording(cls.id)}
                    data-testid={`record-${i}`}
                  >
                    {t('pose.record', { seconds: duration })}
                  </Button>
                )}
                <FileDrop
                  accept="image/*"
                  label={t('pose.uploadPhotos')}
                  hint={t('pose.uploadPhotosHint')}
                  disabled={!detectorReady || busy || !!recording}
                  onFiles={(files) => void addPhotos(cls.id, files)}
                  inputTestId={`upload-${i}`}
                />
                {upload?.classId === cls.id && (
                  <ProgressBar
                    value={upload.done / upload.total}
                    label={t('pose.uploading')}
                    detail={`${upload.done} / ${upload.total}`}
                  />
                )}
              </ClassCard>
            ))}
          </div>
          <Button
            variant="secondary"
            disabled={busy || !!recording || project.classes.length >= MAX_CLASSES}
            onClick={api.addClass}
            data-testid="add-class"
          >
            {t('teach.addClass')}
          </Button>
          <TrainPanel
            settings={project.settings}
            onSettings={api.setSettings}
            state={training.state}
            blocker={blocker}
            disabled={busy || !!recording || blocker !== null}
            onTrain={() => void startTraining()}
            onCancel={training.cancel}
          />
          <label className="flex items-start gap-2 rounded-2xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={mirrorAugment}
              disabled={busy}
              onChange={(e) => api.setAugment({ enabled: e.target.checked, flip: e.target.checked })}
              data-testid="mirror-augment"
            />
            <span>
              <span className="block font-medium">{t('pose.mirrorAugment')}</span>
              <span className="block text-xs text-slate-500">{t('pose.mirrorAugmentHint')}</span>
            </span>
          </label>
        </div>

        <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <section
            className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
            aria-labelledby="pose-preview-title"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id="pose-preview-title" className="text-lg font-semibold">
                {t('pose.preview')}
              </h3>
              {imported && (
                <ModelSourceToggle
                  value={source}
                  label={t('pose.modelSource')}
                  options={[
                    { id: 'mine', label: t('pose.useMine') },
                    { id: 'imported', label: t('pose.useImported') },
                  ]}
                  onChange={setSource}
                />
              )}
            </div>
            {hasModel ? (
              <PredictionPanel
                labels={previewLabels}
                probabilities={probs && probs.length === previewLabels.length ? probs : null}
                colors={colors}
                kidsMode={kidsMode}
                speak={speak}
                onKidsMode={setKidsMode}
                onSpeak={setSpeak}
                fps={fps}
              />
            ) : (
              <p className="text-sm text-slate-500">{t('pose.trainFirst')}</p>
            )}
          </section>

          <section
            className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
            aria-labelledby="pose-save-title"
          >
            <h3 id="pose-save-title" className="text-lg font-semibold">
              {t('pose.saveTitle')}
            </h3>
            <p className="text-sm text-slate-600" data-testid="pose-save-state">
              {t(`pose.save.${api.saveState}`)}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={exportProject}
                disabled={busy}
                data-testid="export-project"
              >
                {t('pose.exportProject')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => void exportModel()}
                disabled={busy || !project.head}
                data-testid="export-model"
              >
                {t('pose.exportModel')}
              </Button>
              <Button
                variant="danger"
                onClick={() => void newProject()}
                disabled={busy || !!recording}
                data-testid="new-project"
              >
                {t('pose.newProject')}
              </Button>
            </div>
            <FileDrop
              accept=".zip,application/zip"
              multiple={false}
              label={t('pose.importProject')}
              hint={t('pose.importProjectHint')}
              onFiles={(f) => void importProject(f)}
              inputTestId="import-project"
              disabled={busy || !!recording}
            />
            <FileDrop
              accept=".json,.bin,.zip"
              label={t('pose.importModel')}
              hint={t('pose.importModelHint')}
              onFiles={(f) => void importModel(f)}
              inputTestId="import-model"
            />
          </section>
        </div>
      </div>
    </section>
  );
}
