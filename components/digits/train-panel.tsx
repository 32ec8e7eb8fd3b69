'use client';
// TrainPanel: train an MLP or CNN on the MNIST digits in the browser, watch it learn, inspect its mistakes.
import type * as tf from '@tensorflow/tfjs';
import { useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { useCanSave } from '@/components/storage';
import { useBackend } from '@/components/tf/backend-provider';
import { useTrainingRun } from '@/components/training';
import { Alert, Button, ProgressBar, Select, Slider, TrainingCurves } from '@/components/ui';
import type { DigitEvaluation, FirstLayerView } from '@/lib/digits';
import type { ModelSummary, OptimizerName } from '@/lib/models';
import type { MnistData } from '@/lib/pretrained/digits';

import { MY_MODEL_KEY, type useDigitModels } from './use-digit-models';
import { DigitEvaluationView, DigitNetSummary, FirstLayerWeights } from './train-results';

const OPTIMIZERS: OptimizerName[] = ['adam', 'sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad'];

/** A drawing the learner labelled. */
export interface LabelledDrawing {
  pixels: Float32Array;
  label: number;
}

/** Props: the shared models hook, MNIST loader and the learner's drawings. */
export interface TrainPanelProps {
  models: ReturnType<typeof useDigitModels>;
  loadData: () => Promise<MnistData>;
  drawings: readonly LabelledDrawing[];
}

/** What a finished run leaves for the page (the model itself is saved and disposed). */
interface DigitsRun {
  evaluation: DigitEvaluation;
  firstLayer: FirstLayerView | null;
  testImages: Float32Array;
  cancelled: boolean;
  ms: number;
}

/** The "Train your own" tab. */
export function TrainPanel({ models, loadData, drawings }: TrainPanelProps) {
  const t = useT();
  const { whenReady } = useBackend();
  // A second tab of the studio trains and shows results, but never replaces the saved network.
  const canSave = useCanSave();
  const [kind, setKind] = useState<'mlp' | 'cnn'>('mlp');
  const [hidden, setHidden] = useState(200);
  const [filters, setFilters] = useState(8);
  const [epochs, setEpochs] = useState(3);
  const [batchSize, setBatchSize] = useState(64);
  const [learningRate, setLearningRate] = useState(0.001);
  const [optimizer, setOptimizer] = useState<OptimizerName>('adam');
  const [useDrawings, setUseDrawings] = useState(true);
  const [fineTune, setFineTune] = useState(false);
  const [summary, setSummary] = useState<ModelSummary | null>(null);
  const training = useTrainingRun<DigitsRun>();
  const { state, busy } = training;

  const run = () =>
    training.start(
      async (ctx) => {
        await whenReady();
        const [data, lib, persist] = await Promise.all([
          loadData(),
          import('@/lib/digits'),
          import('@/lib/persist'),
        ]);
        let start: tf.LayersModel | undefined;
        if (fineTune && models.hasMine) start = (await persist.loadModelFromDb(MY_MODEL_KEY)).model;
        let model: tf.LayersModel | undefined = start;
        try {
          const res = await lib.trainDigits(data, {
            model: start,
            net: { kind, hidden, filters, seed: Date.now() % 100000 },
            optimizer,
            learningRate,
            epochs,
            batchSize,
            extra: useDrawings ? drawings : [],
            firstLayerLimit: kind === 'mlp' ? 16 : 32,
            signal: ctx.signal,
            onModel: (s) => {
              setSummary(s);
              ctx.setPhase('training', 0);
            },
            onBatchEnd: (fraction) => ctx.setProgress(fraction),
            onEpochEnd: (finished, logs) => ctx.onEpochEnd(finished, logs),
            onEvaluate: () => ctx.setPhase('evaluating'),
          });
          model = res.model;
          if (canSave) {
            await persist.saveModelToDb(model, MY_MODEL_KEY, {
              name: 'my digits network',
              kind,
              testAccuracy: res.evaluation.accuracy,
              labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
            });
            models.refreshMine();
          }
          return {
            evaluation: res.evaluation,
            firstLayer: res.firstLayer,
            testImages: data.testImages,
            cancelled: res.cancelled,
            ms: res.ms,
          };
        } finally {
          model?.dispose();
        }
      },
      { epochs },
    );

  const done = state.result;
  const message: { kind: 'success' | 'warning' | 'error'; text: string } | null = done
    ? (() => {
        const text = t('digits.train.done', {
          seconds: (done.ms / 1000).toFixed(1),
          accuracy: `${(done.evaluation.accuracy * 100).toFixed(1)}%`,
        });
        return done.cancelled
          ? { kind: 'warning', text: `${t('digits.train.cancelled')} ${text}` }
          : { kind: 'success', text: `${text} ${t('digits.train.saved')}` };
      })()
    : state.error
      ? {
          kind: 'error',
          text: t('digits.train.error', {
            message: errorTextNow(state.error),
          }),
        }
      : null;

  return (
    <div className="space-y-6">
      <p className="text-slate-700">{t('digits.train.lead')}</p>
      <div className="grid gap-6 md:grid-cols-2">
        <fieldset className="space-y-3" disabled={busy}>
          <legend className="mb-2 font-semibold">{t('digits.train.arch')}</legend>
          {(['mlp', 'cnn'] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="radio" name="digits-kind" checked={kind === k} onChange={() => setKind(k)} />
              {t(k === 'mlp' ? 'digits.train.mlp' : 'digits.train.cnn')}
            </label>
          ))}
          {kind === 'mlp' ? (
            <Slider
              label={t('digits.train.hidden')}
              value={hidden}
              min={8}
              max={512}
              step={8}
              onChange={setHidden}
            />
          ) : (
            <Slider
              label={t('digits.train.filters')}
              value={filters}
              min={2}
              max={32}
              step={2}
              onChange={setFilters}
            />
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={useDrawings} onChange={(e) => setUseDrawings(e.target.checked)} />
            {t('digits.train.useMine', { count: drawings.length })}
          </label>
          {models.hasMine && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={fineTune} onChange={(e) => setFineTune(e.target.checked)} />
              {t('digits.train.fineTune')}
            </label>
          )}
        </fieldset>
        <fieldset className="space-y-3" disabled={busy}>
          <Slider
            label={t('digits.train.epochs')}
            value={epochs}
            min={1}
            max={20}
            onChange={setEpochs}
            hint={t('digits.train.epochsHint')}
          />
          <Slider
            label={t('digits.train.batch')}
            value={batchSize}
            min={8}
            max={256}
            step={8}
            onChange={setBatchSize}
            hint={t('digits.train.batchHint')}
          />
          <Slider
            label={t('digits.train.lr')}
            value={learningRate}
            min={0.0001}
            max={0.1}
            log
            onChange={setLearningRate}
            hint={t('digits.train.lrHint')}
          />
          <Select
            label={t('digits.train.optimizer')}
            value={optimizer}
            onChange={setOptimizer}
            options={OPTIMIZERS.map((o) => ({ value: o, label: o }))}
          />
        </fieldset>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button size="lg" onClick={() => void run()} disabled={busy}>
          {t('digits.train.start')}
        </Button>
        {busy && (
          <Button variant="danger" onClick={training.cancel}>
            {t('digits.train.cancel')}
          </Button>
        )}
      </div>
      {busy && (
        <ProgressBar
          value={
            state.phase === 'training'
              ? (state.epoch + Math.min(1, state.progress ?? 0)) / state.epochs
              : null
          }
          label={
            state.phase === 'preparing'
              ? t('digits.train.loadingData')
              : t('digits.train.progress', {
                  epoch: Math.min(state.epochs, state.epoch + 1),
                  epochs: state.epochs,
                })
          }
        />
      )}
      {message && (
        <Alert kind={message.kind}>
          <span data-testid="digits-train-result">{message.text}</span>
        </Alert>
      )}
      <TrainingCurves history={state.history} />
      {summary && <DigitNetSummary summary={summary} />}
      {done && <DigitEvaluationView evaluation={done.evaluation} testImages={done.testImages} />}
      {done?.firstLayer && <FirstLayerWeights weights={done.firstLayer} />}
    </div>
  );
}
