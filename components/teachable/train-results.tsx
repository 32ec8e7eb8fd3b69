'use client';
// "Under the hood" after training: live curves, time and counts, accuracy per class and the
// confusion matrix on the held-out examples.
import { useT } from '@/components/i18n/i18n-provider';
import type { TrainingRunState } from '@/components/training';
import { ConfusionMatrix, TrainingCurves } from '@/components/ui';
import { MIN_EXAMPLES_TO_HOLD_OUT } from '@/lib/transfer/constants';
import type { TrainSummary } from '@/lib/transfer/types';

/** The numbers of the current or last run, in the words a teacher can explain. */
export function TrainResults({ state }: { state: TrainingRunState<TrainSummary> }) {
  const t = useT();
  const r = state.result;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t('teach.curvesExplain')}</p>
      <TrainingCurves history={state.history} />
      {r && (
        <>
          <p className="text-sm" data-testid="training-time">
            {t('teach.timeAndCounts', {
              seconds: (r.ms / 1000).toFixed(1),
              train: r.counts.train,
              validation: r.counts.validation,
            })}
          </p>
          {r.counts.validation > 0 ? (
            <div className="grid gap-4 md:grid-cols-2">
              <table className="self-start text-sm" data-testid="per-class-accuracy">
                <caption className="mb-1 text-left font-medium">{t('teach.perClass')}</caption>
                <tbody>
                  {r.labels.map((l, i) => (
                    <tr key={`${l}-${i}`}>
                      <th scope="row" className="pr-3 text-left font-normal">
                        {l}
                      </th>
                      <td className="tabular-nums">
                        {r.perClassAccuracy[i] === null
                          ? '—'
                          : `${Math.round((r.perClassAccuracy[i] ?? 0) * 100)}%`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ConfusionMatrix
                labels={r.labels}
                matrix={r.confusion}
                title={t('teach.confusion')}
                caption={t('teach.confusionExplain')}
                trueLabel={t('teach.actual')}
                predictedLabel={t('teach.predicted')}
              />
            </div>
          ) : (
            <p className="text-sm text-slate-500">
              {r.tooFewToTest
                ? t('teach.noValidationMin', { min: MIN_EXAMPLES_TO_HOLD_OUT })
                : t('teach.noValidation')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
