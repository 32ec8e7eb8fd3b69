'use client';
// Table half of the Autoencoder lab: learn what normal rows of a table look like (Seattle weather or
// the user's CSV), rebuild held-out rows, map and decode the code space, and flag unusual rows.
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { LocalizedError } from '@/lib/i18n';
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, Button, LineChart, ProgressBar, Slider } from '@/components/ui';
import { parseCsv, type ParsedCsv } from '@/lib/data';
import {
  BUILTIN_TABLES,
  DEFAULT_TABLE_AUTOENCODER_CONFIG,
  MAX_LABEL_VALUES,
  TableAutoencoder,
  guessTableChoice,
  prepareTable,
  projectTo2d,
  tableAnomalyReport,
  valueCounts,
  type AnomalyReport,
  type TableChoice,
  type TableData,
} from '@/lib/lab';
import { loadProject, saveProject } from '@/lib/persist';

import { AnomalyPanel } from './anomaly-panel';
import { LatentWalk } from './latent-walk';
import { CLASS_COLORS, css } from './colors';

const SEATTLE = BUILTIN_TABLES[0];
const selectClass = 'mt-1 w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm';
const NORMAL_RGB: [number, number, number] = [8, 119, 189];
const ANOMALY_RGB: [number, number, number] = [245, 147, 34];
/** Held-out rows shown as original vs reconstruction: this many normal and this many anomalous. */
const SAMPLE_EACH = 3;
const MAX_FLAGGED = 12;

type Source = 'seattle' | 'csv';

/** Saved on this device so the experiment (settings and an uploaded table) survives a reload. */
const SAVE_KEY = 'lab/table-autoencoder';
interface Saved {
  source: Source;
  choice: Required<TableChoice>;
  bottleneck: number;
  epochs: number;
  upload?: { name: string; text: string };
}
type ColourBy = 'anomaly' | 'label';

interface Trained {
  data: TableData;
  report: AnomalyReport;
  points: [number, number][];
  toCode: (p: [number, number]) => number[];
  sample: { index: number; recon: number[] }[];
  bottleneck: number;
  epochsRun: number;
  cancelled: boolean;
  seconds: number;
}

const fmt = (v: number) =>
  Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);

