'use client';
// TrainPanel: train an MLP or CNN on the MNIST digits in the browser, watch it learn, inspect its mistakes.
import type * as tf from '@tensorflow/tfjs';
import { useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { useBackend } from '@/components/tf/backend-provider';
import {
  Alert,
  Button,
  ConfusionMatrix,
  ModelSummaryTable,
  ProgressBar,
  Slider,
  TrainingCurves,
  type SummaryRow,
  type TrainingHistory,
} from '@/components/ui';
import type { DigitEvaluation, FirstLayerView } from '@/lib/digits';
import type { MnistData } from '@/lib/pretrained/digits';

import { DigitImage } from './digit-image';
import { MY_MODEL_KEY, type useDigitModels } from './use-digit-models';

type Optimizer = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';
const OPTIMIZERS: Optimizer[] = ['adam', 'sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad'];

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

/** The "Train your own" tab. */
export function TrainPanel({ models, loadData, drawings }: TrainPanelProps) {
  const t = useT();
  const { whenReady } = useBackend();
  const [kind, setKind] = useState<'mlp' | 'cnn'>('mlp');
  const [hidden, setHidden] = useState(200);
  const [filters, setFilters] = useState(8);
  const [epochs, setEpochs] = useState(3);
  const [batchSize, setBatchSize] = useState(64);
  const [learningRate, setLearningRate] = useState(0.001);
  const [optimizer, setOptimizer] = useState<Optimizer>('adam');
  const [useDrawings, setUseDrawings] = useState(true);
  const [fineTune, setFineTune] = useState(false);
  const [phase, setPhase] = useState<'idle' | 'loading' | 'training' | 'evaluating'>('idle');
  const [progress, setProgress] = useState(0);
  const [epochNow, setEpochNow] = useState(0);
  const [history, setHistory] = useState<TrainingHistory>({ loss: [], valLoss: [], acc: [], valAcc: [] });
  const [result, setResult] = useState<{ kind: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [evaluation, setEvaluation] = useState<DigitEvaluation | null>(null);
  const [testImages, setTestImages] = useState<Float32Array | null>(null);
  const [weights, setWeights] = useState<FirstLayerView | null>(null);
  const [summary, setSummary] = useState<{ rows: SummaryRow[]; total: number; trainable: number } | null>(
    null,
  );
  const abort = useRef<AbortController | null>(null);

  const busy = phase !== 'idle';

  const run = async () => {
    setResult(null);
    setEvaluation(null);
    setHistory({ loss: [], valLoss: [], acc: [], valAcc: [] });
    setProgress(0);
    setEpochNow(0);
    const controller = new AbortController();
    abort.current = controller;
    let model: tf.LayersModel | null = null;
    try {
      setPhase('loading');
      await whenReady();
      const [data, lib, models_, training, persist] = await Promise.all([
        loadData(),
        import('@/lib/digits'),
        import('@/lib/models'),
        import('@/lib/training'),
        import('@/lib/persist'),
      ]);
      if (fineTune && models.hasMine) model = (await persist.loadModelFromDb(MY_MODEL_KEY)).model;
      else model = lib.buildDigitNet({ kind, hidden, filters, seed: Date.now() % 100000 });
      models_.compileModel(model, {
        optimizer: { name: optimizer, learningRate },
        loss: 'categoricalCrossentropy',
      });
      const s = models_.summarizeModel(model);
      setSummary({ rows: s.layers, total: s.totalParams, trainable: s.trainableParams });

      // The learner's own drawings are repeated so a handful of them can matter among 8,000 digits.
      const extra = useDrawings ? drawings : [];
      const repeat = 10;
      const n = data.trainLabels.length + extra.length * repeat;
      const images = new Float32Array(n * 784);
      images.set(data.trainImages);
      const labels = Array.from(data.trainLabels);
      let offset = data.trainLabels.length;
      for (const d of extra) {
        for (let r = 0; r < repeat; r++) {
          images.set(d.pixels, offset * 784);
          labels.push(d.label);
          offset += 1;
        }
      }
      const x = lib.digitsToTensor(images, n);
      const y = lib.labelsToOneHot(labels);
      const steps = Math.ceil((n * 0.9) / batchSize);
      setPhase('training');
      let res;
      try {
        res = await training.train(
          model,
          { x, y },
          {
            epochs,
            batchSize,
            validationSplit: 0.1,
            seed: 7,
            signal: controller.signal,
            onBatchEnd: (batch) => setProgress((batch + 1) / steps),
            onEpochEnd: (epoch, logs) => {
              setEpochNow(epoch + 1);
              setHistory((h) => ({
                loss: [...h.loss, logs.loss],
                valLoss: logs.valLoss === undefined ? h.valLoss : [...(h.valLoss ?? []), logs.valLoss],
                acc: logs.acc === undefined ? h.acc : [...(h.acc ?? []), logs.acc],
                valAcc: logs.valAcc === undefined ? h.valAcc : [...(h.valAcc ?? []), logs.valAcc],
              }));
            },
          },
        );
      } finally {
        x.dispose();
        y.dispose();
      }
      setPhase('evaluating');
      const ev = await lib.evaluateDigits(model, data.testImages, data.testLabels);
      setEvaluation(ev);
      setTestImages(data.testImages);
      setWeights(lib.firstLayerWeights(model, kind === 'mlp' ? 16 : 32));
      await persist.saveModelToDb(model, MY_MODEL_KEY, {
        name: 'my digits network',
        kind,
        testAccuracy: ev.accuracy,
        labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      });
      models.refreshMine();
      const accuracy = `${(ev.accuracy * 100).toFixed(1)}%`;
      setResult(
        res.cancelled
          ? {
              kind: 'warning',
              text: `${t('digits.train.cancelled')} ${t('digits.train.done', { seconds: (res.ms / 1000).toFixed(1), accuracy })}`,
            }
          : {
              kind: 'success',
              text: `${t('digits.train.done', { seconds: (res.ms / 1000).toFixed(1), accuracy })} ${t('digits.train.saved')}`,
            },
      );
    } catch (e) {
      setResult({
        kind: 'error',
        text: t('digits.train.error', { message: errorTextNow(e) }),
      });
    } finally {
      model?.dispose();
      abort.current = null;
      setPhase('idle');
    }
  };

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
          <label className="block space-y-1 text-sm">
            <span className="font-medium">{t('digits.train.optimizer')}</span>
            <select
              value={optimizer}
              onChange={(e) => setOptimizer(e.target.value as Optimizer)}
              className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2"
            >
              {OPTIMIZERS.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button size="lg" onClick={() => void run()} disabled={busy}>
          {t('digits.train.start')}
        </Button>
        {busy && (
          <Button variant="danger" onClick={() => abort.current?.abort()}>
            {t('digits.train.cancel')}
          </Button>
        )}
      </div>
      {busy && (
        <ProgressBar
          value={phase === 'training' ? (epochNow + Math.min(1, progress)) / epochs : null}
          label={
            phase === 'loading'
              ? t('digits.train.loadingData')
              : t('digits.train.progress', { epoch: Math.min(epochs, epochNow + 1), epochs })
          }
        />
      )}
      {result && (
        <Alert kind={result.kind}>
          <span data-testid="digits-train-result">{result.text}</span>
        </Alert>
      )}
      <TrainingCurves history={history} />
      {summary && (
        <section className="space-y-2">
          <h3 className="font-semibold">{t('digits.train.summary')}</h3>
          <ModelSummaryTable
            rows={summary.rows}
            totalText={t('summary.total', {
              total: summary.total.toLocaleString(),
              trainable: summary.trainable.toLocaleString(),
            })}
            layerHeader={t('summary.layer')}
            outputHeader={t('summary.output')}
            paramsHeader={t('summary.params')}
          />
        </section>
      )}
      {evaluation && (
        <div className="grid gap-6 lg:grid-cols-2">
          <ConfusionMatrix
            title={t('confusion.title')}
            caption={t('confusion.explain')}
            labels={['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']}
            matrix={evaluation.confusion}
            trueLabel={t('confusion.true')}
            predictedLabel={t('confusion.predicted')}
          />
          <section className="space-y-2">
            <h3 className="font-semibold">{t('digits.train.mistakes')}</h3>
            {evaluation.mistakes.length === 0 || !testImages ? (
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
      )}
      {weights && (
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
      )}
    </div>
  );
}
