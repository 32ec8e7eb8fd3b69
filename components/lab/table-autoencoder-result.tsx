'use client';
// TableAutoencoderResult: what a trained table autoencoder shows: held-out rows rebuilt, the code map
// and a walk through it, and the anomaly panel with the rows it flags.
import { useMemo, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { classColor } from '@/components/ui';
import { flaggedAt, mapBounds, walkToPoint, type TableAutoencoderRun, type TableData } from '@/lib/lab';

import { AnomalyPanel } from './anomaly-panel';
import { ANOMALY_COLOR, NORMAL_COLOR } from './colors';
import { LatentMapCard } from './latent-map';
import { RadioFieldset } from './radio-fieldset';
import { LatentWalk } from './latent-walk';

const MAX_FLAGGED = 12;
type ColourBy = 'anomaly' | 'label';

const fmt = (v: number) =>
  Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);

/** Props: the finished run, the table it was trained on and its bottleneck size. */
export interface TableAutoencoderResultProps {
  trained: TableAutoencoderRun & { bottleneck: number };
  data: TableData;
}

/** The results column of the table autoencoder. */
export function TableAutoencoderResult({ trained, data }: TableAutoencoderResultProps) {
  const t = useT();
  const [threshold, setThreshold] = useState(trained.report.threshold);
  const [colourBy, setColourBy] = useState<ColourBy>('anomaly');
  const [walk, setWalk] = useState<[number, number]>([0, 0]);

  // The 1st to 99th percentile, padded: far-out anomalies would otherwise squeeze the rest.
  const bounds = useMemo(() => mapBounds(trained.map.points, true), [trained]);
  const labelIndex = useMemo(() => {
    const m = new Map<string, number>();
    data.labelCounts.forEach((c, i) => m.set(c.value, i));
    return m;
  }, [data]);
  const byLabel = colourBy === 'label' && data.label !== null;
  const colorOf = useMemo(
    () => (i: number) =>
      byLabel
        ? classColor(labelIndex.get(data.test.labels[i]) ?? 0)
        : data.test.isAnomaly[i]
          ? ANOMALY_COLOR
          : NORMAL_COLOR,
    [byLabel, labelIndex, data],
  );
  const legend = byLabel
    ? data.labelCounts.map((c, i) => ({ color: classColor(i), text: c.value }))
    : [
        { color: NORMAL_COLOR, text: t('lab.tae.normalRow') },
        ...(data.label ? [{ color: ANOMALY_COLOR, text: t('lab.tae.anomalousRow') }] : []),
      ];

  // Decode the point under the marker into feature values.
  const decoded = useMemo(() => {
    try {
      return trained.model.decode([trained.map.toCode(walkToPoint(walk, bounds))])[0];
    } catch {
      return null;
    }
  }, [walk, trained, bounds]);

  const flagged = useMemo(
    () => flaggedAt(trained.report.scores, threshold, MAX_FLAGGED),
    [trained, threshold],
  );

  return (
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
          <RowHead data={data} />
          <tbody>
            {trained.sample.map(({ index, recon }) => (
              <tr key={index} className="border-t border-slate-100">
                <td className="pr-3">{data.test.lines[index]}</td>
                {data.label && (
                  <td className={`pr-3 ${data.test.isAnomaly[index] ? 'text-orange-700' : 'text-sky-700'}`}>
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
        <LatentMapCard
          bottleneck={trained.bottleneck}
          title={t('lab.tae.map')}
          points={trained.map.points}
          bounds={bounds}
          colorOf={colorOf}
          walk={walk}
          onWalk={setWalk}
          label={t('lab.tae.mapLabel')}
          testId="tae-map"
          legend={legend}
        >
          {data.label && (
            <RadioFieldset
              legend={t('lab.tae.colourBy')}
              name="tae-colour"
              options={['anomaly', 'label'] as const}
              value={colourBy}
              onChange={setColourBy}
              labelOf={(k) => t(`lab.tae.colour.${k}`)}
              testIdPrefix="tae-colour"
              compact
            />
          )}
        </LatentMapCard>
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
          data.label ? t('lab.tae.anomaly', { normal: data.normal.join(', ') }) : t('lab.tae.anomalyNoLabel')
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
              <RowHead data={data} verdict />
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
                        {data.test.isAnomaly[i] ? t('lab.tae.verdict.true') : t('lab.tae.verdict.false')}
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
  );
}

/** Column headings of a table of held-out rows: line, label, each feature, the error (and a verdict). */
function RowHead({ data, verdict = false }: { data: TableData; verdict?: boolean }) {
  const t = useT();
  const show = verdict && data.label;
  return (
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
        <th scope="col" className={verdict ? 'pr-3 font-medium' : 'font-medium'}>
          {t('lab.tae.error')}
        </th>
        {show && (
          <th scope="col" className="font-medium">
            {t('lab.tae.verdict')}
          </th>
        )}
      </tr>
    </thead>
  );
}
