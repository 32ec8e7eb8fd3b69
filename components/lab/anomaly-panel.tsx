'use client';
// Anomaly detection results shared by the digits and the table autoencoders: the reconstruction-error
// histogram of normal vs anomalous examples, a threshold slider with precision, recall and the
// confusion counts it gives, and the ROC curve with its AUC. The flagged examples come as children.
import { useMemo, type ReactNode } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Slider } from '@/components/ui';
import { flagAt, type AnomalyReport, type ErrorHistogram } from '@/lib/lab';

const NORMAL_COLOR = '#0877bd';
const formatError = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toPrecision(3) : v.toFixed(4));
const ANOMALY_COLOR = '#f59322';

function Histogram({
  histogram,
  threshold,
  caption,
  legend,
  logNote,
}: {
  histogram: ErrorHistogram;
  threshold: number;
  caption: string;
  legend: string;
  logNote: string;
}) {
  const { min, max, scale, edges, normal, anomalous } = histogram;
  const bins = normal.length;
  const top = Math.max(...normal, ...anomalous, 1);
  const W = 320;
  const H = 120;
  const at =
    scale === 'log'
      ? (v: number) => Math.log(Math.max(v, min) / min) / Math.log(max / min)
      : (v: number) => (v - min) / (max - min || 1);
  const x = (v: number) => 4 + Math.min(1, Math.max(0, at(v))) * (W - 8);
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-3">
      <figcaption className="flex flex-wrap gap-3 text-sm">
        <span className="font-medium">{caption}</span>
        <span className="inline-flex items-center gap-1">
          <span className="h-3 w-3 rounded-sm bg-sky-600" /> {legend}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H + 14}`}
        className="mt-1 w-full"
        data-testid="error-histogram"
        role="img"
        aria-label={caption}
      >
        {[normal, anomalous].map((row, k) =>
          row.map((c, b) => (
            <rect
              key={`${k}-${b}`}
              x={x(edges[b]) + (k ? (W - 8) / bins / 2 : 0)}
              width={(W - 8) / bins / 2}
              y={H - (c / top) * (H - 4)}
              height={(c / top) * (H - 4)}
              fill={k ? ANOMALY_COLOR : NORMAL_COLOR}
            />
          )),
        )}
        <line x1={x(threshold)} x2={x(threshold)} y1={0} y2={H} stroke="#dc2626" strokeWidth={2} />
        <text x={4} y={H + 12} fontSize={9} fill="#64748b">
          {formatError(min)}
        </text>
        <text x={W - 4} y={H + 12} fontSize={9} fill="#64748b" textAnchor="end">
          {formatError(max)}
        </text>
      </svg>
      {scale === 'log' && <p className="text-xs text-slate-600">{logNote}</p>}
    </figure>
  );
}

function RocChart({
  roc,
  point,
  title,
}: {
  roc: NonNullable<AnomalyReport['roc']>;
  point: { fpr: number; tpr: number };
  title: string;
}) {
  const S = 160;
  const p = (f: number, t: number) => `${8 + f * (S - 16)},${S - 8 - t * (S - 16)}`;
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-3">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg
        viewBox={`0 0 ${S} ${S}`}
        className="mt-1 w-full max-w-[220px]"
        data-testid="roc-curve"
        role="img"
        aria-label={title}
      >
        <rect x={8} y={8} width={S - 16} height={S - 16} fill="none" stroke="#e2e8f0" />
        <line x1={8} y1={S - 8} x2={S - 8} y2={8} stroke="#cbd5e1" strokeDasharray="4 3" />
        <polyline
          fill="none"
          stroke="#4f46e5"
          strokeWidth={2}
          points={roc.fpr.map((f, i) => p(f, roc.tpr[i])).join(' ')}
        />
        <circle cx={8 + point.fpr * (S - 16)} cy={S - 8 - point.tpr * (S - 16)} r={4} fill="#dc2626" />
      </svg>
    </figure>
  );
}

/** Props for {@link AnomalyPanel}. */
export interface AnomalyPanelProps {
  report: AnomalyReport;
  /** Flag examples whose error is at least this. */
  threshold: number;
  onThreshold: (threshold: number) => void;
  title: string;
  explain: string;
  /** Histogram legend, e.g. "blue: 1s (normal), orange: other digits (anomalies), red line: threshold". */
  legend: string;
  /** The flagged examples, drawn under the numbers. */
  children?: ReactNode;
}

/** Histogram, threshold, precision/recall with confusion counts, ROC and AUC of an anomaly report. */
export function AnomalyPanel({
  report,
  threshold,
  onThreshold,
  title,
  explain,
  legend,
  children,
}: AnomalyPanelProps) {
  const t = useT();
  const pr = flagAt(report, threshold);
  // The slider moves through the examples' own errors, one example per step: errors can span
  // several powers of ten, where even steps of the value would skip every small threshold.
  const sorted = useMemo(() => [...new Set(report.scores)].sort((a, b) => a - b), [report]);
  let rank = 0;
  while (rank + 1 < sorted.length && sorted[rank + 1] <= threshold) rank++;
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-3" data-testid="anomaly-result">
      <h3 className="font-medium">{title}</h3>
      <p className="text-xs text-slate-600">{explain}</p>
      <div className="grid gap-3 md:grid-cols-[1fr_auto]">
        <Histogram
          histogram={report.histogram}
          threshold={threshold}
          caption={t('lab.ae.histogram')}
          legend={legend}
          logNote={t('lab.ae.logScale')}
        />
        {report.roc && report.auc !== null && (
          <RocChart
            roc={report.roc}
            point={{ fpr: pr.fp / Math.max(1, pr.fp + pr.tn), tpr: pr.recall }}
            title={t('lab.ae.roc', { auc: report.auc.toFixed(3) })}
          />
        )}
      </div>
      {report.auc !== null ? (
        <p className="text-sm">
          AUC: <strong data-testid="auc">{report.auc.toFixed(3)}</strong>{' '}
          <span className="text-xs text-slate-600">{t('lab.ae.aucExplain')}</span>
        </p>
      ) : (
        <p className="text-sm text-slate-700" data-testid="no-labels">
          {t('lab.ae.noLabels')}
        </p>
      )}
      <Slider
        label={t('lab.ae.threshold')}
        value={rank}
        min={0}
        max={sorted.length - 1}
        onChange={(k) => onThreshold(sorted[k])}
        format={(k) => formatError(sorted[k])}
        hint={t('lab.ae.thresholdHint')}
      />
      {report.auc !== null ? (
        <>
          <p className="text-sm" data-testid="precision-recall">
            {t('lab.ae.pr', {
              p: (pr.precision * 100).toFixed(0),
              r: (pr.recall * 100).toFixed(0),
              flagged: pr.tp + pr.fp,
            })}
          </p>
          <table className="text-sm" data-testid="anomaly-confusion">
            <caption className="text-left text-xs text-slate-600">{t('lab.ae.countsCaption')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col" className="px-2 font-medium">
                  {t('lab.ae.passed')}
                </th>
                <th scope="col" className="px-2 font-medium">
                  {t('lab.ae.flaggedCol')}
                </th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              <tr>
                <th scope="row" className="pr-2 text-left font-medium">
                  {t('lab.ae.reallyNormal')}
                </th>
                <td className="px-2 text-center">{pr.tn}</td>
                <td className="bg-rose-50 px-2 text-center">{pr.fp}</td>
              </tr>
              <tr>
                <th scope="row" className="pr-2 text-left font-medium">
                  {t('lab.ae.reallyAnomalous')}
                </th>
                <td className="bg-rose-50 px-2 text-center">{pr.fn}</td>
                <td className="px-2 text-center">{pr.tp}</td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p className="text-sm" data-testid="precision-recall">
          {t('lab.ae.flaggedOnly', { flagged: pr.tp + pr.fp, total: report.scores.length })}
        </p>
      )}
      {children}
    </div>
  );
}
