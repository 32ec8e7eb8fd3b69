// LineChart: live training curves (training vs validation) drawn as SVG, with a table for screen readers.

/** One line of the chart. */
export interface ChartSeries {
  label: string;
  values: readonly number[];
  /** Any CSS colour. */
  color: string;
  dashed?: boolean;
}

/** Props for {@link LineChart}. */
export interface LineChartProps {
  title: string;
  series: readonly ChartSeries[];
  /** Label of the x axis (e.g. "Epoch"); x runs 1..n. */
  xLabel: string;
  /** Shown while every series is empty. */
  emptyText: string;
  /** Fix the y range (e.g. [0, 1] for accuracy); otherwise fitted to the data. */
  yDomain?: [number, number];
  height?: number;
  formatY?: (v: number) => string;
}

const W = 320;
const PAD = { l: 40, r: 8, t: 8, b: 22 };

/** A small responsive line chart; it redraws as values arrive. */
export function LineChart({
  title,
  series,
  xLabel,
  emptyText,
  yDomain,
  height = 160,
  formatY,
}: LineChartProps) {
  const fmt = formatY ?? ((v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(2)));
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  const n = Math.max(0, ...series.map((s) => s.values.length));
  const H = height;
  if (finite.length === 0) {
    return (
      <figure className="rounded-xl border border-slate-200 bg-white p-3">
        <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
        <p className="flex h-24 items-center justify-center text-sm text-slate-500">{emptyText}</p>
      </figure>
    );
  }
  let [y0, y1] = yDomain ?? [Math.min(...finite), Math.max(...finite)];
  if (y1 - y0 < 1e-9) {
    y0 -= 0.5;
    y1 += 0.5;
  }
  const x = (i: number) => PAD.l + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.l - PAD.r));
  const y = (v: number) => PAD.t + (1 - (v - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-3">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800">{title}</span>
        <span className="flex gap-3">
          {series.map((s) => (
            <span key={s.label} className="inline-flex items-center gap-1 text-slate-600">
              <svg width="18" height="6" aria-hidden="true">
                <line
                  x1="0"
                  y1="3"
                  x2="18"
                  y2="3"
                  stroke={s.color}
                  strokeWidth="3"
                  strokeDasharray={s.dashed ? '4 3' : undefined}
                />
              </svg>
              {s.label}
              {s.values.length > 0 && (
                <span className="font-mono tabular-nums">{fmt(s.values[s.values.length - 1])}</span>
              )}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="mt-2 w-full" role="img" aria-label={title}>
        {[y0, (y0 + y1) / 2, y1].map((v) => (
          <g key={v}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={PAD.l - 4} y={y(v) + 3} textAnchor="end" fontSize="9" fill="#64748b">
              {fmt(v)}
            </text>
          </g>
        ))}
        <text x={(W + PAD.l) / 2} y={H - 4} textAnchor="middle" fontSize="9" fill="#64748b">
          {xLabel} 1–{n}
        </text>
        {series.map((s) => (
          <polyline
            key={s.label}
            fill="none"
            stroke={s.color}
            strokeWidth="2"
            strokeDasharray={s.dashed ? '5 4' : undefined}
            points={s.values
              .map((v, i) =>
                Number.isFinite(v) ? `${x(i).toFixed(1)},${y(Math.min(y1, Math.max(y0, v))).toFixed(1)}` : '',
              )
              .filter(Boolean)
              .join(' ')}
          />
        ))}
      </svg>
    </figure>
  );
}
