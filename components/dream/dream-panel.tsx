'use client';
// Deep dream panel: choose a picture and a layer, then watch the picture grow what the network sees.
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { downloadFile } from '@/components/media/download';
import { Alert, Button, Slider } from '@/components/ui';
import { loadProject, saveProject } from '@/lib/persist';
import type { MessageKey } from '@/lib/i18n';
import {
  DEFAULT_DREAM_CONFIG,
  DREAM_LAYERS,
  OUTPUT_SIZES,
  type DreamConfig,
  type DreamLayerId,
  type VisionBackbone,
} from '@/lib/vision';

import {
  canvasFromBlob,
  canvasRgba,
  canvasToPng,
  copyCanvas,
  drawTensor,
  resizeCanvas,
  type PickedImage,
} from './canvas-utils';
import { ImageSource } from './image-source';
import { ResultView } from './result-view';
import { usePersistedState } from './use-persisted';

type DreamSettings = Omit<DreamConfig, 'tileSize' | 'seed'> & { size: number };

interface Progress {
  octave: number;
  octaves: number;
  done: number;
  total: number;
  score: number;
}

interface Outcome {
  kind: 'done' | 'cancelled' | 'error' | 'oom';
  seconds?: number;
  msPerStep?: number;
  message?: string;
  smaller?: number;
  size?: number;
}

