'use client';
// Sequence lab: forecast a time series with SimpleRNN / LSTM / GRU and compare honestly with "repeat the last value".
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { useCanSave } from '@/components/storage';
import { useFileReading } from '@/components/media/use-file-reading';
import { useBackend } from '@/components/tf/backend-provider';
import { useTrainingRun } from '@/components/training';
import { Alert, FileProgress, LineChart, Select, Slider } from '@/components/ui';
import { LocalizedError } from '@/lib/i18n';
import { parseCsv, type ParsedCsv } from '@/lib/data';
import {
  describeFileError,
  isCancelled,
  parseCsvOffThread,
  readCsvFile,
  readStored,
  sequenceLabSchema,
} from '@/lib/files';
import {
  BUILTIN_SERIES,
  DEFAULT_FORECAST_CONFIG,
  noisySine,
  prepareSeries,
  runForecast,
  seriesFromCsv,
  type CellName,
  type ForecastConfig,
  type ForecastResult,
} from '@/lib/lab';
import { loadProject, saveProject } from '@/lib/persist';

import { ForecastResultView, WindowPicture } from './sequence-parts';
import { TrainStop } from './train-stop';

type SourceId = 'sine' | (typeof BUILTIN_SERIES)[number]['id'] | 'csv';
const SOURCES: SourceId[] = ['sine', 'co2', 'seattle', 'sp500', 'aapl', 'csv'];
const CELLS: CellName[] = ['simpleRnn', 'lstm', 'gru'];
const SAVE_KEY = 'lab.sequence';

type Series = { values: number[]; dates: string[] };

interface Saved {
  source: SourceId;
  config: ForecastConfig;
  csv?: { name: string; text: string; date: string; value: string };
}

