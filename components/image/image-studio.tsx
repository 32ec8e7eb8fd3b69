'use client';
// The Image studio: collect webcam / uploaded pictures per class, train a head on frozen centernet
// features, preview live, save, export and import (ours and Teachable Machine's).
import * as tf from '@tensorflow/tfjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { downloadFile, readNamedBytes } from '@/components/media/download';
import { FileDrop } from '@/components/media/file-drop';
import { Webcam, type WebcamHandle } from '@/components/media/webcam';
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
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, Button, ProgressBar } from '@/components/ui';
import { captureArtifacts } from '@/lib/persist';
import {
  IMAGE_EXTRACTOR_NAME,
  IMAGE_FEATURE_SIZES,
  DEFAULT_IMAGE_FEATURE_MODE,
  IMAGE_SIZE,
  MAX_CLASSES,
  MIN_CLASSES,
  augmentImage,
  createImageFeatureExtractor,
  disposeHead,
  exportProjectZip,
  exportTransferModelZip,
  importProjectZip,
  loadTeachableMachineModel,
  makeTransferMetadata,
  teachableMachineInput,
  type ImageFeatureExtractor,
  type ProjectSample,
  type TeachableMachineModel,
} from '@/lib/transfer';
import { createRng } from '@/lib/data';

import { decodeImageFile, drawSquare, makeCanvases, thumbnailBytes } from './capture';

const STORAGE_KEY = 'image-project';
const RECORD_INTERVAL_MS = 100;

type Source = 'mine' | 'tm';

