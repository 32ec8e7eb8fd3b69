'use client';
// Style transfer panel: a photo, a painting, and an optimisation that repaints the photo in the painting's style.
import { useCallback, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { downloadFile } from '@/components/media/download';
import { Alert, Button, LineChart } from '@/components/ui';
import { styleSettingsSchema } from '@/lib/files';
import { DEFAULT_STYLE_CONFIG, type StyleLossParts, type VisionBackbone } from '@/lib/vision';

import {
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

interface StyleSettings {
  contentWeight: number;
  styleWeight: number;
  tvWeight: number;
  iterations: number;
  keepColours: boolean;
  size: number;
}

const STYLE_SLIDERS: SettingSlider<'styleWeight' | 'contentWeight' | 'tvWeight' | 'iterations'>[] = [
  { setting: 'styleWeight', message: 'dream.style.styleWeight', min: 0.1, max: 1000, log: true },
  { setting: 'contentWeight', message: 'dream.style.contentWeight', min: 0, max: 10, step: 0.1, decimals: 1 },
  { setting: 'tvWeight', message: 'dream.style.tvWeight', min: 0, max: 100 },
  { setting: 'iterations', message: 'dream.style.iterations', min: 1, max: 300 },
];
const DEFAULT_SETTINGS: StyleSettings = {
  contentWeight: DEFAULT_STYLE_CONFIG.contentWeight,
  styleWeight: DEFAULT_STYLE_CONFIG.styleWeight,
  tvWeight: DEFAULT_STYLE_CONFIG.tvWeight,
  iterations: DEFAULT_STYLE_CONFIG.iterations,
  keepColours: false,
  size: 256,
};
const SETTINGS_SCHEMA = styleSettingsSchema(DEFAULT_SETTINGS);

/** Props: the loaded backbone (null while loading) and the running backend's name. */
export function StylePanel({
  backbone,
  backend,
}: {
  backbone: VisionBackbone | null;
  backend: string | null;
}) {
  const t = useT();
  const gpu = backend === 'webgl' || backend === 'webgpu';
  const [settings, setSettings, restored] = usePersistedState<StyleSettings>(
    'dream.style.settings',
    DEFAULT_SETTINGS,
    SETTINGS_SCHEMA,
  );
  const [content, setContent] = useState<PickedImage | null>(null);
  const [style, setStyle] = useState<PickedImage | null>(null);
  const [hasResult, setHasResult] = useState(false);
  const [iteration, setIteration] = useState<{ i: number; n: number } | null>(null);
  const [losses, setLosses] = useState<StyleLossParts[]>([]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const picture = usePictureRun();
  const { running, outcome, scaledNote, setOutcome } = picture;
  const set = <K extends keyof StyleSettings>(k: K, v: StyleSettings[K]) =>
    setSettings({ ...settings, [k]: v });

  const pickContent = (img: PickedImage) => {
    setContent(img);
    setHasResult(false);
    setOutcome(null);
    if (canvas.current) copyCanvas(canvas.current, img.canvas);
  };

  const run = useCallback(
    async (size: number) => {
      const target = canvas.current;
      if (!backbone || !target || !content || !style) return;
      setLosses([]);
      setIteration({ i: 0, n: settings.iterations });
      await picture.run(content, size, target, async ({ vision, tf, work, signal }) => {
        // The style picture is brought near the output size here; the library matches it exactly.
        const styleFit = vision.fitSize(
          style.canvas.width,
          style.canvas.height,
          Math.max(work.width, work.height),
        );
        const styleWork = resizeCanvas(style.canvas, styleFit.width, styleFit.height);
        const contentT = vision.rgbaToTensor(canvasRgba(work), work.width, work.height);
        const styleT = vision.rgbaToTensor(canvasRgba(styleWork), styleWork.width, styleWork.height);
        try {
          const result = await vision.styleTransfer(
            backbone,
            contentT,
            styleT,
            {
              contentWeight: settings.contentWeight,
              styleWeight: settings.styleWeight,
              tvWeight: settings.tvWeight,
              iterations: settings.iterations,
              keepColours: settings.keepColours,
            },
            {
              signal,
              onIteration: async (p) => {
                setIteration({ i: p.iteration, n: p.iterations });
                setLosses((l) => [...l, p.loss]);
                await drawTensor(target, p.image);
                await tf.nextFrame();
              },
            },
          );
          await drawTensor(target, result.image);
          result.image.dispose();
          setHasResult(true);
          return { cancelled: result.cancelled, steps: result.iterationsDone };
        } finally {
          contentT.dispose();
          styleT.dispose();
        }
      });
    },
    [backbone, content, style, settings, picture],
  );

  const download = async () => {
    if (!canvas.current) return;
    downloadFile(await canvasToPng(canvas.current), `style-${content?.name ?? 'picture'}.png`, 'image/png');
  };

  const last = losses[losses.length - 1];
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className="space-y-4">
        <ImageSource
          title={t('dream.style.content')}
          value={content}
          onChange={pickContent}
          builtins={['landscape']}
          disabled={running}
          testId="style-content"
        />
        <ImageSource
          title={t('dream.style.style')}
          value={style}
          onChange={setStyle}
          builtins={['swirls', 'mosaic', 'waves']}
          disabled={running}
          testId="style-style"
        />
        <fieldset
          className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4"
          disabled={running || !restored}
        >
          <legend className="px-1 font-semibold">{t('dream.tab.style')}</legend>
          <SettingSliders sliders={STYLE_SLIDERS} values={settings} onChange={set} />
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1 h-4 w-4 accent-indigo-600"
              checked={settings.keepColours}
              data-testid="style-keep-colours"
              onChange={(e) => set('keepColours', e.target.checked)}
            />
            <span>{t('dream.style.keepColours')}</span>
          </label>
          <SizeSelect
            value={settings.size}
            onChange={(v) => set('size', v)}
            gpu={gpu}
            backend={backend}
            testId="style-size"
          />
        </fieldset>
      </div>
      <div className="space-y-3 self-start lg:sticky lg:top-4">
        <ResultView
          ref={canvas}
          label={t('dream.canvas')}
          testId="style-canvas"
          progress={running && iteration ? iteration.i / iteration.n : null}
          progressLabel={t('dream.style.progress')}
          progressDetail={iteration ? t('dream.style.progress.detail', iteration) : undefined}
        >
          {last && (
            <p className="text-sm text-slate-700" data-testid="style-loss">
              {t('dream.style.loss', {
                total: last.total.toPrecision(3),
                content: last.content.toPrecision(3),
                style: last.style.toPrecision(3),
                tv: last.tv.toPrecision(3),
              })}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {running ? (
              <Button variant="danger" onClick={picture.cancel} data-testid="style-cancel">
                {t('dream.cancel')}
              </Button>
            ) : (
              <Button
                onClick={() => void run(settings.size)}
                disabled={!backbone || !content || !style}
                data-testid="style-start"
              >
                {t('dream.style.start')}
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => void download()}
              disabled={running || !hasResult}
              data-testid="style-download"
            >
              {t('dream.download')}
            </Button>
          </div>
        </ResultView>
        {losses.length > 0 && (
          <LineChart
            title={t('dream.style.lossChart')}
            xLabel={t('dream.style.iterations')}
            emptyText=""
            series={[
              { label: t('dream.style.series.style'), values: losses.map((l) => l.style), color: '#db2777' },
              {
                label: t('dream.style.series.content'),
                values: losses.map((l) => l.content),
                color: '#4f46e5',
              },
              {
                label: t('dream.style.series.tv'),
                values: losses.map((l) => l.tv),
                color: '#059669',
                dashed: true,
              },
            ]}
          />
        )}
        <p className="text-sm text-slate-600">{t('dream.style.explain')}</p>
        {!backbone && <Alert kind="info">{t('dream.loadingModel')}</Alert>}
        {scaledNote && <Alert kind="info">{scaledNote}</Alert>}
        <OutcomeAlert
          outcome={outcome}
          doneKey="dream.style.done"
          onRetry={(s) => {
            set('size', s);
            void run(s);
          }}
        />
      </div>
    </div>
  );
}