/** The Sequence lab tab. */
export function SequenceLab() {
  const t = useT();
  const { whenReady } = useBackend();
  const [source, setSource] = useState<SourceId>('sine');
  const [config, setConfig] = useState<ForecastConfig>({ ...DEFAULT_FORECAST_CONFIG });
  const [series, setSeries] = useState<Series | null>(null);
  const [csv, setCsv] = useState<{
    name: string;
    text: string;
    parsed: ParsedCsv;
    date: string;
    value: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const training = useTrainingRun<{ forecast: ForecastResult; series: Series; config: ForecastConfig }>();
  const { state, busy: running } = training;
  const [restored, setRestored] = useState(false);

  // Set once the visitor chooses a table, so a saved one still being read never replaces it.
  const picked = useRef(false);
  // Restore the last experiment (settings and an uploaded CSV) from this device.
  useEffect(() => {
    loadProject<unknown>(SAVE_KEY)
      .then(async (raw) => {
        if (raw === undefined) return;
        // Read field by field: a damaged setting takes its default, a damaged table is dropped.
        const s: Saved = readStored(
          sequenceLabSchema(SOURCES, { source: 'sine', config: { ...DEFAULT_FORECAST_CONFIG } }),
          raw,
        );
        setConfig(s.config);
        // Parsed in the worker: a saved table of 50,000 rows would hold the page for seconds here.
        const parsed = s.csv ? await parseCsvOffThread(s.csv.text, s.csv.name) : null;
        // A table the visitor chose meanwhile wins over the saved one.
        if (picked.current) return;
        if (s.csv && parsed) setCsv({ ...s.csv, parsed });
        setSource(s.source === 'csv' && !s.csv ? 'sine' : s.source);
      })
      .catch(() => undefined)
      .finally(() => setRestored(true));
  }, []);

  // Only the tab that holds the lab saves (a second tab never overwrites the first one's experiment).
  const canSave = useCanSave();
  useEffect(() => {
    if (!restored || !canSave) return;
    const saved: Saved = {
      source,
      config,
      ...(csv ? { csv: { name: csv.name, text: csv.text, date: csv.date, value: csv.value } } : {}),
    };
    void saveProject(SAVE_KEY, saved).catch(() => undefined);
  }, [source, config, csv, restored, canSave]);

  // Load the chosen series.
  useEffect(() => {
    let stale = false;
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
  };

  const start = async () => {
    if (!series || running) return;
    setError(null);
    await training.start(
      async (ctx) => {
        try {
          await whenReady();
          const forecast = await runForecast(series.values, config, {
            signal: ctx.signal,
            onEpochEnd: (epoch, logs) => ctx.onEpochEnd(epoch + 1, logs),
          });
          return { forecast, series, config };
        } catch (e) {
          setError(errorTextNow(e));
          throw e;
        }
      },
      { epochs: config.epochs },
    );
  };

  const reading = useFileReading();
  const onCsv = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    picked.current = true;
    try {
      const text = await readCsvFile(f, f.name, 'sequence');
      // Parsed in a worker with progress; Cancel stops it and keeps the series we had.
      const parsed = await reading.run(f.name, (o) => parseCsvOffThread(text, f.name, o));
      const value = parsed.numericColumns[parsed.numericColumns.length - 1];
      const date = parsed.columns.find((c) => c !== value) ?? parsed.columns[0];
      setCsv({ name: f.name, text, parsed, date, value });
      setSource('csv');
    } catch (e) {
      if (!isCancelled(e)) setError(describeFileError(e, t));
    }
  };

  // A result shows only while the series and settings it was trained on are still the chosen ones.
  const shown =
    state.result && state.result.series === series && state.result.config === config
      ? state.result.forecast
      : null;
  const tail = series ? series.values.slice(-Math.max(3 * config.window, 36)) : [];

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
          <Select
            id="seq-source"
            data-testid="series-source"
            label={t('lab.seq.series')}
            value={source}
            onChange={setSource}
            options={SOURCES.filter((s) => s !== 'csv' || csv).map((s) => ({
              value: s,
              label: s === 'csv' && csv ? csv.name : t(`lab.seq.src.${s}`),
            }))}
          />
          <FileDrop
            accept=".csv,text/csv,text/plain"
            multiple={false}
            label={t('lab.seq.csv')}
            hint={t('lab.seq.csvHint')}
            onFiles={onCsv}
            inputTestId="series-csv-input"
          />
          {reading.reading && (
            <FileProgress reading={reading.reading} onCancel={reading.cancel} testId="series-csv-progress" />
          )}
          {csv && source === 'csv' && (
            <div className="grid grid-cols-2 gap-2 text-sm">
              <Select
                id="seq-date"
                label={t('lab.seq.dateCol')}
                value={csv.date}
                onChange={(date) => setCsv({ ...csv, date })}
                options={csv.parsed.columns.map((c) => ({ value: c, label: c }))}
              />
              <Select
                id="seq-value"
                label={t('lab.seq.valueCol')}
                value={csv.value}
                onChange={(value) => setCsv({ ...csv, value })}
                options={csv.parsed.numericColumns.map((c) => ({ value: c, label: c }))}
              />
            </div>
          )}
          <Select
            id="seq-cell"
            data-testid="cell"
            label={t('lab.seq.cell')}
            value={config.cell}
            onChange={(cell) => update({ cell })}
            options={CELLS.map((c) => ({ value: c, label: t(`lab.seq.cell.${c}`) }))}
          />
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
          <TrainStop
            running={running}
            disabled={!prepared.data}
            onTrain={() => void start()}
            onStop={training.cancel}
            trainLabel={t('lab.seq.train')}
            trainTestId="forecast-train"
          />
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
            {(running || state.history.loss.length > 0) && (
              <LineChart
                title={t('lab.seq.lossTitle')}
                xLabel={t('lab.pg.epoch')}
                emptyText={t('lab.seq.training')}
                series={[
                  { label: t('lab.pg.train'), values: state.history.loss, color: '#4f46e5' },
                  {
                    label: t('lab.seq.validation'),
                    values: state.history.valLoss,
                    color: '#f59e0b',
                    dashed: true,
                  },
                ]}
              />
            )}
          </div>
          {shown && <ForecastResultView result={shown} tail={tail} />}
        </section>
      </div>
    </div>
  );
}