/** The whole Image studio (client only). */
export default function ImageStudio() {
  const t = useT();
  const { whenReady, name: backendName } = useBackend();
  const api = useTransferProject({
    storageKey: STORAGE_KEY,
    extractor: IMAGE_EXTRACTOR_NAME,
    featureSize: IMAGE_FEATURE_SIZES[DEFAULT_IMAGE_FEATURE_MODE],
    className: (n) => t('teach.defaultClass', { n }),
  });
  const { project } = api;
  const training = useHeadTraining();
  // Stable action functions (the api and training objects themselves change every render).
  const { addSamples, setHead, replace: replaceProject, reset: resetProject } = api;
  const { start: startTrain, reset: resetTraining } = training;

  const extractor = useRef<ImageFeatureExtractor | null>(null);
  const [modelStatus, setModelStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [modelError, setModelError] = useState<string | null>(null);
  const head = useRef<tf.LayersModel | null>(null);
  const [headVersion, setHeadVersion] = useState(0);
  const tm = useRef<TeachableMachineModel | null>(null);
  const [tmInfo, setTmInfo] = useState<{ labels: string[]; name: string } | null>(null);
  const [source, setSource] = useState<Source>('mine');

  const webcam = useRef<WebcamHandle>(null);
  const [camReady, setCamReady] = useState(false);
  const [mirror, setMirror] = useState(true);
  const canvases = useRef<ReturnType<typeof makeCanvases> | null>(null);

  const [recording, setRecording] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ classId: string; done: number; total: number } | null>(null);
  const uploadCancel = useRef(false);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);

  const [probs, setProbs] = useState<number[] | null>(null);
  const [fps, setFps] = useState<number | null>(null);
  const [still, setStill] = useState<{ url: string; probs: number[] } | null>(null);
  const [kidsMode, setKidsMode] = useState(false);
  const [speak, setSpeak] = useState(false);

  const busy =
    training.state.status === 'training' || training.state.status === 'preparing' || upload !== null;

  // Load the backbone once the tfjs backend is ready.
  useEffect(() => {
    let cancelled = false;
    canvases.current = makeCanvases();
    (async () => {
      try {
        await whenReady();
        const ex = await createImageFeatureExtractor({ mode: DEFAULT_IMAGE_FEATURE_MODE });
        if (cancelled) return ex.dispose();
        extractor.current = ex;
        setModelStatus('ready');
      } catch (e) {
        if (cancelled) return;
        setModelStatus('error');
        setModelError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      extractor.current?.dispose();
      extractor.current = null;
      disposeHead(head.current);
      head.current = null;
      tm.current?.model.dispose();
      tm.current = null;
    };
  }, [whenReady]);

  // Rebuild the head from the saved project (after a reload or an import).
  const loadedHeadFor = useRef<number | null>(null);
  useEffect(() => {
    if (!project || modelStatus !== 'ready') return;
    const saved = project.head;
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
          text: t('image.headLoadError', { message: e instanceof Error ? e.message : String(e) }),
        }),
    );
  }, [project, modelStatus, t]);

  /** Features + thumbnail of whatever is on the square canvas now. */
  const sampleFromSquare = useCallback(async (): Promise<ProjectSample | null> => {
    const ex = extractor.current;
    const c = canvases.current;
    if (!ex || !c) return null;
    const feature = await ex.extract(c.square);
    const thumb = await thumbnailBytes(c.square, c.thumb);
    return { id: newId(), feature, thumb, thumbType: 'image/jpeg' };
  }, []);

  const captureFrame = useCallback(
    async (classId: string) => {
      const v = webcam.current?.video;
      if (!v || !webcam.current?.ready() || !canvases.current) return;
      drawSquare(v, canvases.current.square, mirror);
      const s = await sampleFromSquare();
      if (s) addSamples(classId, [s]);
    },
    [addSamples, mirror, sampleFromSquare],
  );

  // Hold-to-record: about 10 frames a second while the button is held.
  useEffect(() => {
    if (!recording) return;
    let stop = false;
    let busyFrame = false;
    const id = window.setInterval(() => {
      if (stop || busyFrame) return;
      busyFrame = true;
      void captureFrame(recording).finally(() => {
        busyFrame = false;
      });
    }, RECORD_INTERVAL_MS);
    return () => {
      stop = true;
      window.clearInterval(id);
    };
  }, [recording, captureFrame]);

  const addFiles = useCallback(
    async (classId: string, files: File[]) => {
      const c = canvases.current;
      if (!c || !extractor.current) return;
      uploadCancel.current = false;
      setFileErrors([]);
      setUpload({ classId, done: 0, total: files.length });
      const errors: string[] = [];
      let batch: ProjectSample[] = [];
      for (let i = 0; i < files.length && !uploadCancel.current; i++) {
        const f = files[i];
        const decoded = await decodeImageFile(f);
        if ('problem' in decoded) {
          errors.push(t(`image.file.${decoded.problem}`, { name: f.name }));
        } else {
          drawSquare(decoded.bitmap, c.square, false);
          decoded.bitmap.close();
          const s = await sampleFromSquare();
          if (s) batch.push(s);
        }
        // Hand samples over in small groups so the page stays responsive with 1,000+ files.
        if (batch.length >= 16) {
          addSamples(classId, batch);
          batch = [];
        }
        setUpload({ classId, done: i + 1, total: files.length });
        await tf.nextFrame();
      }
      if (batch.length) addSamples(classId, batch);
      setFileErrors(errors);
      setUpload(null);
    },
    [addSamples, sampleFromSquare, t],
  );

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

  /** Altered copies of every example, made from the stored thumbnails, for training only. */
  const prepareAugmented = useCallback(
    async (signal: AbortSignal, onProgress: (f: number) => void) => {
      const ex = extractor.current;
      if (!project || !ex) return undefined;
      const aug = project.augment;
      const rng = createRng(project.settings.seed);
      const total = project.classes.reduce((s, c) => s + c.samples.length, 0);
      let done = 0;
      const out: Float32Array[][] = [];
      for (const cls of project.classes) {
        const list: Float32Array[] = [];
        for (const s of cls.samples) {
          if (signal.aborted) return undefined;
          const bmp = await createImageBitmap(new Blob([new Uint8Array(s.thumb)], { type: s.thumbType }));
          for (let k = 0; k < aug.copies; k++) {
            const f = tf.tidy(() => ex.extractFromSquare(augmentImage(ex.prepare(bmp), aug, rng)));
            list.push((await f.data()) as Float32Array);
            f.dispose();
          }
          bmp.close();
          onProgress(++done / total);
          if (done % 8 === 0) await tf.nextFrame();
        }
        out.push(list);
      }
      return out;
    },
    [project],
  );

  const startTraining = useCallback(async () => {
    if (!project || blocker) return;
    setNotice(null);
    const model = await startTrain({
      labels,
      features: project.classes.map((c) => c.samples.map((s) => s.feature)),
      settings: project.settings,
      prepareExtra: project.augment.enabled ? prepareAugmented : undefined,
    });
    if (!model) return;
    disposeHead(head.current);
    head.current = model;
    const trainedAt = Date.now();
    loadedHeadFor.current = trainedAt;
    setHead({ artifacts: await captureArtifacts(model), labels, trainedAt });
    setSource('mine');
    setHeadVersion((v) => v + 1);
  }, [setHead, blocker, labels, prepareAugmented, project, startTrain]);

  // Live preview: one prediction per animation frame while a model and the camera are ready.
  const hasModel = source === 'tm' ? tmInfo !== null : headVersion > 0 && project?.head != null;
  useEffect(() => {
    if (!hasModel || !camReady || modelStatus !== 'ready' || still) return;
    let raf = 0;
    let stopped = false;
    let last = performance.now();
    let avg = 0;
    const loop = async () => {
      if (stopped) return;
      const v = webcam.current?.video;
      const ex = extractor.current;
      if (v && webcam.current?.ready() && !(training.state.status === 'training')) {
        let out: tf.Tensor | null = null;
        if (source === 'tm' && tm.current) {
          const m = tm.current;
          out = tf.tidy(() => m.model.predict(teachableMachineInput(v, m.imageSize, mirror)) as tf.Tensor);
        } else if (head.current && ex) {
          const h = head.current;
          out = tf.tidy(() => h.predict(ex.extractFromSquare(ex.prepare(v, mirror))) as tf.Tensor);
        }
        if (out) {
          const values = Array.from(await out.data());
          out.dispose();
          if (stopped) return;
          setProbs(values);
          const now = performance.now();
          const inst = 1000 / Math.max(1, now - last);
          last = now;
          avg = avg ? avg * 0.9 + inst * 0.1 : inst;
          setFps(avg);
        }
      }
      raf = requestAnimationFrame(() => void loop());
    };
    raf = requestAnimationFrame(() => void loop());
    return () => {
      stopped = true;
      cancelAnimationFrame(raf);
    };
  }, [hasModel, camReady, modelStatus, source, mirror, still, headVersion, training.state.status]);

  const predictFile = useCallback(
    async (files: File[]) => {
      const f = files[0];
      const ex = extractor.current;
      if (!f || !ex) return;
      const decoded = await decodeImageFile(f);
      if ('problem' in decoded) {
        setNotice({ kind: 'error', text: t(`image.file.${decoded.problem}`, { name: f.name }) });
        return;
      }
      const bmp = decoded.bitmap;
      let out: tf.Tensor | null = null;
      if (source === 'tm' && tm.current) {
        const m = tm.current;
        out = tf.tidy(() => m.model.predict(teachableMachineInput(bmp, m.imageSize)) as tf.Tensor);
      } else if (head.current) {
        const h = head.current;
        out = tf.tidy(() => h.predict(ex.extractFromSquare(ex.prepare(bmp))) as tf.Tensor);
      }
      bmp.close();
      if (!out) return;
      const values = Array.from(await out.data());
      out.dispose();
      setStill((prev) => {
        if (prev) URL.revokeObjectURL(prev.url);
        return { url: URL.createObjectURL(f), probs: values };
      });
    },
    [source, t],
  );

  const exportProject = useCallback(() => {
    if (!project) return;
    downloadFile(exportProjectZip(project), 'image-project.zip', 'application/zip');
  }, [project]);

  const importProject = useCallback(
    async (files: File[]) => {
      const f = files[0];
      if (!f) return;
      try {
        const { data } = await readNamedBytes(f);
        const p = importProjectZip(f.name, data, IMAGE_EXTRACTOR_NAME);
        disposeHead(head.current);
        head.current = null;
        loadedHeadFor.current = null;
        resetTraining();
        setProbs(null);
        replaceProject(p);
        setNotice({ kind: 'success', text: t('image.imported', { name: f.name }) });
      } catch (e) {
        setNotice({
          kind: 'error',
          text: t('image.importError', { message: e instanceof Error ? e.message : String(e) }),
        });
      }
    },
    [replaceProject, resetTraining, t],
  );

  const exportModel = useCallback(async () => {
    const ex = extractor.current;
    if (!head.current || !ex) return;
    const meta = makeTransferMetadata({
      labels: headLabels,
      extractor: ex.name,
      featureSize: ex.featureSize,
      imageSize: IMAGE_SIZE,
      backboneNodes: ex.nodes,
    });
    downloadFile(await exportTransferModelZip(head.current, meta), 'image-model.zip', 'application/zip');
  }, [headLabels]);

  const importTm = useCallback(
    async (files: File[]) => {
      try {
        const named = await Promise.all(files.map(readNamedBytes));
        const loaded = await loadTeachableMachineModel(named);
        tm.current?.model.dispose();
        tm.current = loaded;
        setTmInfo({ labels: loaded.metadata.labels, name: loaded.metadata.modelName ?? 'Teachable Machine' });
        setSource('tm');
        setProbs(null);
        setNotice({ kind: 'success', text: t('image.tmLoaded', { count: loaded.metadata.labels.length }) });
      } catch (e) {
        setNotice({
          kind: 'error',
          text: t('image.tmError', { message: e instanceof Error ? e.message : String(e) }),
        });
      }
    },
    [t],
  );

  const newProject = useCallback(async () => {
    if (!window.confirm(t('image.confirmNew'))) return;
    disposeHead(head.current);
    head.current = null;
    loadedHeadFor.current = null;
    resetTraining();
    setProbs(null);
    setHeadVersion(0);
    await resetProject();
  }, [resetProject, resetTraining, t]);

  if (!project) return <ProgressBar value={null} label={t('image.loadingProject')} />;

  const previewLabels = source === 'tm' && tmInfo ? tmInfo.labels : headLabels;
  const colors = previewLabels.map((_, i) => CLASS_COLORS[i % CLASS_COLORS.length]);
  const canCapture = modelStatus === 'ready' && camReady && !busy;

  return (
    <div className="space-y-6">
      {modelStatus === 'loading' && <ProgressBar value={null} label={t('image.loadingModel')} />}
      {modelStatus === 'error' && (
        <Alert kind="error">{t('image.modelError', { message: modelError ?? '' })}</Alert>
      )}
      {notice && (
        <Alert kind={notice.kind} onDismiss={() => setNotice(null)} dismissLabel={t('ui.close')}>
          <span data-testid="image-notice">{notice.text}</span>
        </Alert>
      )}
      {fileErrors.length > 0 && (
        <Alert kind="error" onDismiss={() => setFileErrors([])} dismissLabel={t('ui.close')}>
          <ul data-testid="file-errors">
            {fileErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <section
            className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
            aria-labelledby="cam-title"
          >
            <h2 id="cam-title" className="text-lg font-semibold">
              {t('image.webcam')}
            </h2>
            <Webcam
              ref={webcam}
              mirror={mirror}
              text={{
                choose: t('image.chooseCamera'),
                denied: t('image.cameraDenied'),
                missing: t('image.cameraMissing'),
                starting: t('image.cameraStarting'),
              }}
              onStatus={(s) => setCamReady(s === 'ready')}
            />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={mirror} onChange={(e) => setMirror(e.target.checked)} />
              {t('image.mirror')}
            </label>
          </section>

          <section
            className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
            aria-labelledby="preview-title"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="preview-title" className="text-lg font-semibold">
                {t('image.preview')}
              </h2>
              {tmInfo && (
                <ModelSourceToggle
                  value={source}
                  label={t('image.modelSource')}
                  options={[
                    { id: 'mine', label: t('image.useMine') },
                    { id: 'tm', label: t('image.useTm') },
                  ]}
                  onChange={setSource}
                />
              )}
            </div>
            {!hasModel && <p className="text-sm text-slate-500">{t('image.trainFirst')}</p>}
            {still ? (
              <div className="space-y-2">
                {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: URL */}
                <img src={still.url} alt={t('image.uploadedPicture')} className="max-h-48 rounded-lg" />
                <PredictionPanel
                  labels={previewLabels}
                  probabilities={still.probs}
                  colors={colors}
                  kidsMode={kidsMode}
                  speak={speak}
                  onKidsMode={setKidsMode}
                  onSpeak={setSpeak}
                />
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => {
                    URL.revokeObjectURL(still.url);
                    setStill(null);
                  }}
                >
                  {t('image.backToWebcam')}
                </Button>
              </div>
            ) : (
              hasModel && (
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
              )
            )}
            {hasModel && (
              <FileDrop
                accept="image/*"
                multiple={false}
                label={t('image.predictFile')}
                onFiles={(f) => void predictFile(f)}
                inputTestId="predict-file"
              />
            )}
            {backendName && (
              <p className="text-xs text-slate-500">{t('image.backendNote', { name: backendName })}</p>
            )}
          </section>
        </div>

        <div className="space-y-4">
          <div className="grid gap-4 md:grid-cols-2">
            {project.classes.map((cls, i) => (
              <ClassCard
                key={cls.id}
                cls={cls}
                index={i}
                color={CLASS_COLORS[i % CLASS_COLORS.length]}
                canDelete={project.classes.length > MIN_CLASSES}
                busy={busy}
                onRename={(name) => api.renameClass(cls.id, name)}
                onDelete={() =>
                  window.confirm(t('teach.confirmDelete', { name: cls.name })) && api.deleteClass(cls.id)
                }
                onClear={() =>
                  window.confirm(t('teach.confirmClear', { name: cls.name })) && api.clearClass(cls.id)
                }
                onDeleteSample={(sid) => api.deleteSample(cls.id, sid)}
              >
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    disabled={!canCapture && recording !== cls.id}
                    data-testid={`record-${i}`}
                    aria-pressed={recording === cls.id}
                    onPointerDown={(e) => {
                      e.currentTarget.setPointerCapture?.(e.pointerId);
                      if (canCapture) setRecording(cls.id);
                    }}
                    onPointerUp={() => setRecording(null)}
                    onPointerCancel={() => setRecording(null)}
                    onKeyDown={(e) => {
                      if ((e.key === ' ' || e.key === 'Enter') && !e.repeat && canCapture) {
                        e.preventDefault();
                        setRecording(cls.id);
                      }
                    }}
                    onKeyUp={(e) => {
                      if (e.key === ' ' || e.key === 'Enter') setRecording(null);
                    }}
                    onBlur={() => recording === cls.id && setRecording(null)}
                  >
                    {recording === cls.id ? t('image.recording') : t('image.holdToRecord')}
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={!canCapture}
                    onClick={() => void captureFrame(cls.id)}
                    data-testid={`snap-${i}`}
                  >
                    {t('image.snap')}
                  </Button>
                </div>
                <FileDrop
                  accept="image/jpeg,image/png,image/webp,image/gif,image/*"
                  label={t('image.upload')}
                  hint={t('image.uploadHint')}
                  disabled={modelStatus !== 'ready' || busy}
                  onFiles={(files) => void addFiles(cls.id, files)}
                  inputTestId={`upload-${i}`}
                />
                {upload?.classId === cls.id && (
                  <div className="space-y-1">
                    <ProgressBar
                      value={upload.done / upload.total}
                      label={t('image.uploading')}
                      detail={`${upload.done} / ${upload.total}`}
                    />
                    <Button size="sm" variant="ghost" onClick={() => (uploadCancel.current = true)}>
                      {t('ui.cancel')}
                    </Button>
                  </div>
                )}
              </ClassCard>
            ))}
          </div>
          <Button
            variant="secondary"
            disabled={busy || project.classes.length >= MAX_CLASSES}
            onClick={api.addClass}
            data-testid="add-class"
          >
            {t('teach.addClass')}
          </Button>

          <TrainPanel
            settings={project.settings}
            onSettings={api.setSettings}
            augment={project.augment}
            onAugment={api.setAugment}
            state={training.state}
            blocker={blocker}
            disabled={modelStatus !== 'ready' || busy || blocker !== null}
            onTrain={() => void startTraining()}
            onCancel={training.cancel}
          />

          <section
            className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
            aria-labelledby="save-title"
          >
            <h2 id="save-title" className="text-lg font-semibold">
              {t('image.saveTitle')}
            </h2>
            <p className="text-sm text-slate-600" data-testid="save-state">
              {t(`image.save.${api.saveState}`)}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={exportProject}
                disabled={busy}
                data-testid="export-project"
              >
                {t('image.exportProject')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => void exportModel()}
                disabled={busy || !project.head}
                data-testid="export-model"
              >
                {t('image.exportModel')}
              </Button>
              <Button
                variant="danger"
                onClick={() => void newProject()}
                disabled={busy}
                data-testid="new-project"
              >
                {t('image.newProject')}
              </Button>
            </div>
            <div className="grid gap-3 md:grid-cols-2">
              <FileDrop
                accept=".zip,application/zip"
                multiple={false}
                label={t('image.importProject')}
                hint={t('image.importProjectHint')}
                onFiles={(f) => void importProject(f)}
                inputTestId="import-project"
                disabled={busy}
              />
              <FileDrop
                accept=".json,.bin,.zip"
                label={t('image.importTm')}
                hint={t('image.importTmHint')}
                onFiles={(f) => void importTm(f)}
                inputTestId="import-tm"
              />
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
