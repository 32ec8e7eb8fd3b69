'use client';
// The Sound studio: microphone and files → 1-second examples per class → spectrogram CNN → live recognition.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { CLASS_COLORS, NEUTRAL_CLASS_COLOR } from '@/components/ui/palette';
import { useT } from '@/components/i18n/i18n-provider';
import { decodeAudioFile } from '@/components/media/audio-file';
import { downloadFile, readNamedBytes } from '@/components/media/download';
import { FileDrop } from '@/components/media/file-drop';
import { listMicrophones, MicrophoneCapture, MicrophoneError } from '@/components/media/microphone';
import { useBackend } from '@/components/tf/backend-provider';
import {
  Alert,
  Button,
  ConfidenceBars,
  ConfusionMatrix,
  ModelSummaryTable,
  ProgressBar,
  Slider,
  TrainingCurves,
  type SummaryRow,
} from '@/components/ui';
import {
  AUDIO_SAMPLE_RATE,
  DEFAULT_SOUND_CLASSIFIER_CONFIG,
  EXAMPLE_SAMPLES,
  LogMelComputer,
  splitIntoExamples,
  SoundClassifier,
  StreamingLogMel,
  trainSoundClassifier,
  type Spectrogram,
} from '@/lib/audio';
import { InputError } from '@/lib/errors';
import { summarizeModel } from '@/lib/models';
import { deleteModelFromDb, deleteProject, loadModelFromDb, saveModelToDb } from '@/lib/persist';

import { SoundClassCard } from './class-card';
import { exportSoundProject, importSoundProject } from './project-files';
import { LiveSpectrogram } from './spectrogram-view';
import {
  emptySoundProject,
  newId,
  SOUND_MODEL_KEY,
  SOUND_PROJECT_KEY,
  useSoundProject,
  type SoundClass,
  type SoundExample,
  type SoundSettings,
} from './use-sound-project';

/** Fewest examples per class before training is allowed (one may be held out for checking). */
const MIN_EXAMPLES = 3;
const COLORS = [NEUTRAL_CLASS_COLOR, ...CLASS_COLORS.slice(0, 8)];
const RECORD_CHOICES = [1, 2, 4, 8];
/** Live recognition checks the last second every this many samples (250 ms): windows overlap by 75%. */
const LISTEN_HOP = AUDIO_SAMPLE_RATE / 4;
const FRAMES_PER_EXAMPLE = new LogMelComputer().compute(new Float32Array(EXAMPLE_SAMPLES)).frames;

const DEFAULT_SETTINGS: SoundSettings = {
  epochs: DEFAULT_SOUND_CLASSIFIER_CONFIG.epochs,
  learningRate: DEFAULT_SOUND_CLASSIFIER_CONFIG.learningRate,
  batchSize: DEFAULT_SOUND_CLASSIFIER_CONFIG.batchSize,
};

type Notice = { kind: 'error' | 'warning' | 'info' | 'success'; text: string };

interface TrainState {
  status: 'idle' | 'preparing' | 'training' | 'done' | 'cancelled' | 'error';
  epoch: number;
  epochs: number;
  prepare: number;
  history: { loss: number[]; acc: number[]; valLoss: number[]; valAcc: number[] };
  confusion: number[][] | null;
  labels: string[];
  valAcc: number | null;
  error: string | null;
}

