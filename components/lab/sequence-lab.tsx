'use client';
// Sequence lab: forecast a time series with SimpleRNN / LSTM / GRU and compare honestly with "repeat the last value".
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { LocalizedError } from '@/lib/i18n';
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, Button, LineChart, Slider } from '@/components/ui';
import { parseCsv, type ParsedCsv } from '@/lib/data';
import {
  BUILTIN_SERIES,
  DEFAULT_FORECAST_CONFIG,
  noisySine,
  prepareSeries,
  runForecast,
  seriesFromCsv,
  type CellName,
  type ForecastConfig,
  type ForecastMetrics,
  type ForecastResult,
} from '@/lib/lab';
import { loadProject, saveProject } from '@/lib/persist';

type SourceId = 'sine' | (typeof BUILTIN_SERIES)[number]['id'] | 'csv';
const SOURCES: SourceId[] = ['sine', 'co2', 'seattle', 'sp500', 'aapl', 'csv'];
const CELLS: CellName[] = ['simpleRnn', 'lstm', 'gru'];
const SAVE_KEY = 'lab.sequence';

interface Saved {
  source: SourceId;
  config: ForecastConfig;
  csv?: { name: string; text: string; date: string; value: string };
}

const selectClass = 'mt-1 w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** A picture of how windows are cut: one input window (blue) and the targets it must predict (orange). */
function WindowPicture({
  values,
  window,
  horizon,
  label,
}: {
  values: number[];
  window: number;
  horizon: number;
  label: string;
}) {
  const shown = values.slice(0, Math.min(values.length, window * 2 + horizon + 4));
  if (shown.length < window + horizon) return null;
  const lo = Math.min(...shown);
  const hi = Math.max(...shown);
  const W = 320;
  const H = 80;
  const x = (i: number) => 6 + (i / (shown.length - 1)) * (W - 12);
  const y = (v: number) => 8 + (1 - (v - lo) / (hi - lo || 1)) * (H - 16);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="w-full rounded-lg bg-slate-50"
      role="img"
      aria-label={label}
      data-testid="window-picture"
    >
      <rect
        x={x(0) - 3}
        y={2}
        width={x(window - 1) - x(0) + 6}
        height={H - 4}
        fill="#c7d2fe"
        opacity={0.6}
        rx={4}
      />
      <rect
        x={x(window) - 3}
        y={2}
        width={x(window + horizon - 1) - x(window) + 6}
        height={H - 4}
        fill="#fed7aa"
        opacity={0.8}
        rx={4}
      />
      <rect
        x={x(1) - 3}
        y={4}
        width={x(window) - x(1) + 6}
        height={H - 8}
        fill="none"
        stroke="#6366f1"
        strokeDasharray="3 3"
        rx={4}
      />
      <polyline
        fill="none"
        stroke="#334155"
        strokeWidth={1.5}
        points={shown.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
      />
      {shown.map((v, i) => (
        <circle
          key={i}
          cx={x(i)}
          cy={y(v)}
          r={2}
          fill={i < window ? '#4f46e5' : i < window + horizon ? '#ea580c' : '#94a3b8'}
        />
      ))}
    </svg>
  );
}

