'use client';
// Deep dream panel: choose a picture and a layer, then watch the picture grow what the network sees.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { downloadFile } from '@/components/media/download';
import { useCanSave } from '@/components/storage';
import { Alert, Button, Select } from '@/components/ui';
import { dreamSettingsSchema } from '@/lib/files';
import { loadProject, saveProject } from '@/lib/persist';
import type { MessageKey } from '@/lib/i18n';
import { DEFAULT_DREAM_CONFIG, DREAM_LAYERS, type DreamConfig, type VisionBackbone } from '@/lib/vision';

import {
  canvasFromBlob,
  canvasRgba,
  canvasToPng,
  copyCanvas,
  drawTensor,
  resizeCanvas,
  type PickedImage,
} from './canvas-utils';
import { OutcomeAlert, SettingSliders, SizeSelect, type SettingSlider } from './dream-controls';
import { ImageSource } from './image-source';
import { ResultView } from './result-view';
import { usePersistedState } from './use-persisted';
import { usePictureRun } from './use-picture-run';

type DreamSettings = Omit<DreamConfig, 'tileSize' | 'seed'> & { size: number };

const DREAM_SLIDERS: SettingSlider<
  'octaves' | 'octaveScale' | 'stepsPerOctave' | 'stepSize' | 'jitter' | 'strength'
>[] = [
  { setting: 'octaves', message: 'dream.octaves', min: 1, max: 6 },
  {
    setting: 'octaveScale',
    message: 'dream.octaveScale',
    min: 1.1,
    max: 2,
    step: 0.1,
    decimals: 1,
    format: (v) => `×${v.toFixed(1)}`,
  },
  { setting: 'stepsPerOctave', message: 'dream.steps', min: 1, max: 50 },
  { setting: 'stepSize', message: 'dream.stepSize', min: 0.5, max: 10, step: 0.5 },
  { setting: 'jitter', message: 'dream.jitter', min: 0, max: 64, format: (v, t) => t('kids.px', { n: v }) },
  {
    setting: 'strength',
    message: 'dream.strength',
    min: 0,
    max: 1,
    step: 0.05,
    decimals: 2,
    format: (v) => `${Math.round(v * 100)}%`,
  },
];
const D = DEFAULT_DREAM_CONFIG;
const DEFAULT_SETTINGS: DreamSettings = {
  layer: D.layer,
  channel: D.channel,
  octaves: D.octaves,
  octaveScale: D.octaveScale,
  stepsPerOctave: D.stepsPerOctave,
  stepSize: D.stepSize,
  jitter: D.jitter,
  strength: D.strength,
  size: 256,
};
const SETTINGS_SCHEMA = dreamSettingsSchema(DEFAULT_SETTINGS);

interface Progress {
  octave: number;
  octaves: number;
  done: number;
  total: number;
  score: number;
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
  // A second tab of the studio dreams but keeps its pictures to itself.
  const canSave = useCanSave();
  const [settings, setSettings, restored] = usePersistedState<DreamSettings>(
    'dream.settings',
    DEFAULT_SETTINGS,
    SETTINGS_SCHEMA,
  );
  const [source, setSource] = useState<PickedImage | null>(null);
  const [original, setOriginal] = useState<PickedImage | null>(null);
  const [hasResult, setHasResult] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [restoredNote, setRestoredNote] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const picture = usePictureRun();
  const { running, outcome, scaledNote, setOutcome } = picture;

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
      const target = canvas.current;
      if (!backbone || !target) return;
      setProgress(null);
      await picture.run(input, size, target, async ({ vision, tf, work, signal }) => {
        const image = vision.rgbaToTensor(canvasRgba(work), work.width, work.height);
        try {
          const result = await vision.deepDream(
            backbone,
            image,
            { ...settings, tileSize: gpu ? 512 : 256, seed: Math.floor(Math.random() * 2 ** 31) },
            {
              signal,
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
          setHasResult(true);
          if (canSave)
            void Promise.all([canvasToPng(input.canvas), canvasToPng(target)])
              .then(([s, r]) => saveProject('dream.pictures', { source: s, result: r, name: input.name }))
              .catch(() => undefined);
          return { cancelled: result.cancelled, steps: result.stepsDone };
        } finally {
          image.dispose();
        }
      });
    },
    [backbone, gpu, settings, picture, canSave],
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
          <Select
            label={t('dream.layer')}
            value={settings.layer}
            data-testid="dream-layer"
            onChange={(layer) => setSettings({ ...settings, layer, channel: null })}
            options={DREAM_LAYERS.map((l) => ({
              value: l.id,
              label: t(`dream.layer.${l.id}` as MessageKey),
            }))}
            hint={t('dream.layer.hint')}
          />
          <Select
            label={t('dream.channel')}
            value={settings.channel === null ? '' : String(settings.channel)}
            onChange={(v) => set('channel', v === '' ? null : Number(v))}
            options={[
              { value: '', label: t('dream.channel.all') },
              ...Array.from({ length: layer.channels }, (_, i) => ({
                value: String(i),
                label: t('dream.channel.number', { n: i }),
              })),
            ]}
            hint={t('dream.channel.hint')}
          />
          <SettingSliders sliders={DREAM_SLIDERS} values={settings} onChange={set} />
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
              <Button variant="danger" onClick={picture.cancel} data-testid="dream-cancel">
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
