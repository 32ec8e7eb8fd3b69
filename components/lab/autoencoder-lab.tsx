'use client';
// Autoencoder lab: squeeze digits through a bottleneck, look at reconstructions and the code space,
// and use reconstruction error to spot digits that are not like the ones it learned.
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, Button, LineChart, Slider } from '@/components/ui';
import {
  DEFAULT_AUTOENCODER_CONFIG,
  DIGIT_PIXELS,
  DigitAutoencoder,
  anomalyReport,
  loadDigits,
  projectTo2d,
  selectDigits,
  type AnomalyReport,
  type AutoencoderLabConfig,
  type DigitsData,
} from '@/lib/lab';

import { loadProject, saveProject } from '@/lib/persist';

import { AnomalyPanel } from './anomaly-panel';
import { LatentWalk } from './latent-walk';
import { CLASS_COLORS, css } from './colors';
import { TableAutoencoderLab } from './table-autoencoder';

type Mode = 'all' | 'anomaly';
const PALETTE = [
  ...CLASS_COLORS,
  [100, 116, 139] as [number, number, number],
  [234, 179, 8] as [number, number, number],
];
/** Training images used in "all digits" mode: enough to learn, small enough for a laptop. */
const ALL_TRAIN = 2000;
const SHOW = 12;

function DigitImage({
  pixels,
  label,
  size = 48,
  testId,
}: {
  pixels: Float32Array;
  label: string;
  size?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < DIGIT_PIXELS; i++) {
      const v = Math.round(255 - Math.max(0, Math.min(1, pixels[i])) * 255);
      img.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={ref}
      width={28}
      height={28}
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
      className="rounded border border-slate-200"
      style={{ width: size, height: size, imageRendering: 'pixelated' }}
    />
  );
}

const DIGITS_SAVE_KEY = 'lab/autoencoder-digits';
interface SavedDigits {
  mode: Mode;
  normalDigit: number;
  config: AutoencoderLabConfig;
}

