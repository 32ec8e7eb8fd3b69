'use client';
// Autoencoder lab: squeeze digits through a bottleneck, look at reconstructions and the code space,
// and use reconstruction error to spot digits that are not like the ones it learned.
import { useEffect, useMemo, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, Button, LineChart, Slider } from '@/components/ui';
import {
  DEFAULT_AUTOENCODER_CONFIG,
  DIGIT_PIXELS,
  DigitAutoencoder,
  anomalyReport,
  flagAt,
  loadDigits,
  projectTo2d,
  selectDigits,
  type AnomalyReport,
  type AutoencoderLabConfig,
  type DigitsData,
} from '@/lib/lab';

import { CLASS_COLORS, css } from './colors';

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

function Histogram({
  report,
  threshold,
  labels,
}: {
  report: AnomalyReport;
  threshold: number;
  labels: [string, string];
}) {
  const bins = 30;
  const max = Math.max(...report.scores);
  const min = Math.min(...report.scores);
  const w = (max - min) / bins || 1;
  const counts = [new Array(bins).fill(0), new Array(bins).fill(0)];
  report.scores.forEach((s, i) => counts[report.labels[i]][Math.min(bins - 1, Math.floor((s - min) / w))]++);
  const top = Math.max(...counts[0], ...counts[1], 1);
  const W = 320;
  const H = 120;
  const x = (v: number) => 4 + ((v - min) / (max - min || 1)) * (W - 8);
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-3">
      <figcaption className="flex flex-wrap gap-3 text-sm">
        <span className="font-medium">{labels[0]}</span>
        <span className="inline-flex items-center gap-1">
          <span className="h-3 w-3 rounded-sm bg-sky-600" /> {labels[1]}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H + 14}`} className="mt-1 w-full" data-testid="error-histogram">
        {counts.map((row, k) =>
          row.map((c, b) => (
            <rect
              key={`${k}-${b}`}
              x={x(min + b * w) + (k ? (W - 8) / bins / 2 : 0)}
              width={(W - 8) / bins / 2}
              y={H - (c / top) * (H - 4)}
              height={(c / top) * (H - 4)}
              fill={k ? '#f59322' : '#0877bd'}
            />
          )),
        )}
        <line x1={x(threshold)} x2={x(threshold)} y1={0} y2={H} stroke="#dc2626" strokeWidth={2} />
        <text x={4} y={H + 12} fontSize={9} fill="#64748b">
          {min.toFixed(3)}
        </text>
        <text x={W - 4} y={H + 12} fontSize={9} fill="#64748b" textAnchor="end">
          {max.toFixed(3)}
        </text>
      </svg>
    </figure>
  );
}

function RocChart({
  report,
  point,
  title,
}: {
  report: AnomalyReport;
  point: { fpr: number; tpr: number };
  title: string;
}) {
  const S = 160;
  const p = (f: number, t: number) => `${8 + f * (S - 16)},${S - 8 - t * (S - 16)}`;
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-3">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${S} ${S}`} className="mt-1 w-full max-w-[220px]" data-testid="roc-curve">
        <rect x={8} y={8} width={S - 16} height={S - 16} fill="none" stroke="#e2e8f0" />
        <line x1={8} y1={S - 8} x2={S - 8} y2={8} stroke="#cbd5e1" strokeDasharray="4 3" />
        <polyline
          fill="none"
          stroke="#4f46e5"
          strokeWidth={2}
          points={report.roc.fpr.map((f, i) => p(f, report.roc.tpr[i])).join(' ')}
        />
        <circle cx={8 + point.fpr * (S - 16)} cy={S - 8 - point.tpr * (S - 16)} r={4} fill="#dc2626" />
      </svg>
    </figure>
  );
}

/** The Autoencoder lab tab. */
export function AutoencoderLab() {
  const t = useT();
  const { whenReady } = useBackend();
  const [data, setData] = useState<DigitsData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('all');
  const [normalDigit, setNormalDigit] = useState(1);
  const [config, setConfig] = useState<AutoencoderLabConfig>({ ...DEFAULT_AUTOENCODER_CONFIG });
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
    loadDigits().then(setData, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      abort.current?.abort();
      model.current?.dispose();
    };
  }, []);

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
        const sorted = [...report.scores].sort((a, b) => a - b);
        setThreshold(sorted[Math.floor(sorted.length / 2)]);
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
      setError(e instanceof Error ? e.message : String(e));
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

  const pr = trained?.report ? flagAt(trained.report, threshold) : null;
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
  const scoreRange = trained?.report
    ? [Math.min(...trained.report.scores), Math.max(...trained.report.scores)]
    : [0, 1];

  if (loadError) return <Alert kind="error">{loadError}</Alert>;
  if (!data) return <p className="text-slate-600">{t('lab.ae.loading')}</p>;

  return (
    <div className="space-y-4" data-testid="autoencoder-lab">
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
              <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-3">
                <h3 className="font-medium">{t('lab.ae.walk')}</h3>
                <p className="text-xs text-slate-600">{t('lab.ae.walkExplain')}</p>
                <Slider
                  label={t('lab.ae.walkX')}
                  value={walk[0]}
                  min={-1}
                  max={1}
                  step={0.05}
                  onChange={(v) => setWalk([v, walk[1]])}
                  format={(v) => v.toFixed(2)}
                />
                <Slider
                  label={t('lab.ae.walkY')}
                  value={walk[1]}
                  min={-1}
                  max={1}
                  step={0.05}
                  onChange={(v) => setWalk([walk[0], v])}
                  format={(v) => v.toFixed(2)}
                />
                {walkImage && (
                  <DigitImage pixels={walkImage} label={t('lab.ae.decoded')} size={112} testId="walk-image" />
                )}
              </div>
            </div>
            {trained.report && pr && (
              <div
                className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
                data-testid="anomaly-result"
              >
                <h3 className="font-medium">{t('lab.ae.anomaly', { d: normalDigit })}</h3>
                <p className="text-xs text-slate-600">{t('lab.ae.anomalyExplain', { d: normalDigit })}</p>
                <div className="grid gap-3 md:grid-cols-[1fr_auto]">
                  <Histogram
                    report={trained.report}
                    threshold={threshold}
                    labels={[t('lab.ae.histogram'), t('lab.ae.histLegend', { d: normalDigit })]}
                  />
                  <RocChart
                    report={trained.report}
                    point={{ fpr: pr.fp / Math.max(1, pr.fp + pr.tn), tpr: pr.recall }}
                    title={t('lab.ae.roc', { auc: trained.report.auc.toFixed(3) })}
                  />
                </div>
                <p className="text-sm">
                  AUC: <strong data-testid="auc">{trained.report.auc.toFixed(3)}</strong>
                </p>
                <Slider
                  label={t('lab.ae.threshold')}
                  value={threshold}
                  min={scoreRange[0]}
                  max={scoreRange[1]}
                  step={(scoreRange[1] - scoreRange[0]) / 200 || 0.001}
                  onChange={setThreshold}
                  format={(v) => v.toFixed(4)}
                />
                <p className="text-sm" data-testid="precision-recall">
                  {t('lab.ae.pr', {
                    p: (pr.precision * 100).toFixed(0),
                    r: (pr.recall * 100).toFixed(0),
                    flagged: pr.tp + pr.fp,
                  })}
                </p>
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
              </div>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