const IDLE: TrainState = {
  status: 'idle',
  epoch: 0,
  epochs: 0,
  prepare: 0,
  history: { loss: [], acc: [], valLoss: [], valAcc: [] },
  confusion: null,
  labels: [],
  valAcc: null,
  error: null,
};

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The whole studio; mounted in the browser only. */
export default function SoundStudio() {
  const t = useT();
  const { whenReady } = useBackend();
  const makeEmpty = useCallback(
    () =>
      emptySoundProject(
        t('sound.classes.background'),
        (n) => t('sound.classes.defaultName', { n }),
        DEFAULT_SETTINGS,
      ),
    [t],
  );
  const { project, setProject, updateClass, saving } = useSoundProject(makeEmpty);

  // Microphone
  const mic = useMemo(() => new MicrophoneCapture(), []);
  const [micOn, setMicOn] = useState(false);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [micError, setMicError] = useState<string | null>(null);
  useEffect(() => () => void mic.stop(), [mic]);

  const startMic = useCallback(
    async (id?: string): Promise<boolean> => {
      setMicError(null);
      try {
        await mic.start(id || undefined);
        setMicOn(true);
        setDevices(await listMicrophones());
        setDeviceId(mic.deviceId ?? '');
        return true;
      } catch (e) {
        setMicOn(false);
        const kind = e instanceof MicrophoneError ? e.kind : 'other';
        setMicError(
          kind === 'denied'
            ? t('sound.mic.denied')
            : kind === 'not-found'
              ? t('sound.mic.notFound')
              : kind === 'unsupported'
                ? t('sound.mic.unsupported')
                : t('sound.mic.failed', { message: errorText(e) }),
        );
        return false;
      }
    },
    [mic, t],
  );

  const stopMic = useCallback(async () => {
    await mic.stop();
    setMicOn(false);
  }, [mic]);

  // Collecting examples
  const [recordSeconds, setRecordSeconds] = useState(2);
  const [recording, setRecording] = useState<{ classId: string; left: number } | null>(null);
  const [upload, setUpload] = useState<{ classId: string; name: string; i: number; n: number } | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);

  const addExamples = useCallback(
    (classId: string, examples: SoundExample[]) =>
      updateClass(classId, (c) => ({ ...c, examples: [...c.examples, ...examples] })),
    [updateClass],
  );

  const record = useCallback(
    async (classId: string) => {
      if (!mic.running && !(await startMic(deviceId))) return;
      const need = recordSeconds * AUDIO_SAMPLE_RATE;
      const parts: Float32Array[] = [];
      let have = 0;
      setRecording({ classId, left: recordSeconds });
      await new Promise<void>((resolve) => {
        const off = mic.onChunk((chunk) => {
          parts.push(chunk);
          have += chunk.length;
          setRecording({ classId, left: Math.max(0, need - have) / AUDIO_SAMPLE_RATE });
          if (have >= need) {
            off();
            resolve();
          }
        });
      });
      const all = new Float32Array(have);
      let o = 0;
      for (const p of parts) {
        all.set(p, o);
        o += p.length;
      }
      // Microphone recordings are kept whole, quiet seconds too: the user chose to record them.
      const examples: SoundExample[] = [];
      for (let s = 0; s + EXAMPLE_SAMPLES <= need; s += EXAMPLE_SAMPLES) {
        examples.push({ id: newId(), samples: all.slice(s, s + EXAMPLE_SAMPLES), source: 'mic' });
      }
      addExamples(classId, examples);
      setRecording(null);
    },
    [mic, startMic, deviceId, recordSeconds, addExamples],
  );

  const uploadFiles = useCallback(
    async (cls: SoundClass, files: File[]) => {
      const found: Notice[] = [];
      let count = 0;
      for (let i = 0; i < files.length; i++) {
        const file = files[i]!;
        setUpload({ classId: cls.id, name: file.name, i, n: files.length });
        try {
          const samples = await decodeAudioFile(file);
          // Background noise is quiet by nature, so its files are not checked for silence.
          const r = splitIntoExamples(samples, AUDIO_SAMPLE_RATE, cls.background ? { silenceDb: -300 } : {});
          if (!r.examples.length)
            found.push({ kind: 'warning', text: t('sound.upload.silent', { name: file.name }) });
          if (r.truncated)
            found.push({
              kind: 'warning',
              text: t('sound.upload.truncated', { name: file.name, n: r.examples.length }),
            });
          addExamples(
            cls.id,
            r.examples.map((samples) => ({ id: newId(), samples, source: 'file' as const, file: file.name })),
          );
          count += r.examples.length;
        } catch (e) {
          found.push({
            kind: 'error',
            text: e instanceof InputError ? t('sound.upload.bad', { name: file.name }) : errorText(e),
          });
        }
      }
      setUpload(null);
      if (count) found.unshift({ kind: 'success', text: t('sound.upload.added', { count }) });
      setNotices(found);
    },
    [addExamples, t],
  );

  // Model and training
  const classifierRef = useRef<SoundClassifier | null>(null);
  const [classifier, setClassifierState] = useState<SoundClassifier | null>(null);
  const setClassifier = useCallback((c: SoundClassifier | null) => {
    if (classifierRef.current && classifierRef.current !== c) classifierRef.current.dispose();
    classifierRef.current = c;
    setClassifierState(c);
  }, []);
  useEffect(() => () => classifierRef.current?.dispose(), []);
  const [train, setTrain] = useState<TrainState>(IDLE);
  const abortRef = useRef<AbortController | null>(null);
  const specCache = useRef(new Map<string, Spectrogram>());
  const [summary, setSummary] = useState<{ rows: SummaryRow[]; total: number } | null>(null);

  // Restore the saved model once the backend runs.
  useEffect(() => {
    let alive = true;
    void (async () => {
      await whenReady();
      try {
        const { model, metadata } = await loadModelFromDb(SOUND_MODEL_KEY);
        const c = SoundClassifier.fromModel(model, metadata);
        if (alive) setClassifier(c);
        else c.dispose();
      } catch {
        // No saved model yet (or an outdated one): the user trains a new one.
      }
    })();
    return () => {
      alive = false;
    };
  }, [whenReady, setClassifier]);

  useEffect(() => {
    if (!classifier) return setSummary(null);
    const s = summarizeModel(classifier.model);
    setSummary({ rows: s.layers, total: s.totalParams });
  }, [classifier]);

  const classes = project?.classes ?? [];
  const blocker =
    classes.some((c) => c.examples.length < MIN_EXAMPLES) ||
    !classes.some((c) => !c.background && c.examples.length > 0)
      ? t('sound.train.needClasses', { n: MIN_EXAMPLES })
      : null;
  const training = train.status === 'preparing' || train.status === 'training';

  const startTraining = useCallback(async () => {
    if (!project || blocker) return;
    const controller = new AbortController();
    abortRef.current = controller;
    const labels = project.classes.map((c) => c.name);
    const revision = project.revision;
    setTrain({ ...IDLE, status: 'preparing', labels, epochs: project.settings.epochs });
    try {
      await whenReady();
      const computer = new LogMelComputer();
      const all = project.classes.flatMap((c, k) => c.examples.map((ex) => ({ ex, k })));
      const spectrograms: Spectrogram[] = [];
      for (let i = 0; i < all.length; i++) {
        const { ex } = all[i]!;
        let spec = specCache.current.get(ex.id);
        if (!spec) {
          spec = computer.compute(ex.samples);
          specCache.current.set(ex.id, spec);
        }
        spectrograms.push(spec);
        if (i % 25 === 0) {
          setTrain((s) => ({ ...s, prepare: i / all.length }));
          await new Promise((r) => setTimeout(r, 0));
        }
        if (controller.signal.aborted) throw new DOMException('aborted', 'AbortError');
      }
      // Forget spectrograms of deleted examples.
      const used = new Set(all.map((a) => a.ex.id));
      for (const id of specCache.current.keys()) if (!used.has(id)) specCache.current.delete(id);
      setTrain((s) => ({ ...s, status: 'training', prepare: 1 }));
      const result = await trainSoundClassifier(
        { labels, spectrograms, classes: all.map((a) => a.k) },
        project.settings,
        {},
        {
          signal: controller.signal,
          onEpochEnd: (epoch, logs) =>
            setTrain((s) => ({
              ...s,
              epoch: epoch + 1,
              history: {
                loss: [...s.history.loss, logs.loss],
                acc: logs.acc === undefined ? s.history.acc : [...s.history.acc, logs.acc],
                valLoss:
                  logs.valLoss === undefined ? s.history.valLoss : [...s.history.valLoss, logs.valLoss],
                valAcc: logs.valAcc === undefined ? s.history.valAcc : [...s.history.valAcc, logs.valAcc],
              },
            })),
        },
      );
      setClassifier(result.classifier);
      await saveModelToDb(result.classifier.model, SOUND_MODEL_KEY, result.classifier.metadata());
      setProject((p) => p && { ...p, trainedRevision: revision });
      setTrain((s) => ({
        ...s,
        status: result.training.cancelled ? 'cancelled' : 'done',
        confusion: result.confusion,
        valAcc: result.validationAccuracy,
      }));
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError')
        setTrain((s) => ({ ...s, status: 'cancelled' }));
      else {
        // tfjs's WASM backend has no gradient kernels for convolutions.
        const message = /not registered for backend 'wasm'/.test(errorText(e))
          ? t('sound.train.wasm')
          : errorText(e);
        setTrain((s) => ({ ...s, status: 'error', error: message }));
      }
    } finally {
      abortRef.current = null;
    }
  }, [project, blocker, whenReady, setClassifier, setProject, t]);

  // Live recognition
  const [listening, setListening] = useState(false);
  const [probs, setProbs] = useState<number[] | null>(null);
  const stopListenRef = useRef<(() => void) | null>(null);

  const stopListening = useCallback(() => {
    stopListenRef.current?.();
    stopListenRef.current = null;
    setListening(false);
  }, []);
  useEffect(() => stopListening, [stopListening]);

  const startListening = useCallback(async () => {
    const c = classifierRef.current;
    if (!c) return;
    if (!mic.running && !(await startMic(deviceId))) return;
    await whenReady();
    const stream = new StreamingLogMel(FRAMES_PER_EXAMPLE, c.spectrogramConfig);
    let since = 0;
    let busy = false;
    const off = mic.onChunk((chunk) => {
      stream.push(chunk);
      since += chunk.length;
      if (since < LISTEN_HOP || busy) return;
      const spec = stream.latest();
      const model = classifierRef.current;
      if (!spec || !model) return;
      since = 0;
      busy = true;
      model
        .predictSpectrograms([spec])
        .then((p) => setProbs(p[0]!))
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    });
    stopListenRef.current = off;
    setListening(true);
  }, [mic, startMic, deviceId, whenReady]);

  // A new model (trained or imported) restarts listening with its labels.
  useEffect(() => {
    setProbs(null);
  }, [classifier]);

  // Files
  const [fileNotice, setFileNotice] = useState<Notice | null>(null);
  const exportProject = useCallback(async () => {
    const c = classifierRef.current;
    if (!c || !project) return;
    const zip = await exportSoundProject(c, project.classes);
    downloadFile(zip, 'sound-model.zip', 'application/zip');
  }, [project]);

  const importFiles = useCallback(
    async (files: File[]) => {
      setFileNotice(null);
      try {
        await whenReady();
        const named = await Promise.all(files.map(readNamedBytes));
        const imported = await importSoundProject(named);
        stopListening();
        specCache.current.clear();
        setClassifier(imported.classifier);
        await saveModelToDb(imported.classifier.model, SOUND_MODEL_KEY, imported.classifier.metadata());
        setProject(
          (p) =>
            p && {
              ...p,
              classes: imported.classes,
              revision: p.revision + 1,
              trainedRevision: p.revision + 1,
            },
        );
        setTrain(IDLE);
        setFileNotice({
          kind: 'success',
          text: t('sound.files.imported', { labels: imported.classifier.labels.join(', ') }),
        });
      } catch (e) {
        setFileNotice({ kind: 'error', text: t('sound.files.importFailed', { message: errorText(e) }) });
      }
    },
    [whenReady, stopListening, setClassifier, setProject, t],
  );

  const resetAll = useCallback(async () => {
    if (!window.confirm(t('sound.files.resetConfirm'))) return;
    stopListening();
    setClassifier(null);
    specCache.current.clear();
    await Promise.all([
      deleteProject(SOUND_PROJECT_KEY),
      deleteModelFromDb(SOUND_MODEL_KEY).catch(() => undefined),
    ]);
    setProject(makeEmpty());
    setTrain(IDLE);
  }, [t, stopListening, setClassifier, setProject, makeEmpty]);

  if (!project) return <ProgressBar value={null} label={t('sound.loadingProject')} />;

  const busy = recording !== null || upload !== null || training;
  const labels = classifier?.labels ?? [];
  const backgroundLabel = classes.find((c) => c.background)?.name;
  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  const fired =
    probs && best >= 0 && probs[best]! >= project.threshold && labels[best] !== backgroundLabel
      ? labels[best]!
      : null;
  const stale =
    classifier !== null && project.trainedRevision !== null && project.trainedRevision !== project.revision;
  const settings = project.settings;
  const setSettings = (s: Partial<SoundSettings>) =>
    setProject((p) => p && { ...p, settings: { ...p.settings, ...s } });

  return (
    <div className="space-y-8">
      <section aria-labelledby="mic-heading" className="space-y-3 rounded-2xl bg-slate-50 p-4">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="mic-heading" className="mr-auto text-xl font-semibold">
            {t('sound.mic.heading')}
          </h2>
          {devices.length > 1 && (
            <label className="flex items-center gap-2 text-sm">
              {t('sound.mic.input')}
              <select
                value={deviceId}
                onChange={(e) => {
                  setDeviceId(e.target.value);
                  void startMic(e.target.value);
                }}
                className="rounded-lg border border-slate-300 bg-white px-2 py-1"
              >
                {devices.map((d, i) => (
                  <option key={d.deviceId || i} value={d.deviceId}>
                    {d.label || `${t('sound.mic.defaultInput')} ${i + 1}`}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="flex items-center gap-2 text-sm">
            {t('sound.record.seconds')}
            <select
              value={recordSeconds}
              onChange={(e) => setRecordSeconds(Number(e.target.value))}
              className="rounded-lg border border-slate-300 bg-white px-2 py-1"
            >
              {RECORD_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s} s
                </option>
              ))}
            </select>
          </label>
          <Button
            variant={micOn ? 'secondary' : 'primary'}
            onClick={() => void (micOn ? stopMic() : startMic(deviceId))}
            disabled={busy || listening}
          >
            {micOn ? t('sound.mic.stop') : t('sound.mic.start')}
          </Button>
        </div>
        {micError && <Alert kind="error">{micError}</Alert>}
        <LiveSpectrogram
          mic={mic}
          active={micOn}
          label={t('sound.mic.spectrogram')}
          levelLabel={t('sound.mic.level')}
        />
        <p className="text-xs text-slate-500">{t('sound.mic.spectrogram')}</p>
      </section>

      <section aria-labelledby="classes-heading" className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="classes-heading" className="mr-auto text-xl font-semibold">
            {t('sound.classes.heading')}
          </h2>
          <span className="text-xs text-slate-500" aria-live="polite" data-testid="save-status">
            {saving ? t('sound.files.saving') : t('sound.files.saved')}
          </span>
        </div>
        {notices.map((n, i) => (
          <Alert
            key={i}
            kind={n.kind}
            onDismiss={() => setNotices((all) => all.filter((_, j) => j !== i))}
            dismissLabel={t('ui.close')}
          >
            {n.text}
          </Alert>
        ))}
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {classes.map((c, i) => (
            <SoundClassCard
              key={c.id}
              cls={c}
              color={COLORS[i % COLORS.length]!}
              minExamples={MIN_EXAMPLES}
              recordSeconds={recordSeconds}
              recordingLeft={recording?.classId === c.id ? recording.left : null}
              upload={upload?.classId === c.id ? upload : null}
              busy={busy || listening}
              canDelete={!c.background && classes.length > 2}
              onRename={(name) =>
                setProject(
                  (p) => p && { ...p, classes: p.classes.map((x) => (x.id === c.id ? { ...x, name } : x)) },
                )
              }
              onDelete={() =>
                setProject(
                  (p) =>
                    p && { ...p, revision: p.revision + 1, classes: p.classes.filter((x) => x.id !== c.id) },
                )
              }
              onClear={() => updateClass(c.id, (x) => ({ ...x, examples: [] }))}
              onRecord={() => void record(c.id)}
              onFiles={(files) => void uploadFiles(c, files)}
              onDeleteExample={(id) =>
                updateClass(c.id, (x) => ({ ...x, examples: x.examples.filter((e) => e.id !== id) }))
              }
            />
          ))}
        </div>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() =>
            setProject(
              (p) =>
                p && {
                  ...p,
                  revision: p.revision + 1,
                  classes: [
                    ...p.classes,
                    {
                      id: newId(),
                      name: t('sound.classes.defaultName', { n: p.classes.length }),
                      background: false,
                      examples: [],
                    },
                  ],
                },
            )
          }
        >
          + {t('sound.classes.add')}
        </Button>
      </section>

      <section aria-labelledby="train-heading" className="space-y-4 rounded-2xl bg-slate-50 p-4">
        <h2 id="train-heading" className="text-xl font-semibold">
          {t('sound.train.heading')}
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            size="lg"
            onClick={() => void startTraining()}
            disabled={busy || listening || blocker !== null}
            data-testid="train-button"
          >
            {t('sound.train.button')}
          </Button>
          {training && (
            <Button variant="danger" onClick={() => abortRef.current?.abort()}>
              {t('sound.train.cancel')}
            </Button>
          )}
        </div>
        {blocker && <p className="text-sm text-amber-800">{blocker}</p>}
        {train.status === 'preparing' && (
          <ProgressBar value={train.prepare} label={t('sound.train.preparing')} />
        )}
        {train.status === 'training' && (
          <ProgressBar
            value={train.epochs ? train.epoch / train.epochs : null}
            label={t('sound.train.progress')}
            detail={t('sound.train.epoch', { epoch: train.epoch, epochs: train.epochs })}
          />
        )}
        <div data-testid="train-status" data-status={train.status}>
          {train.status === 'done' && (
            <Alert kind="success">
              {train.valAcc === null
                ? t('sound.train.doneNoVal')
                : t('sound.train.done', { acc: `${Math.round(train.valAcc * 100)}%` })}
            </Alert>
          )}
          {train.status === 'cancelled' && <Alert kind="warning">{t('sound.train.cancelled')}</Alert>}
          {train.status === 'error' && (
            <Alert kind="error">{t('sound.train.failed', { message: train.error ?? '' })}</Alert>
          )}
          {stale && !training && <Alert kind="info">{t('sound.train.stale')}</Alert>}
        </div>
        <details className="rounded-xl border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-medium">{t('sound.hood.heading')}</summary>
          <div className="mt-3 space-y-4 text-sm text-slate-700">
            <p>{t('sound.hood.features')}</p>
            <p>{t('sound.hood.model')}</p>
            <div className="grid gap-4 md:grid-cols-3">
              <Slider
                label={t('sound.hood.epochs')}
                hint={t('sound.hood.epochsHint')}
                value={settings.epochs}
                min={5}
                max={100}
                step={5}
                disabled={training}
                onChange={(epochs) => setSettings({ epochs })}
              />
              <Slider
                label={t('sound.hood.learningRate')}
                hint={t('sound.hood.learningRateHint')}
                value={settings.learningRate}
                min={0.0001}
                max={0.01}
                log
                disabled={training}
                onChange={(learningRate) => setSettings({ learningRate })}
              />
              <Slider
                label={t('sound.hood.batchSize')}
                hint={t('sound.hood.batchSizeHint')}
                value={settings.batchSize}
                min={4}
                max={64}
                step={4}
                disabled={training}
                onChange={(batchSize) => setSettings({ batchSize })}
              />
            </div>
            <Button
              variant="ghost"
              size="sm"
              disabled={training}
              onClick={() => setSettings(DEFAULT_SETTINGS)}
            >
              {t('sound.hood.reset')}
            </Button>
            {train.history.loss.length > 0 && (
              <div>
                <h3 className="font-medium">{t('sound.hood.curves')}</h3>
                <TrainingCurves history={train.history} />
              </div>
            )}
            {train.confusion && train.labels.length > 0 && (
              <ConfusionMatrix
                labels={train.labels}
                matrix={train.confusion}
                title={t('sound.hood.confusion')}
                trueLabel={t('sound.hood.true')}
                predictedLabel={t('sound.hood.predicted')}
              />
            )}
            {summary && (
              <div>
                <h3 className="font-medium">{t('sound.hood.summary')}</h3>
                <ModelSummaryTable
                  rows={summary.rows}
                  totalText={t('sound.hood.total', { n: summary.total.toLocaleString() })}
                  layerHeader={t('sound.hood.layer')}
                  outputHeader={t('sound.hood.output')}
                  paramsHeader={t('sound.hood.params')}
                />
              </div>
            )}
          </div>
        </details>
      </section>

      <section aria-labelledby="listen-heading" className="space-y-4 rounded-2xl bg-slate-50 p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="listen-heading" className="mr-auto text-xl font-semibold">
            {t('sound.listen.heading')}
          </h2>
          <Button
            onClick={() => void (listening ? stopListening() : startListening())}
            disabled={!classifier || training || recording !== null}
            variant={listening ? 'secondary' : 'primary'}
          >
            {listening ? t('sound.listen.stop') : t('sound.listen.start')}
          </Button>
        </div>
        {!classifier && <p className="text-sm text-slate-600">{t('sound.listen.needModel')}</p>}
        {classifier && (
          <>
            <p className="text-sm text-slate-600">{t('sound.listen.explain')}</p>
            <div
              className="rounded-xl bg-white p-4 text-center text-2xl font-bold"
              aria-live="polite"
              data-testid="heard"
              data-label={fired ?? ''}
            >
              {fired ? t('sound.listen.heard', { label: fired }) : t('sound.listen.nothing')}
            </div>
            <ConfidenceBars
              title={t('sound.listen.bars')}
              labels={labels}
              values={probs ?? labels.map(() => 0)}
              colors={labels.map((_, i) => COLORS[i % COLORS.length]!)}
            />
            <Slider
              label={t('sound.listen.threshold')}
              hint={t('sound.listen.thresholdHint')}
              value={project.threshold}
              min={0.5}
              max={0.99}
              step={0.01}
              format={(v) => `${Math.round(v * 100)}%`}
              onChange={(threshold) => setProject((p) => p && { ...p, threshold })}
            />
          </>
        )}
      </section>

      <section aria-labelledby="files-heading" className="space-y-3 rounded-2xl bg-slate-50 p-4">
        <h2 id="files-heading" className="text-xl font-semibold">
          {t('sound.files.heading')}
        </h2>
        {fileNotice && <Alert kind={fileNotice.kind}>{fileNotice.text}</Alert>}
        <div className="flex flex-wrap items-start gap-3">
          <Button variant="secondary" disabled={!classifier || busy} onClick={() => void exportProject()}>
            {t('sound.files.export')}
          </Button>
          <div className="min-w-64 flex-1">
            <FileDrop
              accept=".zip,.json,.bin"
              label={t('sound.files.import')}
              disabled={busy}
              onFiles={(f) => void importFiles(f)}
              inputTestId="import-model"
            />
          </div>
          <Button variant="danger" disabled={busy} onClick={() => void resetAll()}>
            {t('sound.files.reset')}
          </Button>
        </div>
      </section>
    </div>
  );
}
