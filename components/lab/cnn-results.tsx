'use client';
// CnnResults: a trained CNN lab network's test accuracy, confusion matrix and, for one chosen test
// digit, each conv layer's filters and the feature maps they make.
import type * as tf from '@tensorflow/tfjs';
import { useEffect, useState } from 'react';

import { DigitImage } from '@/components/digits/digit-image';
import { useT } from '@/components/i18n/i18n-provider';
import { ConfusionMatrix, Slider } from '@/components/ui';
import { DIGIT_LABELS, type DigitEvaluation } from '@/lib/digits';
import type { CnnLabLayer } from '@/lib/lab';

/** What one conv layer shows for the chosen digit. */
interface ConvView {
  filters: { side: number; images: Float32Array[] };
  maps: { side: number; maps: Float32Array[] };
}

/** Scales a layer's maps together into 0–1 so a brighter map really means a stronger response. */
function normalise(maps: Float32Array[]): Float32Array[] {
  let max = 1e-9;
  for (const m of maps) for (const v of m) if (v > max) max = v;
  return maps.map((m) => m.map((v) => v / max));
}

/** Props: the trained network (owned by the lab), its evaluation, the test digits and its stack. */
export interface CnnResultsProps {
  model: tf.LayersModel | null;
  evaluation: DigitEvaluation;
  data: { testImages: Float32Array; testLabels: ArrayLike<number> };
  stack: readonly CnnLabLayer[];
}

/** The results section under the CNN lab. */
export function CnnResults({ model, evaluation, data, stack }: CnnResultsProps) {
  const t = useT();
  const [digitIndex, setDigitIndex] = useState(0);
  const [views, setViews] = useState<ConvView[] | null>(null);
  const [guess, setGuess] = useState<number | null>(null);

  // Filters and feature maps of every conv layer for the chosen test digit.
  useEffect(() => {
    if (!model) return;
    let stale = false;
    void Promise.all([import('@/lib/lab'), import('@/lib/digits')]).then(async ([lab, lib]) => {
      if (stale) return;
      const image = data.testImages.subarray(digitIndex * 784, (digitIndex + 1) * 784);
      const probs = await lib.predictDigit(model, image);
      if (stale) return;
      setGuess(probs.indexOf(Math.max(...probs)));
      setViews(
        lab.convLayerIndices(model).map((i) => ({
          filters: lab.convFilters(model, i, 16),
          maps: lab.featureMaps(model, image, i, 16),
        })),
      );
    });
    return () => {
      stale = true;
    };
  }, [model, evaluation, data, digitIndex]);

  const digitPixels = data.testImages.subarray(digitIndex * 784, (digitIndex + 1) * 784);
  const convRows = stack.map((l, i) => ({ l, i })).filter((e) => e.l.kind === 'conv');

  return (
    <section className="space-y-4" aria-labelledby="cnn-results" data-testid="cnn-results">
      <h2 id="cnn-results" className="font-semibold">
        {t('lab.cnn.results')}
      </h2>
      <p>
        {t('lab.cnn.testAccuracy')}{' '}
        <strong data-testid="cnn-test-accuracy">{(evaluation.accuracy * 100).toFixed(1)}%</strong>{' '}
        <span className="text-sm text-slate-600">{t('lab.cnn.testHint')}</span>
      </p>
      <ConfusionMatrix
        labels={DIGIT_LABELS}
        matrix={evaluation.confusion}
        title={t('lab.cnn.confusion')}
        trueLabel={t('lab.cnn.trueDigit')}
        predictedLabel={t('lab.cnn.predicted')}
      />
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-3">
        <h3 className="font-medium">{t('lab.cnn.inside')}</h3>
        <p className="text-sm text-slate-600">{t('lab.cnn.insideHint')}</p>
        <div className="flex flex-wrap items-end gap-3">
          <DigitImage pixels={digitPixels} size={84} label={t('lab.cnn.digitLabel')} />
          <div className="w-64">
            <Slider
              label={t('lab.cnn.pickDigit')}
              value={digitIndex}
              min={0}
              max={data.testLabels.length - 1}
              onChange={setDigitIndex}
              format={(v) => `#${v + 1} (${data.testLabels[v] ?? ''})`}
            />
          </div>
          {guess !== null && (
            <p className="text-sm" data-testid="cnn-guess">
              {t('lab.cnn.guess', { real: data.testLabels[digitIndex], guess })}
            </p>
          )}
        </div>
        {views?.length === 0 && <p className="text-sm">{t('lab.cnn.noConv')}</p>}
        {views?.map((v, k) => (
          <div
            key={k}
            className="space-y-2 border-t border-slate-100 pt-2"
            data-testid={`cnn-conv-view-${k}`}
          >
            <h4 className="text-sm font-medium">
              {t('lab.cnn.convTitle', {
                n: (convRows[k]?.i ?? 0) + 1,
                filters: v.filters.images.length,
                k: v.filters.side,
              })}
            </h4>
            <div>
              <p className="text-xs text-slate-600">{t('lab.cnn.filtersHint')}</p>
              <div className="mt-1 flex flex-wrap gap-1" data-testid={`cnn-filters-${k}`}>
                {v.filters.images.map((img, f) => (
                  <DigitImage
                    key={f}
                    pixels={img}
                    side={v.filters.side}
                    signed
                    size={36}
                    label={t('lab.cnn.filterLabel', { f: f + 1 })}
                  />
                ))}
              </div>
            </div>
            <div>
              <p className="text-xs text-slate-600">{t('lab.cnn.mapsHint', { side: v.maps.side })}</p>
              <div className="mt-1 flex flex-wrap gap-1" data-testid={`cnn-maps-${k}`}>
                {normalise(v.maps.maps).map((m, f) => (
                  <DigitImage
                    key={f}
                    pixels={m}
                    side={v.maps.side}
                    size={56}
                    label={t('lab.cnn.mapLabel', { f: f + 1 })}
                  />
                ))}
              </div>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