/** The digits half of the Autoencoder lab. */
function DigitsAutoencoder() {
  const t = useT();
  const { whenReady } = useBackend();
  const [data, setData] = useState<DigitsData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('all');
  const [normalDigit, setNormalDigit] = useState(1);
  const [config, setConfig] = useState<AutoencoderLabConfig>({ ...DEFAULT_AUTOENCODER_CONFIG });
  const [restored, setRestored] = useState(false);
  const [running, setRunning] = useState(false);
  const [losses, setLosses] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [trained, setTrained] = useState<{
    originals: Float32Array;
    reconstructions: Float32Array;
    map: { points: [number, number][]; labels: number[] };
    report: AnomalyReport | null;
    flaggedImages: Float32Array | null;
  } | null>(null);
  const [threshold, setThreshold] = useState(0);
  const [walk, setWalk] = useState<[number, number]>([0, 0]);
  const [walkImage, setWalkImage] = useState<Float32Array | null>(null);
  const model = useRef<DigitAutoencoder | null>(null);
  const toCode = useRef<((p: [number, number]) => number[]) | null>(null);
  const abort = useRef<AbortController | null>(null);
  const mapCanvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    loadDigits().then(setData, (e: unknown) => setLoadError(errorTextNow(e)));
    return () => {
      abort.current?.abort();
      model.current?.dispose();
    };
  }, []);

  // The settings are kept on this device, so a reload comes back to the same experiment.
  useEffect(() => {
    loadProject<SavedDigits>(DIGITS_SAVE_KEY)
      .then((s) => {
        if (!s) return;
        setMode(s.mode);
        setNormalDigit(s.normalDigit);
        setConfig({ ...DEFAULT_AUTOENCODER_CONFIG, ...s.config });
      })
      .catch(() => undefined)
      .finally(() => setRestored(true));
  }, []);
  useEffect(() => {
    if (restored)
      void saveProject<SavedDigits>(DIGITS_SAVE_KEY, { mode, normalDigit, config }).catch(() => undefined);
  }, [mode, normalDigit, config, restored]);

  const update = (patch: Partial<AutoencoderLabConfig>) => setConfig((c) => ({ ...c, ...patch }));

  const start = async () => {
    if (!data || running) return;
    setRunning(true);
    setError(null);
    setLosses([]);
    setTrained(null);
    const ac = new AbortController();
    abort.current = ac;
    try {
      await whenReady();
      model.current?.dispose();
      const ae = DigitAutoencoder.create(config);
      model.current = ae;
      const trainSet =
        mode === 'all'
          ? selectDigits(data.trainImages, data.trainLabels, () => true, ALL_TRAIN)
          : selectDigits(data.trainImages, data.trainLabels, (l) => l === normalDigit, 800);
      await ae.fit(trainSet.images, {
        signal: ac.signal,
        onEpochEnd: (_e, logs) => setLosses((l) => [...l, logs.loss]),
      });
      const test = selectDigits(data.testImages, data.testLabels, () => true, 600);
      const originals = test.images.subarray(0, SHOW * DIGIT_PIXELS);
      const proj = projectTo2d(ae.encode(test.images));
      toCode.current = proj.toCode;
      let report: AnomalyReport | null = null;
      let flaggedImages: Float32Array | null = null;
      if (mode === 'anomaly') {
        // Held-out test digits only: the normal digit vs all the others, 300 of each at most.
        const normal = selectDigits(data.testImages, data.testLabels, (l) => l === normalDigit, 300);
        const other = selectDigits(data.testImages, data.testLabels, (l) => l !== normalDigit, 300);
        report = anomalyReport(ae, normal.images, other.images);
        const all = new Float32Array(normal.images.length + other.images.length);
        all.set(normal.images);
        all.set(other.images, normal.images.length);
        flaggedImages = all;
        setThreshold(report.threshold);
      }
      setTrained({
        originals,
        reconstructions: ae.reconstruct(originals),
        map: { points: proj.points, labels: test.labels },
        report,
        flaggedImages,
      });
      setWalk([0, 0]);
    } catch (e) {
      setError(errorTextNow(e));
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  const bounds = useMemo(() => {
    if (!trained) return null;
    const xs = trained.map.points.map((p) => p[0]);
    const ys = trained.map.points.map((p) => p[1]);
    return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  }, [trained]);

  // Draw the latent map: one dot per test digit, coloured by its class.
  useEffect(() => {
    const c = mapCanvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !trained || !bounds) return;
    const S = c.width;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, S, S);
    trained.map.points.forEach(([px, py], i) => {
      ctx.fillStyle = css(PALETTE[trained.map.labels[i] % PALETTE.length]);
      ctx.globalAlpha = 0.75;
      ctx.beginPath();
      ctx.arc(
        ((px - bounds.x0) / (bounds.x1 - bounds.x0 || 1)) * (S - 8) + 4,
        S - 4 - ((py - bounds.y0) / (bounds.y1 - bounds.y0 || 1)) * (S - 8),
        3,
        0,
        2 * Math.PI,
      );
      ctx.fill();
    });
    ctx.globalAlpha = 1;
    const wx = ((walk[0] + 1) / 2) * (S - 8) + 4;
    const wy = S - 4 - ((walk[1] + 1) / 2) * (S - 8);
    ctx.strokeStyle = '#111827';
    ctx.lineWidth = 2;
    ctx.strokeRect(wx - 6, wy - 6, 12, 12);
  }, [trained, bounds, walk]);

  // Walk the latent space: decode the point under the marker.
  useEffect(() => {
    if (!trained || !bounds || !model.current || !toCode.current) return;
    const p: [number, number] = [
      bounds.x0 + ((walk[0] + 1) / 2) * (bounds.x1 - bounds.x0),
      bounds.y0 + ((walk[1] + 1) / 2) * (bounds.y1 - bounds.y0),
    ];
    try {
      setWalkImage(model.current.decode([toCode.current(p)]));
    } catch {
      setWalkImage(null);
    }
  }, [walk, trained, bounds]);

  const flagged = useMemo(() => {
    if (!trained?.report || !trained.flaggedImages) return [];
    return trained.report.scores
      .map((s, i) => ({ s, i }))
      .filter((e) => e.s >= threshold)
      .sort((a, b) => b.s - a.s)
      .slice(0, 16)
      .map((e) => ({
        ...e,
        anomalous: trained.report!.labels[e.i] === 1,
        pixels: trained.flaggedImages!.subarray(e.i * DIGIT_PIXELS, (e.i + 1) * DIGIT_PIXELS),
      }));
  }, [trained, threshold]);

  if (loadError) return <Alert kind="error">{loadError}</Alert>;
  if (!data) return <p className="text-slate-600">{t('lab.ae.loading')}</p>;

  return (
    <div className="space-y-4" data-testid="digits-autoencoder">
      {error && (
        <Alert kind="error" onDismiss={() => setError(null)} dismissLabel={t('lab.close')}>
          {error}
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <section
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="ae-setup"
        >
          <h2 id="ae-setup" className="font-semibold">
            {t('lab.ae.setup')}
          </h2>
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">{t('lab.ae.mode')}</legend>
            {(['all', 'anomaly'] as const).map((m) => (
              <label key={m} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="ae-mode"
                  checked={mode === m}
                  onChange={() => setMode(m)}
                  data-testid={`ae-mode-${m}`}
                />
                {t(`lab.ae.mode.${m}`)}
              </label>
            ))}
          </fieldset>
          {mode === 'anomaly' && (
            <div className="text-sm">
              <label htmlFor="ae-normal" className="font-medium">
                {t('lab.ae.normalDigit')}
              </label>
              <select
                id="ae-normal"
                className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5"
                value={normalDigit}
                onChange={(e) => setNormalDigit(Number(e.target.value))}
              >
                {Array.from({ length: 10 }, (_, d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">{t('lab.ae.kind')}</legend>
            {(['dense', 'conv'] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="ae-kind"
                  checked={config.kind === k}
                  onChange={() => update({ kind: k })}
                />
                {t(`lab.ae.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <Slider
            label={t('lab.ae.bottleneck')}
            value={config.bottleneck}
            min={1}
            max={32}
            onChange={(bottleneck) => update({ bottleneck })}
            hint={t('lab.ae.bottleneckHint')}
          />
          <Slider
            label={t('lab.seq.epochs')}
            value={config.epochs}
            min={1}
            max={40}
            onChange={(epochs) => update({ epochs })}
          />
          <div className="flex gap-2">
            <Button onClick={start} disabled={running} data-testid="ae-train">
              {running ? t('lab.seq.training') : t('lab.ae.train')}
            </Button>
            {running && (
              <Button variant="secondary" onClick={() => abort.current?.abort()}>
                {t('lab.seq.stop')}
              </Button>
            )}
          </div>
          {losses.length > 0 && (
            <LineChart
              title={t('lab.ae.loss')}
              xLabel={t('lab.pg.epoch')}
              emptyText=""
              series={[{ label: t('lab.pg.train'), values: losses, color: '#4f46e5' }]}
              height={120}
            />
          )}
        </section>

        {trained && (
          <section className="min-w-0 space-y-4" data-testid="ae-result">
            <div className="rounded-xl border border-slate-200 bg-white p-3">
              <h3 className="font-medium">{t('lab.ae.recon')}</h3>
              <p className="text-xs text-slate-600">{t('lab.ae.reconExplain', { n: config.bottleneck })}</p>
              <div className="mt-2 flex flex-wrap gap-3">
                {Array.from({ length: SHOW }, (_, i) => (
                  <div key={i} className="flex flex-col gap-1">
                    <DigitImage
                      pixels={trained.originals.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS)}
                      label={t('lab.ae.original')}
                    />
                    <DigitImage
                      pixels={trained.reconstructions.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS)}
                      label={t('lab.ae.reconstruction')}
                      testId={i === 0 ? 'recon-0' : undefined}
                    />
                  </div>
                ))}
              </div>
            </div>
            <div className="grid gap-4 md:grid-cols-2">
              <div className="rounded-xl border border-slate-200 bg-white p-3">
                <h3 className="font-medium">
                  {config.bottleneck === 2 ? t('lab.ae.map') : t('lab.ae.mapPca', { n: config.bottleneck })}
                </h3>
                <canvas
                  ref={mapCanvas}
                  width={280}
                  height={280}
                  className="mt-2 w-full max-w-[280px] cursor-crosshair rounded border border-slate-200"
                  role="img"
                  aria-label={t('lab.ae.mapLabel')}
                  data-testid="latent-map"
                  onClick={(e) => {
                    const r = e.currentTarget.getBoundingClientRect();
                    setWalk([
                      ((e.clientX - r.left) / r.width) * 2 - 1,
                      1 - ((e.clientY - r.top) / r.height) * 2,
                    ]);
                  }}
                />
                <ul className="mt-2 flex flex-wrap gap-2 text-xs">
                  {Array.from({ length: 10 }, (_, d) => (
                    <li key={d} className="inline-flex items-center gap-1">
                      <span
                        className="inline-block h-3 w-3 rounded-full"
                        style={{ background: css(PALETTE[d]) }}
                      />
                      {d}
                    </li>
                  ))}
                </ul>
              </div>
              <LatentWalk walk={walk} onWalk={setWalk} explain={t('lab.ae.walkExplain')}>
                {walkImage && (
                  <DigitImage pixels={walkImage} label={t('lab.ae.decoded')} size={112} testId="walk-image" />
                )}
              </LatentWalk>
            </div>
            {trained.report && (
              <AnomalyPanel
                report={trained.report}
                threshold={threshold}
                onThreshold={setThreshold}
                title={t('lab.ae.anomaly', { d: normalDigit })}
                explain={t('lab.ae.anomalyExplain', { d: normalDigit })}
                legend={t('lab.ae.histLegend', { d: normalDigit })}
              >
                <div>
                  <h4 className="text-sm font-medium">{t('lab.ae.flagged')}</h4>
                  <div className="mt-1 flex flex-wrap gap-2">
                    {flagged.map((f) => (
                      <div
                        key={f.i}
                        className={`rounded p-0.5 ${f.anomalous ? 'bg-emerald-100' : 'bg-rose-100'}`}
                      >
                        <DigitImage
                          pixels={f.pixels}
                          label={f.anomalous ? t('lab.ae.trueFlag') : t('lab.ae.falseFlag')}
                          size={40}
                        />
                      </div>
                    ))}
                  </div>
                  <p className="mt-1 text-xs text-slate-600">{t('lab.ae.flagLegend')}</p>
                </div>
              </AnomalyPanel>
            )}
          </section>
        )}
      </div>
    </div>
  );
}

type Source = 'digits' | 'table';
const SOURCE_SAVE_KEY = 'lab/autoencoder-source';

/** The Autoencoder lab tab: digits or a table (CSV). Only the chosen half is mounted, so only it holds a model. */
export function AutoencoderLab() {
  const t = useT();
  const [source, setSource] = useState<Source>('digits');
  useEffect(() => {
    loadProject<Source>(SOURCE_SAVE_KEY)
      .then((s) => (s === 'table' || s === 'digits') && setSource(s))
      .catch(() => undefined);
  }, []);
  const pick = (s: Source) => {
    setSource(s);
    void saveProject(SOURCE_SAVE_KEY, s).catch(() => undefined);
  };
  return (
    <div className="space-y-4" data-testid="autoencoder-lab">
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">{t('lab.ae.source')}</legend>
        <span aria-hidden className="font-medium">
          {t('lab.ae.source')}
        </span>
        {(['digits', 'table'] as const).map((s) => (
          <label
            key={s}
            className={`flex cursor-pointer items-center gap-2 rounded-xl border px-3 py-1.5 ${source === s ? 'border-indigo-600 bg-indigo-50' : 'border-slate-300 bg-white'}`}
          >
            <input
              type="radio"
              name="ae-source"
              checked={source === s}
              onChange={() => pick(s)}
              data-testid={`ae-source-${s}`}
            />
            {t(`lab.ae.source.${s}`)}
          </label>
        ))}
      </fieldset>
      {source === 'digits' ? <DigitsAutoencoder /> : <TableAutoencoderLab />}
    </div>
  );
}
