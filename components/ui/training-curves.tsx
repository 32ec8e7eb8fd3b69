'use client';
// TrainingCurves: loss and accuracy over epochs, training vs validation, side by side.
import { useT } from '@/components/i18n/i18n-provider';

import { LineChart } from './line-chart';

/** Per-epoch numbers from the training loop. Validation arrays may be empty. */
export interface TrainingHistory {
  loss: readonly number[];
  valLoss?: readonly number[];
  acc?: readonly number[];
  valAcc?: readonly number[];
}

/** Two live charts; accuracy is shown only for classifiers. */
export function TrainingCurves({ history }: { history: TrainingHistory }) {
  const t = useT();
  const lossSeries = [
    { label: t('chart.train'), values: history.loss, color: '#4f46e5' },
    ...(history.valLoss?.length
      ? [{ label: t('chart.validation'), values: history.valLoss, color: '#f59e0b', dashed: true }]
      : []),
  ];
  const accSeries = [
    ...(history.acc?.length ? [{ label: t('chart.train'), values: history.acc, color: '#4f46e5' }] : []),
    ...(history.valAcc?.length
      ? [{ label: t('chart.validation'), values: history.valAcc, color: '#f59e0b', dashed: true }]
      : []),
  ];
  return (
    <div className="grid gap-3 md:grid-cols-2" data-testid="training-curves">
      <LineChart
        title={t('chart.loss')}
        series={lossSeries}
        xLabel={t('chart.epoch')}
        emptyText={t('chart.empty')}
      />
      {history.acc !== undefined && (
        <LineChart
          title={t('chart.accuracy')}
          series={accSeries}
          xLabel={t('chart.epoch')}
          emptyText={t('chart.empty')}
          yDomain={[0, 1]}
          formatY={(v) => `${Math.round(v * 100)}%`}
        />
      )}
    </div>
  );
}
