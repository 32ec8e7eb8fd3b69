'use client';
// TrainResults: what a finished digits run shows: the layer table, confusion matrix, the mistakes
// and the first layer's weights drawn as pictures.
import { useT } from '@/components/i18n/i18n-provider';
import { ConfusionMatrix, ModelSummaryTable } from '@/components/ui';
import { DIGIT_LABELS, type DigitEvaluation, type FirstLayerView } from '@/lib/digits';
import type { ModelSummary } from '@/lib/models';

import { DigitImage } from './digit-image';

/** The layer table of the network being trained. */
export function DigitNetSummary({ summary }: { summary: ModelSummary }) {
  const t = useT();
  return (
    <section className="space-y-2">
      <h3 className="font-semibold">{t('digits.train.summary')}</h3>
      <ModelSummaryTable
        rows={summary.layers}
        totalText={t('summary.total', {
          total: summary.totalParams.toLocaleString(),
          trainable: summary.trainableParams.toLocaleString(),
        })}
        layerHeader={t('summary.layer')}
        outputHeader={t('summary.output')}
        paramsHeader={t('summary.params')}
      />
    </section>
  );
}

/** Props: the evaluation on the test digits and the images it indexes. */
export interface DigitEvaluationViewProps {
  evaluation: DigitEvaluation;
  testImages: Float32Array;
}

/** Confusion matrix beside the most confident mistakes. */
export function DigitEvaluationView({ evaluation, testImages }: DigitEvaluationViewProps) {
  const t = useT();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ConfusionMatrix
        title={t('confusion.title')}
        caption={t('confusion.explain')}
        labels={DIGIT_LABELS}
        matrix={evaluation.confusion}
        trueLabel={t('confusion.true')}
        predictedLabel={t('confusion.predicted')}
      />
      <section className="space-y-2">
        <h3 className="font-semibold">{t('digits.train.mistakes')}</h3>
        {evaluation.mistakes.length === 0 ? (
          <p className="text-sm text-slate-500">{t('digits.train.noMistakes')}</p>
        ) : (
          <ul className="grid grid-cols-4 gap-2 sm:grid-cols-6" data-testid="digits-mistakes">
            {evaluation.mistakes.map((m) => {
              const caption = t('digits.train.mistake', { pred: m.pred, label: m.label });
              return (
                <li key={m.index} className="text-center text-xs">
                  <DigitImage
                    pixels={testImages.subarray(m.index * 784, m.index * 784 + 784)}
                    size={56}
                    label={caption}
                  />
                  <span>{caption}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The first layer's weights: what each hidden neuron or filter looks for. */
export function FirstLayerWeights({ weights }: { weights: FirstLayerView }) {
  const t = useT();
  return (
    <section className="space-y-2">
      <h3 className="font-semibold">{t('digits.train.weights')}</h3>
      <p className="text-sm text-slate-600">
        {t(weights.kind === 'dense' ? 'digits.train.weightsHintMlp' : 'digits.train.weightsHintCnn')}
      </p>
      <ul className="flex flex-wrap gap-2" data-testid="digits-weights">
        {weights.images.map((img, i) => (
          <li key={i}>
            <DigitImage
              pixels={img}
              side={weights.side}
              size={weights.kind === 'dense' ? 64 : 40}
              signed
              label={`#${i + 1}`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
