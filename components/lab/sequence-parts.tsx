'use client';
// Sequence lab pieces: the window picture, the model-vs-naive metrics table and the forecast result.
import { useT } from '@/components/i18n/i18n-provider';
import { Alert, LineChart } from '@/components/ui';
import type { ForecastMetrics, ForecastResult } from '@/lib/lab';

/** A picture of how windows are cut: one input window (blue) and the targets it must predict (orange). */
export function WindowPicture({
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

/** Model against "repeat the last value", metric by metric; the better one in bold. */
export function MetricsTable({ model, naive }: { model: ForecastMetrics; naive: ForecastMetrics }) {
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

/** Props: a finished forecast and the series tail it continues. */
export interface ForecastResultViewProps {
  result: ForecastResult;
  /** The last values of the series, drawn before the forecast. */
  tail: number[];
}

/** The verdict, metrics, test-set plot and the forecast beyond the data. */
export function ForecastResultView({ result, tail }: ForecastResultViewProps) {
  const t = useT();
  const beat = result.model.rmse < result.naive.rmse;
  const testLen = result.testPlot.actual.length;
  const futureLen = result.future.length;
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-3" data-testid="forecast-result">
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
              values: [...new Array(tail.length - 1).fill(NaN), tail[tail.length - 1], ...result.future],
              color: '#4f46e5',
              dashed: true,
            },
          ]}
        />
      </div>
      <p className="text-xs text-slate-600">{t('lab.seq.futureExplain')}</p>
    </div>
  );
}