function MetricsTable({ model, naive }: { model: ForecastMetrics; naive: ForecastMetrics }) {
  const t = useT();
  const fmt = (v: number | null) =>
    v === null || !Number.isFinite(v) ? '–' : Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(3);
  const rows: [string, keyof ForecastMetrics][] = [
    ['MSE', 'mse'],
    ['MAE', 'mae'],
    ['RMSE', 'rmse'],
    ['MAPE %', 'mape'],
  ];
  return (
    <table className="w-full text-sm" data-testid="forecast-metrics">
      <thead>
        <tr className="text-left text-slate-600">
          <th className="py-1">{t('lab.seq.metric')}</th>
          <th>{t('lab.seq.model')}</th>
          <th>{t('lab.seq.naive')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, k]) => {
          const m = model[k];
          const n = naive[k];
          const better = m !== null && n !== null && m < n;
          return (
            <tr key={k} className="border-t border-slate-100">
              <th className="py-1 text-left font-medium">{name}</th>
              <td className={`font-mono ${better ? 'font-bold text-emerald-700' : ''}`}>{fmt(m)}</td>
              <td className={`font-mono ${!better ? 'font-bold text-emerald-700' : ''}`}>{fmt(n)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The Sequence lab tab. */
export function SequenceLab() {
  const t = useT();
  const { whenReady } = useBackend();
  const [source, setSource] = useState<SourceId>('sine');
  const [config, setConfig] = useState<ForecastConfig>({ ...DEFAULT_FORECAST_CONFIG });
  const [series, setSeries] = useState<{ values: number[]; dates: string[] } | null>(null);
  const [csv, setCsv] = useState<{
    name: string;
    text: string;
    parsed: ParsedCsv;
    date: string;
    value: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [epochs, setEpochs] = useState<{ loss: number[]; valLoss: number[] }>({ loss: [], valLoss: [] });
  const [result, setResult] = useState<ForecastResult | null>(null);
  const [restored, setRestored] = useState(false);
  const abort = useRef<AbortController | null>(null);

  // Restore the last experiment (settings and an uploaded CSV) from this device.
  useEffect(() => {
    loadProject<Saved>(SAVE_KEY)
      .then((s) => {
        if (!s) return;
        setConfig({ ...DEFAULT_FORECAST_CONFIG, ...s.config });
        if (s.csv) setCsv({ ...s.csv, parsed: parseCsv(s.csv.text, s.csv.name) });
        setSource(s.source === 'csv' && !s.csv ? 'sine' : s.source);
      })
      .catch(() => undefined)
      .finally(() => setRestored(true));
  }, []);

  useEffect(() => {
    if (!restored) return;
    const saved: Saved = {
      source,
      config,
      ...(csv ? { csv: { name: csv.name, text: csv.text, date: csv.date, value: csv.value } } : {}),
    };
    void saveProject(SAVE_KEY, saved).catch(() => undefined);
  }, [source, config, csv, restored]);

  // Load the chosen series.
  useEffect(() => {
    let stale = false;
    setResult(null);
    setError(null);
    const load = async () => {
      if (source === 'sine') return { values: noisySine(500, { period: 25, noise: 0.1 }), dates: [] };
      if (source === 'csv') {
        if (!csv) return null;
        const s = seriesFromCsv(csv.parsed, csv.date, csv.value);
        return { values: s.values, dates: s.dates };
      }
      const info = BUILTIN_SERIES.find((b) => b.id === source)!;
      const res = await fetch(`/data/vega/${info.file}`);
      if (!res.ok) throw new LocalizedError(t('lab.seq.fetchFailed', { file: info.file }));
      const s = seriesFromCsv(parseCsv(await res.text(), info.file), info.date, info.value, info.where);
      return { values: s.values, dates: s.dates };
    };
    load().then(
      (s) => !stale && setSeries(s),
      (e: unknown) => !stale && (setSeries(null), setError(errorTextNow(e))),
    );
    return () => {
      stale = true;
    };
  }, [source, csv, t]);

  useEffect(() => () => abort.current?.abort(), []);

  const prepared = useMemo(() => {
    if (!series) return { data: null, error: null };
    try {
      return { data: prepareSeries(series.values, config), error: null };
    } catch (e) {
      return { data: null, error: errorTextNow(e) };
    }
  }, [series, config]);

  const update = (patch: Partial<ForecastConfig>) => {
    setConfig((c) => ({ ...c, ...patch }));
    setResult(null);
  };

  const start = async () => {
    if (!series || running) return;
    setRunning(true);
    setError(null);
    setResult(null);
    setEpochs({ loss: [], valLoss: [] });
    const ac = new AbortController();
    abort.current = ac;
    try {
      await whenReady();
      const r = await runForecast(series.values, config, {
        signal: ac.signal,
        onEpochEnd: (_e, logs) =>
          setEpochs((h) => ({
            loss: [...h.loss, logs.loss],
            valLoss: logs.valLoss === undefined ? h.valLoss : [...h.valLoss, logs.valLoss],
          })),
      });
      setResult(r);
    } catch (e) {
      setError(errorTextNow(e));
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  const onCsv = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    try {
      const text = await f.text();
      const parsed = parseCsv(text, f.name);
      const value = parsed.numericColumns[parsed.numericColumns.length - 1];
      const date = parsed.columns.find((c) => c !== value) ?? parsed.columns[0];
      setCsv({ name: f.name, text, parsed, date, value });
      setSource('csv');
    } catch (e) {
      setError(errorTextNow(e));
    }
  };

  const beat = result ? result.model.rmse < result.naive.rmse : null;
  const testLen = result?.testPlot.actual.length ?? 0;
  const tail = series ? series.values.slice(-Math.max(3 * config.window, 36)) : [];
  const futureLen = result?.future.length ?? 0;

  return (
    <div className="space-y-4" data-testid="sequence-lab">
      {error && (
        <Alert kind="error" onDismiss={() => setError(null)} dismissLabel={t('lab.close')}>
          <span data-testid="sequence-error">{error}</span>
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <section
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="seq-setup"
        >
          <h2 id="seq-setup" className="font-semibold">
            {t('lab.seq.setup')}
          </h2>
          <div className="text-sm">
            <label htmlFor="seq-source" className="font-medium">
              {t('lab.seq.series')}
            </label>
            <select
              id="seq-source"
              data-testid="series-source"
              className={selectClass}
              value={source}
              onChange={(e) => setSource(e.target.value as SourceId)}
            >
              {SOURCES.filter((s) => s !== 'csv' || csv).map((s) => (
                <option key={s} value={s}>
                  {s === 'csv' && csv ? csv.name : t(`lab.seq.src.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <FileDrop
            accept=".csv,text/csv,text/plain"
            multiple={false}
            label={t('lab.seq.csv')}
            hint={t('lab.seq.csvHint')}
            onFiles={onCsv}
            inputTestId="series-csv-input"
          />
          {csv && source === 'csv' && (
            <div className="grid grid-cols-2 gap-2 text-sm">
              <div>
                <label htmlFor="seq-date" className="font-medium">
                  {t('lab.seq.dateCol')}
                </label>
                <select
                  id="seq-date"
                  className={selectClass}
                  value={csv.date}
                  onChange={(e) => setCsv({ ...csv, date: e.target.value })}
                >
                  {csv.parsed.columns.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="seq-value" className="font-medium">
                  {t('lab.seq.valueCol')}
                </label>
                <select
                  id="seq-value"
                  className={selectClass}
                  value={csv.value}
                  onChange={(e) => setCsv({ ...csv, value: e.target.value })}
                >
                  {csv.parsed.numericColumns.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </div>
            </div>
          )}
          <div className="text-sm">
            <label htmlFor="seq-cell" className="font-medium">
              {t('lab.seq.cell')}
            </label>
            <select
              id="seq-cell"
              data-testid="cell"
              className={selectClass}
              value={config.cell}
              onChange={(e) => update({ cell: e.target.value as CellName })}
            >
              {CELLS.map((c) => (
                <option key={c} value={c}>
                  {t(`lab.seq.cell.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <Slider
            label={t('lab.seq.layers')}
            value={config.units.length}
            min={1}
            max={3}
            onChange={(n) =>
              update({ units: Array.from({ length: n }, (_, i) => config.units[i] ?? config.units[0]) })
            }
          />
          <Slider
            label={t('lab.seq.units')}
            value={config.units[0]}
            min={2}
            max={64}
            onChange={(u) => update({ units: config.units.map(() => u) })}
          />
          <Slider
            label={t('lab.seq.window')}
            value={config.window}
            min={2}
            max={60}
            onChange={(window) => update({ window })}
            hint={t('lab.seq.windowHint')}
          />
          <Slider
            label={t('lab.seq.horizon')}
            value={config.horizon}
            min={1}
            max={12}
            onChange={(horizon) => update({ horizon })}
          />
          <Slider
            label={t('lab.seq.epochs')}
            value={config.epochs}
            min={1}
            max={100}
            onChange={(e) => update({ epochs: e })}
          />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={config.normalise}
              onChange={(e) => update({ normalise: e.target.checked })}
              data-testid="normalise"
            />
            {t('lab.seq.normalise')}
          </label>
          <div className="flex gap-2">
            <Button onClick={start} disabled={!prepared.data || running} data-testid="forecast-train">
              {running ? t('lab.seq.training') : t('lab.seq.train')}
            </Button>
            {running && (
              <Button variant="secondary" onClick={() => abort.current?.abort()}>
                {t('lab.seq.stop')}
              </Button>
            )}
          </div>
        </section>

        <section className="min-w-0 space-y-4">
          {prepared.error && <Alert kind="warning">{prepared.error}</Alert>}
          <div className="grid gap-3 md:grid-cols-2">
            {series && (
              <LineChart
                title={t('lab.seq.whole', { n: series.values.length })}
                xLabel={t('lab.seq.step')}
                emptyText=""
                series={[{ label: t('lab.seq.actual'), values: series.values, color: '#334155' }]}
              />
            )}
            {prepared.data && series && (
              <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-3 text-sm">
                <p>
                  {t('lab.seq.shape')}{' '}
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono" data-testid="tensor-shape">
                    [{prepared.data.shape.join(', ')}]
                  </code>
                </p>
                <p className="text-slate-600">
                  {t('lab.seq.shapeExplain', {
                    batch: prepared.data.shape[0],
                    window: config.window,
                    horizon: config.horizon,
                    val: prepared.data.validation.x.length,
                    test: prepared.data.test.x.length,
                  })}
                </p>
                <WindowPicture
                  values={
                    config.normalise && prepared.data.normalizer
                      ? prepared.data.normalizer.transform(series.values)
                      : series.values
                  }
                  window={config.window}
                  horizon={config.horizon}
                  label={t('lab.seq.pictureLabel')}
                />
                <p className="text-xs text-slate-600">{t('lab.seq.pictureLegend')}</p>
              </div>
            )}
            {(running || epochs.loss.length > 0) && (
              <LineChart
                title={t('lab.seq.lossTitle')}
                xLabel={t('lab.pg.epoch')}
                emptyText={t('lab.seq.training')}
                series={[
                  { label: t('lab.pg.train'), values: epochs.loss, color: '#4f46e5' },
                  { label: t('lab.seq.validation'), values: epochs.valLoss, color: '#f59e0b', dashed: true },
                ]}
              />
            )}
          </div>
          {result && (
            <div
              className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
              data-testid="forecast-result"
            >
              <Alert kind={beat ? 'success' : 'warning'}>
                <span data-testid="forecast-verdict">{beat ? t('lab.seq.beat') : t('lab.seq.notBeat')}</span>
              </Alert>
              <MetricsTable model={result.model} naive={result.naive} />
              <p className="text-xs text-slate-600">{t('lab.seq.metricsExplain')}</p>
              <div className="grid gap-3 md:grid-cols-2">
                <LineChart
                  title={t('lab.seq.testPlot', { n: testLen })}
                  xLabel={t('lab.seq.step')}
                  emptyText=""
                  series={[
                    { label: t('lab.seq.actual'), values: result.testPlot.actual, color: '#334155' },
                    { label: t('lab.seq.model'), values: result.testPlot.predicted, color: '#4f46e5' },
                    {
                      label: t('lab.seq.naive'),
                      values: result.testPlot.naive,
                      color: '#f59e0b',
                      dashed: true,
                    },
                  ]}
                />
                <LineChart
                  title={t('lab.seq.future', { n: futureLen })}
                  xLabel={t('lab.seq.step')}
                  emptyText=""
                  series={[
                    { label: t('lab.seq.actual'), values: tail, color: '#334155' },
                    {
                      label: t('lab.seq.forecast'),
                      values: [
                        ...new Array(tail.length - 1).fill(NaN),
                        tail[tail.length - 1],
                        ...result.future,
                      ],
                      color: '#4f46e5',
                      dashed: true,
                    },
                  ]}
                />
              </div>
              <p className="text-xs text-slate-600">{t('lab.seq.futureExplain')}</p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
