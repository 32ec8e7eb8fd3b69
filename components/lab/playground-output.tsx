'use client';
// The Playground's output column: the decision map with the points, the legend, the loss curves and
// the confusion matrix.
import { useT } from '@/components/i18n/i18n-provider';
import { ConfusionMatrix, LineChart } from '@/components/ui';
import type { LabDataset, PlaygroundSnapshot } from '@/lib/lab';

import { DecisionCanvas } from './decision-canvas';
import type { LossHistory } from './use-playground-network';

const CLASS_DOTS = ['#f59322', '#0877bd', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

interface Props {
  dataset: LabDataset | null;
  snapshot: PlaygroundSnapshot | null;
  epoch: number;
  history: LossHistory;
  confusion: number[][] | null;
  showTest: boolean;
  setShowTest: (on: boolean) => void;
}

/** The output column. */
export function PlaygroundOutput({
  dataset,
  snapshot,
  epoch,
  history,
  confusion,
  showTest,
  setShowTest,
}: Props) {
  const t = useT();
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-3" aria-labelledby="pg-out-h">
      <h2 id="pg-out-h" className="font-semibold">
        {t('lab.pg.outputTitle')}
      </h2>
      {dataset && (
        <DecisionCanvas
          snapshot={snapshot}
          dataset={dataset}
          showTest={showTest}
          px={288}
          label={t('lab.pg.boundaryLabel', { epoch })}
        />
      )}
      {dataset?.problem === 'classification' && (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label={t('lab.pg.legend')}>
          {(dataset.classNames.length ? dataset.classNames : ['0', '1']).map((c, i) => (
            <li key={c} className="inline-flex items-center gap-1">
              <span className="inline-block h-3 w-3 rounded-full" style={{ background: CLASS_DOTS[i % 8] }} />
              {c}
            </li>
          ))}
        </ul>
      )}
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={showTest}
          onChange={(e) => setShowTest(e.target.checked)}
          data-testid="show-test"
        />
        {t('lab.pg.showTest')}
      </label>
      <LineChart
        title={t('lab.pg.lossChart')}
        xLabel={t('lab.pg.epoch')}
        emptyText={t('lab.pg.noLoss')}
        series={[
          { label: t('lab.pg.train'), values: history.train, color: '#4f46e5' },
          { label: t('lab.pg.test'), values: history.test, color: '#f59e0b', dashed: true },
        ]}
      />
      {confusion && dataset && (
        <ConfusionMatrix
          labels={dataset.classNames}
          matrix={confusion}
          title={t('lab.pg.confusion')}
          trueLabel={t('lab.pg.trueClass')}
          predictedLabel={t('lab.pg.predictedClass')}
        />
      )}
    </section>
  );
}