/** The table autoencoder: choose a table and its columns, train, and look for anomalies. */
export function TableAutoencoderLab() {
  const t = useT();
  const { whenReady } = useBackend();
  const [source, setSource] = useState<Source>('seattle');
  const [seattle, setSeattle] = useState<ParsedCsv | null>(null);
  const [upload, setUpload] = useState<{ name: string; text: string; parsed: ParsedCsv } | null>(null);
  const [restored, setRestored] = useState(false);
  const [choice, setChoice] = useState<Required<TableChoice>>({
    ...SEATTLE.choice,
    features: [...SEATTLE.choice.features],
    normal: [...SEATTLE.choice.normal],
  });
  const [bottleneck, setBottleneck] = useState(DEFAULT_TABLE_AUTOENCODER_CONFIG.bottleneck);
  const [epochs, setEpochs] = useState(DEFAULT_TABLE_AUTOENCODER_CONFIG.epochs);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [losses, setLosses] = useState<number[]>([]);
  const [trained, setTrained] = useState<Trained | null>(null);
  const [threshold, setThreshold] = useState(0);
  const [colourBy, setColourBy] = useState<ColourBy>('anomaly');
  const [walk, setWalk] = useState<[number, number]>([0, 0]);
  const [decoded, setDecoded] = useState<number[] | null>(null);
  const model = useRef<TableAutoencoder | null>(null);
  const abort = useRef<AbortController | null>(null);
  const mapCanvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let stale = false;
    fetch(`/data/vega/${SEATTLE.file}`)
      .then(async (res) => {
        if (!res.ok) throw new LocalizedError(t('lab.seq.fetchFailed', { file: SEATTLE.file }));
        return parseCsv(await res.text(), SEATTLE.file);
      })
      .then(
        (p) => !stale && setSeattle(p),
        (e: unknown) => !stale && setLoadError(errorTextNow(e)),
      );
    return () => {
      stale = true;
    };
  }, [t]);

  // Restore the last experiment from this device; a saved table that no longer parses is ignored.
  useEffect(() => {
    loadProject<Saved>(SAVE_KEY)
      .then((s) => {
        if (!s) return;
        if (s.upload) {
          const parsed = parseCsv(s.upload.text, s.upload.name);
          setUpload({ ...s.upload, parsed });
        }
        setSource(s.source === 'csv' && !s.upload ? 'seattle' : s.source);
        setChoice(s.choice);
        setBottleneck(s.bottleneck);
        setEpochs(s.epochs);
      })
      .catch(() => undefined)
      .finally(() => setRestored(true));
  }, []);

  useEffect(() => {
    if (!restored) return;
    const saved: Saved = {
      source,
      choice,
      bottleneck,
      epochs,
      ...(upload ? { upload: { name: upload.name, text: upload.text } } : {}),
    };
    void saveProject(SAVE_KEY, saved).catch(() => undefined);
  }, [source, choice, bottleneck, epochs, upload, restored]);

  useEffect(
    () => () => {
      abort.current?.abort();
      model.current?.dispose();
      model.current = null;
    },
    [],
  );

  const csv = source === 'csv' ? (upload?.parsed ?? null) : seattle;

  const prepared = useMemo(() => {
    if (!csv) return { data: null, error: null };
    try {
      return { data: prepareTable(csv, choice), error: null };
    } catch (e) {
      return { data: null, error: errorTextNow(e) };
    }
  }, [csv, choice]);

  const labelValues = useMemo(
    () => (csv && choice.label ? valueCounts(csv, choice.label) : []),
    [csv, choice.label],
  );

  const changeChoice = (next: Required<TableChoice>) => {
    setChoice(next);
    setTrained(null);
  };

  const pickSource = (next: Source) => {
    setSource(next);
    setTrained(null);
    if (next === 'seattle')
      setChoice({
        ...SEATTLE.choice,
        features: [...SEATTLE.choice.features],
        normal: [...SEATTLE.choice.normal],
      });
    else if (upload) setChoice(guessTableChoice(upload.parsed));
  };

  const onCsv = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    try {
      const text = await f.text();
      const parsed = parseCsv(text, f.name);
      setCsvError(null);
      setUpload({ name: f.name, text, parsed });
      setSource('csv');
      setChoice(guessTableChoice(parsed));
      setTrained(null);
    } catch (e) {
      // Keep whatever table was loaded before: a bad file loses nothing.
      setCsvError(errorTextNow(e));
    }
  };

  const start = async () => {
    const data = prepared.data;
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
      model.current = null;
      const ae = TableAutoencoder.create(data, { bottleneck, epochs });
      model.current = ae;
      const t0 = performance.now();
      const result = await ae.fit(data.train.values, {
        signal: ac.signal,
        onEpochEnd: (_e, logs) => setLosses((l) => [...l, logs.loss]),
      });
      const seconds = (performance.now() - t0) / 1000;
      const report = tableAnomalyReport(ae, data);
      const proj = projectTo2d(ae.encode(data.test.values));
      const normalIdx = data.test.isAnomaly.flatMap((a, i) => (a ? [] : [i]));
      const anomalyIdx = data.test.isAnomaly.flatMap((a, i) => (a ? [i] : []));
      const picked = [...normalIdx.slice(0, SAMPLE_EACH), ...anomalyIdx.slice(0, SAMPLE_EACH)];
      const sampleIdx = picked.length > SAMPLE_EACH ? picked : normalIdx.slice(0, 2 * SAMPLE_EACH);
      const recon = ae.reconstruct(sampleIdx.map((i) => data.test.values[i]));
      setThreshold(report.threshold);
      setWalk([0, 0]);
      setTrained({
        data,
        report,
        points: proj.points,
        toCode: proj.toCode,
        sample: sampleIdx.map((index, k) => ({ index, recon: recon[k] })),
        bottleneck,
        epochsRun: result.epochsRun,
        cancelled: result.cancelled,
        seconds,
      });
    } catch (e) {
      setError(errorTextNow(e));
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  const bounds = useMemo(() => {
    if (!trained) return null;
    // The 1st to 99th percentile, padded: a few far-out anomalies would otherwise squeeze every
    // other row into a corner. Rows beyond it are drawn on the edge.
    const span = (values: number[]) => {
      const v = [...values].sort((a, b) => a - b);
      const lo = v[Math.floor(0.01 * (v.length - 1))];
      const hi = v[Math.ceil(0.99 * (v.length - 1))];
      const pad = (hi - lo) * 0.1 || 1;
      return [lo - pad, hi + pad];
    };
    const [x0, x1] = span(trained.points.map((p) => p[0]));
    const [y0, y1] = span(trained.points.map((p) => p[1]));
    return { x0, x1, y0, y1 };
  }, [trained]);

  const labelIndex = useMemo(() => {
    const m = new Map<string, number>();
    trained?.data.labelCounts.forEach((c, i) => m.set(c.value, i));
    return m;
  }, [trained]);

  // Draw the latent map: one dot per held-out row, and the marker whose code is decoded.
  useEffect(() => {
    const c = mapCanvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !trained || !bounds) return;
    const S = c.width;
    const test = trained.data.test;
    const byLabel = colourBy === 'label' && trained.data.label !== null;
    const pointRgb = (i: number): readonly number[] =>
      byLabel
        ? CLASS_COLORS[(labelIndex.get(test.labels[i]) ?? 0) % CLASS_COLORS.length]
        : test.isAnomaly[i]
          ? ANOMALY_RGB
          : NORMAL_RGB;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, S, S);
    ctx.globalAlpha = 0.75;
    trained.points.forEach(([px, py], i) => {
      ctx.fillStyle = css(pointRgb(i) as [number, number, number]);
      ctx.beginPath();
      const clamp = (v: number) => Math.min(1, Math.max(0, v));
      ctx.arc(
        clamp((px - bounds.x0) / (bounds.x1 - bounds.x0)) * (S - 8) + 4,
        S - 4 - clamp((py - bounds.y0) / (bounds.y1 - bounds.y0)) * (S - 8),
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
  }, [trained, bounds, walk, colourBy, labelIndex]);

  // Decode the point under the marker into feature values.
  useEffect(() => {
    if (!trained || !bounds || !model.current) return;
    const p: [number, number] = [
      bounds.x0 + ((walk[0] + 1) / 2) * (bounds.x1 - bounds.x0),
      bounds.y0 + ((walk[1] + 1) / 2) * (bounds.y1 - bounds.y0),
    ];
    try {
      setDecoded(model.current.decode([trained.toCode(p)])[0]);
    } catch {
      setDecoded(null);
    }
  }, [walk, trained, bounds]);

  const flagged = useMemo(() => {
    if (!trained) return [];
    return trained.report.scores
      .map((s, i) => ({ s, i }))
      .filter((e) => e.s >= threshold)
      .sort((a, b) => b.s - a.s)
      .slice(0, MAX_FLAGGED);
  }, [trained, threshold]);

  if (loadError) return <Alert kind="error">{loadError}</Alert>;

  const data = trained?.data;

  return (
    <div className="space-y-4" data-testid="table-autoencoder">
      {error && (
        <Alert kind="error" onDismiss={() => setError(null)} dismissLabel={t('lab.close')}>
          {error}
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <section
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="tae-setup"
        >
          <h2 id="tae-setup" className="font-semibold">
            {t('lab.tae.setup')}
          </h2>
          <div className="text-sm">
            <label htmlFor="tae-source" className="font-medium">
              {t('lab.tae.table')}
            </label>
            <select
              id="tae-source"
              data-testid="tae-source"
              className={selectClass}
              value={source}
              onChange={(e) => pickSource(e.target.value as Source)}
            >
              <option value="seattle">{t('lab.tae.src.seattle')}</option>
              {upload && <option value="csv">{upload.name}</option>}
            </select>
            {source === 'seattle' && (
              <p className="mt-1 text-xs text-slate-600">{t('lab.tae.seattleHint')}</p>
            )}
          </div>
          <FileDrop
            accept=".csv,text/csv,text/plain"
            multiple={false}
            label={t('lab.tae.csv')}
            hint={t('lab.tae.csvHint')}
            onFiles={onCsv}
            inputTestId="tae-csv-input"
          />
          {csvError && (
            <Alert kind="error" onDismiss={() => setCsvError(null)} dismissLabel={t('lab.close')}>
              <span data-testid="tae-csv-error">{csvError}</span>
            </Alert>
          )}
          {!csv && <p className="text-sm text-slate-600">{t('lab.loading')}</p>}
          {csv && (
            <>
              <p className="text-xs text-slate-600" data-testid="tae-loaded">
                {t('lab.tae.loaded', {
                  name: source === 'csv' && upload ? upload.name : SEATTLE.file,
                  rows: csv.rows.length,
                  cols: csv.columns.length,
                })}
              </p>
              <fieldset className="space-y-1 text-sm">
                <legend className="font-medium">{t('lab.tae.features')}</legend>
                {csv.numericColumns.map((c) => (
                  <label key={c} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={choice.features.includes(c)}
                      data-testid={`tae-feature-${c}`}
                      onChange={(e) =>
                        changeChoice({
                          ...choice,
                          features: e.target.checked
                            ? csv.numericColumns.filter((f) => f === c || choice.features.includes(f))
                            : choice.features.filter((f) => f !== c),
                        })
                      }
                    />
                    {c}
                  </label>
                ))}
              </fieldset>
              <div className="text-sm">
                <label htmlFor="tae-label" className="font-medium">
                  {t('lab.tae.label')}
                </label>
                <select
                  id="tae-label"
                  data-testid="tae-label"
                  className={selectClass}
                  value={choice.label ?? ''}
                  onChange={(e) => {
                    const label = e.target.value || null;
                    // The most common value is the first guess of what is normal.
                    const common = label ? valueCounts(csv, label)[0]?.value : undefined;
                    changeChoice({
                      features: choice.features.filter((f) => f !== label),
                      label,
                      normal: common === undefined ? [] : [common],
                    });
                  }}
                >
                  <option value="">{t('lab.tae.noLabel')}</option>
                  {csv.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
              {choice.label && labelValues.length <= MAX_LABEL_VALUES && (
                <fieldset className="space-y-1 text-sm">
                  <legend className="font-medium">{t('lab.tae.normal')}</legend>
                  {labelValues.map(({ value: v, count: n }) => (
                    <label key={v} className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        checked={choice.normal.includes(v)}
                        data-testid={`tae-normal-${v}`}
                        onChange={(e) =>
                          changeChoice({
                            ...choice,
                            normal: e.target.checked
                              ? [...choice.normal, v]
                              : choice.normal.filter((x) => x !== v),
                          })
                        }
                      />
                      {v} <span className="text-slate-500">({n})</span>
                    </label>
                  ))}
                </fieldset>
              )}
              {prepared.error ? (
                <Alert kind="error">
                  <span data-testid="tae-prepare-error">{prepared.error}</span>
                </Alert>
              ) : (
                prepared.data && (
                  <p className="text-xs text-slate-600" data-testid="tae-split">
                    {t('lab.tae.split', {
                      train: prepared.data.train.values.length,
                      test: prepared.data.test.values.length,
                      anomalies: prepared.data.test.isAnomaly.filter(Boolean).length,
                      skipped: prepared.data.skipped,
                    })}
                  </p>
                )
              )}
            </>
          )}
          <Slider
            label={t('lab.ae.bottleneck')}
            value={bottleneck}
            min={1}
            max={8}
            onChange={(v) => {
              setBottleneck(v);
              setTrained(null);
            }}
            hint={t('lab.tae.bottleneckHint')}
          />
          <Slider
            label={t('lab.seq.epochs')}
            value={epochs}
            min={5}
            max={200}
            step={5}
            onChange={setEpochs}
          />
          <div className="flex gap-2">
            <Button onClick={start} disabled={running || !prepared.data} data-testid="tae-train">
              {running ? t('lab.seq.training') : t('lab.ae.train')}
            </Button>
            {running && (
              <Button variant="secondary" onClick={() => abort.current?.abort()} data-testid="tae-cancel">
                {t('lab.seq.stop')}
              </Button>
            )}
          </div>
          {running && (
            <ProgressBar
              value={losses.length / epochs}
              label={t('lab.tae.progress')}
              detail={t('lab.tae.epochOf', { e: losses.length, n: epochs })}
            />
          )}
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

        {trained && data && (
          <section className="min-w-0 space-y-4" data-testid="tae-result">
            <p className="text-sm text-slate-700" data-testid="tae-trained">
              {trained.cancelled
                ? t('lab.tae.cancelled', { n: trained.epochsRun })
                : t('lab.tae.time', { n: trained.epochsRun, s: trained.seconds.toFixed(1) })}
            </p>
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3">
              <h3 className="font-medium">{t('lab.tae.recon')}</h3>
              <p className="text-xs text-slate-600">{t('lab.tae.reconExplain', { n: trained.bottleneck })}</p>
              <table className="mt-2 text-sm tabular-nums" data-testid="tae-recon">
                <thead>
                  <tr className="text-left">
                    <th scope="col" className="pr-3 font-medium">
                      {t('lab.tae.line')}
                    </th>
                    {data.label && (
                      <th scope="col" className="pr-3 font-medium">
                        {data.label}
                      </th>
                    )}
                    {data.features.map((f) => (
                      <th key={f} scope="col" className="pr-3 font-medium">
                        {f}
                      </th>
                    ))}
                    <th scope="col" className="font-medium">
                      {t('lab.tae.error')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {trained.sample.map(({ index, recon }) => (
                    <tr key={index} className="border-t border-slate-100">
                      <td className="pr-3">{data.test.lines[index]}</td>
                      {data.label && (
                        <td
                          className={`pr-3 ${data.test.isAnomaly[index] ? 'text-orange-700' : 'text-sky-700'}`}
                        >
                          {data.test.labels[index]}
                        </td>
                      )}
                      {data.features.map((f, j) => (
                        <td key={f} className="pr-3 whitespace-nowrap">
                          {fmt(data.test.values[index][j])} → <strong>{fmt(recon[j])}</strong>
                        </td>
                      ))}
                      <td>{trained.report.scores[index].toFixed(3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="grid gap-4 md:grid-cols-2">
              <div className="rounded-xl border border-slate-200 bg-white p-3">
                <h3 className="font-medium">
                  {trained.bottleneck === 2
                    ? t('lab.tae.map')
                    : t('lab.ae.mapPca', { n: trained.bottleneck })}
                </h3>
                {data.label && (
                  <fieldset className="mt-1 flex flex-wrap gap-3 text-xs">
                    <legend className="sr-only">{t('lab.tae.colourBy')}</legend>
                    {(['anomaly', 'label'] as const).map((k) => (
                      <label key={k} className="flex items-center gap-1">
                        <input
                          type="radio"
                          name="tae-colour"
                          checked={colourBy === k}
                          onChange={() => setColourBy(k)}
                          data-testid={`tae-colour-${k}`}
                        />
                        {t(`lab.tae.colour.${k}`)}
                      </label>
                    ))}
                  </fieldset>
                )}
                <canvas
                  ref={mapCanvas}
                  width={280}
                  height={280}
                  className="mt-2 w-full max-w-[280px] cursor-crosshair rounded border border-slate-200"
                  role="img"
                  aria-label={t('lab.tae.mapLabel')}
                  data-testid="tae-map"
                  onClick={(e) => {
                    const r = e.currentTarget.getBoundingClientRect();
                    setWalk([
                      ((e.clientX - r.left) / r.width) * 2 - 1,
                      1 - ((e.clientY - r.top) / r.height) * 2,
                    ]);
                  }}
                />
                <ul className="mt-2 flex flex-wrap gap-2 text-xs">
                  {colourBy === 'label' && data.label
                    ? data.labelCounts.map((c, i) => (
                        <li key={c.value} className="inline-flex items-center gap-1">
                          <span
                            className="inline-block h-3 w-3 rounded-full"
                            style={{ background: css(CLASS_COLORS[i % CLASS_COLORS.length]) }}
                          />
                          {c.value}
                        </li>
                      ))
                    : (
                        [
                          [NORMAL_RGB, t('lab.tae.normalRow')],
                          ...(data.label ? [[ANOMALY_RGB, t('lab.tae.anomalousRow')] as const] : []),
                        ] as const
                      ).map(([rgb, text]) => (
                        <li key={text} className="inline-flex items-center gap-1">
                          <span
                            className="inline-block h-3 w-3 rounded-full"
                            style={{ background: css(rgb) }}
                          />
                          {text}
                        </li>
                      ))}
                </ul>
              </div>
              <LatentWalk walk={walk} onWalk={setWalk} explain={t('lab.tae.walkExplain')}>
                {decoded && (
                  <table className="text-sm tabular-nums" data-testid="tae-decoded" aria-live="polite">
                    <caption className="text-left text-xs text-slate-600">{t('lab.tae.decoded')}</caption>
                    <tbody>
                      {data.features.map((f, j) => (
                        <tr key={f}>
                          <th scope="row" className="pr-3 text-left font-medium">
                            {f}
                          </th>
                          <td>{fmt(decoded[j])}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </LatentWalk>
            </div>
            <AnomalyPanel
              report={trained.report}
              threshold={threshold}
              onThreshold={setThreshold}
              title={
                data.label
                  ? t('lab.tae.anomaly', { normal: data.normal.join(', ') })
                  : t('lab.tae.anomalyNoLabel')
              }
              explain={t('lab.tae.anomalyExplain')}
              legend={
                data.label
                  ? t('lab.tae.histLegend', { normal: data.normal.join(', ') })
                  : t('lab.tae.histLegendNoLabel')
              }
            >
              <div className="overflow-x-auto">
                <h4 className="text-sm font-medium">{t('lab.tae.flagged')}</h4>
                {flagged.length === 0 ? (
                  <p className="text-sm text-slate-600">{t('lab.tae.flaggedNone')}</p>
                ) : (
                  <table className="mt-1 text-sm tabular-nums" data-testid="tae-flagged">
                    <thead>
                      <tr className="text-left">
                        <th scope="col" className="pr-3 font-medium">
                          {t('lab.tae.line')}
                        </th>
                        {data.label && (
                          <th scope="col" className="pr-3 font-medium">
                            {data.label}
                          </th>
                        )}
                        {data.features.map((f) => (
                          <th key={f} scope="col" className="pr-3 font-medium">
                            {f}
                          </th>
                        ))}
                        <th scope="col" className="pr-3 font-medium">
                          {t('lab.tae.error')}
                        </th>
                        {data.label && (
                          <th scope="col" className="font-medium">
                            {t('lab.tae.verdict')}
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {flagged.map(({ s, i }) => (
                        <tr
                          key={i}
                          className={`border-t border-slate-100 ${data.label ? (data.test.isAnomaly[i] ? 'bg-emerald-50' : 'bg-rose-50') : ''}`}
                        >
                          <td className="pr-3">{data.test.lines[i]}</td>
                          {data.label && <td className="pr-3">{data.test.labels[i]}</td>}
                          {data.features.map((f, j) => (
                            <td key={f} className="pr-3">
                              {fmt(data.test.values[i][j])}
                            </td>
                          ))}
                          <td className="pr-3">{s.toFixed(3)}</td>
                          {data.label && (
                            <td>
                              {data.test.isAnomaly[i]
                                ? t('lab.tae.verdict.true')
                                : t('lab.tae.verdict.false')}
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            </AnomalyPanel>
          </section>
        )}
      </div>
    </div>
  );
}