/** Props: the loaded backbone (null while loading) and the running backend's name. */
export function DreamPanel({
  backbone,
  backend,
}: {
  backbone: VisionBackbone | null;
  backend: string | null;
}) {
  const t = useT();
  const gpu = backend === 'webgl' || backend === 'webgpu';
  const [settings, setSettings, restored] = usePersistedState<DreamSettings>('dream.settings', {
    ...DEFAULT_DREAM_CONFIG,
    size: 256,
  });
  const [source, setSource] = useState<PickedImage | null>(null);
  const [original, setOriginal] = useState<PickedImage | null>(null);
  const [hasResult, setHasResult] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [scaledNote, setScaledNote] = useState<string | null>(null);
  const [restoredNote, setRestoredNote] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const abort = useRef<AbortController | null>(null);

  const set = <K extends keyof DreamSettings>(k: K, v: DreamSettings[K]) =>
    setSettings({ ...settings, [k]: v });
  const layer = DREAM_LAYERS.find((l) => l.id === settings.layer) ?? DREAM_LAYERS[1];

  // Restore the last pictures once.
  useEffect(() => {
    let cancelled = false;
    loadProject<{ source: Blob; result?: Blob; name: string }>('dream.pictures')
      .then(async (saved) => {
        if (!saved || cancelled) return;
        const src = await canvasFromBlob(saved.source, saved.name);
        if (cancelled) return;
        setSource(src);
        setOriginal(src);
        if (saved.result && canvas.current) {
          copyCanvas(canvas.current, (await canvasFromBlob(saved.result, saved.name)).canvas);
          setHasResult(true);
        } else if (canvas.current) copyCanvas(canvas.current, src.canvas);
        setRestoredNote(true);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  // Stop a running dream when the panel goes away.
  useEffect(() => () => abort.current?.abort(), []);

  const pick = (img: PickedImage) => {
    setSource(img);
    setOriginal(img);
    setHasResult(false);
    setOutcome(null);
    setRestoredNote(false);
    if (canvas.current) copyCanvas(canvas.current, img.canvas);
  };

  const run = useCallback(
    async (input: PickedImage, size: number) => {
      if (!backbone || !canvas.current) return;
      const [vision, tf] = await Promise.all([import('@/lib/vision'), import('@tensorflow/tfjs')]);
      const fitted = vision.fitSize(input.canvas.width, input.canvas.height, size);
      setScaledNote(
        fitted.scaled && !input.builtin
          ? t('dream.source.scaled', {
              w: input.canvas.width,
              h: input.canvas.height,
              ow: fitted.width,
              oh: fitted.height,
            })
          : null,
      );
      const work = resizeCanvas(input.canvas, fitted.width, fitted.height);
      const target = canvas.current;
      copyCanvas(target, work);
      const ctrl = new AbortController();
      abort.current = ctrl;
      setRunning(true);
      setOutcome(null);
      setProgress(null);
      const started = performance.now();
      const image = vision.rgbaToTensor(canvasRgba(work), fitted.width, fitted.height);
      try {
        const result = await vision.deepDream(
          backbone,
          image,
          { ...settings, tileSize: gpu ? 512 : 256, seed: Math.floor(Math.random() * 2 ** 31) },
          {
            signal: ctrl.signal,
            onStep: async (p) => {
              setProgress({
                octave: p.octave,
                octaves: p.octaves,
                done: p.done,
                total: p.total,
                score: p.score,
              });
              await drawTensor(target, p.image);
              // Let the browser paint and handle the Stop button between steps.
              await tf.nextFrame();
            },
          },
        );
        await drawTensor(target, result.image);
        result.image.dispose();
        const seconds = (performance.now() - started) / 1000;
        setHasResult(true);
        setOutcome({
          kind: result.cancelled ? 'cancelled' : 'done',
          seconds,
          msPerStep: result.stepsDone ? (seconds * 1000) / result.stepsDone : 0,
        });
        void Promise.all([canvasToPng(input.canvas), canvasToPng(target)])
          .then(([s, r]) => saveProject('dream.pictures', { source: s, result: r, name: input.name }))
          .catch(() => undefined);
      } catch (e) {
        if (vision.isOutOfMemoryError(e)) {
          const smaller = [...OUTPUT_SIZES].reverse().find((s) => s < Math.max(fitted.width, fitted.height));
          setOutcome({ kind: 'oom', smaller, size: Math.max(fitted.width, fitted.height) });
        } else setOutcome({ kind: 'error', message: errorTextNow(e) });
      } finally {
        image.dispose();
        setRunning(false);
        abort.current = null;
      }
    },
    [backbone, gpu, settings, t],
  );

  const download = async () => {
    if (!canvas.current) return;
    downloadFile(await canvasToPng(canvas.current), `dream-${source?.name ?? 'picture'}.png`, 'image/png');
  };

  const again = () => {
    if (!canvas.current) return;
    const copy = resizeCanvas(canvas.current, canvas.current.width, canvas.current.height);
    const next = { canvas: copy, name: source?.name ?? 'dream' };
    setSource(next);
    void run(next, settings.size);
  };

  const pct = running ? (progress ? progress.done / progress.total : 0) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className="space-y-4">
        <ImageSource
          title={t('dream.source.title')}
          value={original}
          onChange={pick}
          builtins={['landscape', 'swirls', 'mosaic', 'waves']}
          disabled={running}
          testId="dream-source"
        />
        <fieldset
          className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4"
          disabled={running || !restored}
        >
          <legend className="px-1 font-semibold">{t('dream.layer')}</legend>
          <label className="block space-y-1 text-sm">
            <span className="font-medium">{t('dream.layer')}</span>
            <select
              className="w-full rounded-lg border border-slate-300 px-2 py-2"
              value={settings.layer}
              data-testid="dream-layer"
              onChange={(e) =>
                setSettings({ ...settings, layer: e.target.value as DreamLayerId, channel: null })
              }
            >
              {DREAM_LAYERS.map((l) => (
                <option key={l.id} value={l.id}>
                  {t(`dream.layer.${l.id}` as MessageKey)}
                </option>
              ))}
            </select>
            <span className="block text-xs text-slate-500">{t('dream.layer.hint')}</span>
          </label>
          <label className="block space-y-1 text-sm">
            <span className="font-medium">{t('dream.channel')}</span>
            <select
              className="w-full rounded-lg border border-slate-300 px-2 py-2"
              value={settings.channel === null ? '' : String(settings.channel)}
              onChange={(e) => set('channel', e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{t('dream.channel.all')}</option>
              {Array.from({ length: layer.channels }, (_, i) => (
                <option key={i} value={i}>
                  {t('dream.channel.number', { n: i })}
                </option>
              ))}
            </select>
            <span className="block text-xs text-slate-500">{t('dream.channel.hint')}</span>
          </label>
          <Slider
            label={t('dream.octaves')}
            hint={t('dream.octaves.hint')}
            value={settings.octaves}
            min={1}
            max={6}
            onChange={(v) => set('octaves', v)}
          />
          <Slider
            label={t('dream.octaveScale')}
            hint={t('dream.octaveScale.hint')}
            value={settings.octaveScale}
            min={1.1}
            max={2}
            step={0.1}
            format={(v) => `×${v.toFixed(1)}`}
            onChange={(v) => set('octaveScale', Number(v.toFixed(1)))}
          />
          <Slider
            label={t('dream.steps')}
            hint={t('dream.steps.hint')}
            value={settings.stepsPerOctave}
            min={1}
            max={50}
            onChange={(v) => set('stepsPerOctave', v)}
          />
          <Slider
            label={t('dream.stepSize')}
            hint={t('dream.stepSize.hint')}
            value={settings.stepSize}
            min={0.5}
            max={10}
            step={0.5}
            onChange={(v) => set('stepSize', v)}
          />
          <Slider
            label={t('dream.jitter')}
            hint={t('dream.jitter.hint')}
            value={settings.jitter}
            min={0}
            max={64}
            format={(v) => `${v} px`}
            onChange={(v) => set('jitter', v)}
          />
          <Slider
            label={t('dream.strength')}
            hint={t('dream.strength.hint')}
            value={settings.strength}
            min={0}
            max={1}
            step={0.05}
            format={(v) => `${Math.round(v * 100)}%`}
            onChange={(v) => set('strength', Number(v.toFixed(2)))}
          />
          <SizeSelect
            value={settings.size}
            onChange={(v) => set('size', v)}
            gpu={gpu}
            backend={backend}
            testId="dream-size"
          />
        </fieldset>
      </div>
      <div className="space-y-3 self-start lg:sticky lg:top-4">
        <ResultView
          ref={canvas}
          label={t('dream.canvas')}
          testId="dream-canvas"
          progress={pct}
          progressLabel={t('dream.progress')}
          progressDetail={progress ? t('dream.progress.detail', { ...progress }) : undefined}
        >
          {progress && (
            <p className="text-sm text-slate-700">
              {t('dream.score', { score: progress.score.toPrecision(3) })}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {running ? (
              <Button variant="danger" onClick={() => abort.current?.abort()} data-testid="dream-cancel">
                {t('dream.cancel')}
              </Button>
            ) : (
              <Button
                onClick={() => source && void run(source, settings.size)}
                disabled={!backbone || !source}
                data-testid="dream-start"
              >
                {t('dream.start')}
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={again}
              disabled={running || !hasResult || !backbone}
              data-testid="dream-again"
            >
              {t('dream.again')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => void download()}
              disabled={running || !hasResult}
              data-testid="dream-download"
            >
              {t('dream.download')}
            </Button>
            <Button
              variant="ghost"
              onClick={() => original && pick(original)}
              disabled={running || !original || !hasResult}
            >
              {t('dream.reset')}
            </Button>
          </div>
        </ResultView>
        {!backbone && <Alert kind="info">{t('dream.loadingModel')}</Alert>}
        {restoredNote && <Alert kind="info">{t('dream.restored')}</Alert>}
        {scaledNote && <Alert kind="info">{scaledNote}</Alert>}
        <OutcomeAlert
          outcome={outcome}
          doneKey="dream.done"
          onRetry={(s) => {
            set('size', s);
            if (source) void run(source, s);
          }}
        />
      </div>
    </div>
  );
}

/** The output-size chooser, with a warning on engines without a graphics card. */
export function SizeSelect({
  value,
  onChange,
  gpu,
  backend,
  testId,
}: {
  value: number;
  onChange: (v: number) => void;
  gpu: boolean;
  backend: string | null;
  testId: string;
}) {
  const t = useT();
  return (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{t('dream.size')}</span>
      <select
        className="w-full rounded-lg border border-slate-300 px-2 py-2"
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {OUTPUT_SIZES.map((s) => (
          <option key={s} value={s}>
            {s} px
          </option>
        ))}
      </select>
      <span className="block text-xs text-slate-500">{t('dream.size.hint')}</span>
      {!gpu && backend && value > 256 && (
        <span className="block text-xs text-amber-700">{t('dream.size.slow', { backend })}</span>
      )}
    </label>
  );
}

/** What happened at the end of a run: timing, cancel note, or an error with a smaller-size retry. */
export function OutcomeAlert({
  outcome,
  doneKey,
  onRetry,
}: {
  outcome: Outcome | null;
  doneKey: MessageKey;
  onRetry: (size: number) => void;
}) {
  const t = useT();
  if (!outcome) return null;
  if (outcome.kind === 'done')
    return (
      <Alert kind="success">
        {t(doneKey, { seconds: (outcome.seconds ?? 0).toFixed(1), ms: Math.round(outcome.msPerStep ?? 0) })}
      </Alert>
    );
  if (outcome.kind === 'cancelled') return <Alert kind="info">{t('dream.cancelled')}</Alert>;
  if (outcome.kind === 'oom')
    return (
      <Alert kind="error">
        <p>{t('dream.oom', { size: outcome.size ?? '' })}</p>
        {outcome.smaller && (
          <Button size="sm" className="mt-2" onClick={() => onRetry(outcome.smaller!)}>
            {t('dream.oom.retry', { size: outcome.smaller })}
          </Button>
        )}
      </Alert>
    );
  return <Alert kind="error">{t('dream.failed', { message: outcome.message ?? '' })}</Alert>;
}

export type { Outcome };
