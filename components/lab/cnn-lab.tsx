'use client';
// CNN lab: stack conv / pool / dense / dropout layers from a palette, watch shapes and parameter counts
// follow every change, train on MNIST digits, then look inside: each conv layer's filters and the
// feature maps it makes for one chosen test digit.
import type * as tf from '@tensorflow/tfjs';
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { useCanSave } from '@/components/storage';
import { useBackend } from '@/components/tf/backend-provider';
import { useTrainingRun } from '@/components/training';
import { Alert, Button, ModelSummaryTable, ProgressBar, Slider, TrainingCurves } from '@/components/ui';
import type { DigitEvaluation } from '@/lib/digits';
import {
  DEFAULT_CNN_STACK,
  NEW_CNN_LAYER,
  checkCnnStack,
  type CnnLabLayer,
  type CnnLabLayerKind,
} from '@/lib/lab';
import { cnnLabSchema, readStored } from '@/lib/files';
import { loadProject, saveProject } from '@/lib/persist';
import { loadMnist, type MnistData } from '@/lib/pretrained/digits';

import { CnnResults } from './cnn-results';
import { CnnStackEditor } from './cnn-stack-editor';

const SAVE_KEY = 'lab.cnn';
/** More layers than this teaches nothing new and only slows a laptop down. */
const MAX_LAYERS = 10;

interface Settings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  subset: number;
}
const DEFAULT_SETTINGS: Settings = { epochs: 2, batchSize: 32, learningRate: 0.003, subset: 2000 };

interface Saved {
  stack: CnnLabLayer[];
  settings: Settings;
}

/** What a finished run leaves: the network itself stays in the lab's ref. */
interface CnnRun {
  evaluation: DigitEvaluation;
  cancelled: boolean;
  ms: number;
  /** The stack that was trained (the editor may change meanwhile). */
  stack: CnnLabLayer[];
}

/** The CNN lab tab. */
export function CnnLab() {
  const t = useT();
  const { whenReady } = useBackend();
  const [stack, setStack] = useState<CnnLabLayer[]>(() => DEFAULT_CNN_STACK.map((l) => ({ ...l })));
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [restored, setRestored] = useState(false);
  const [data, setData] = useState<MnistData | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const training = useTrainingRun<CnnRun>();
  const { state, busy } = training;
  const model = useRef<tf.LayersModel | null>(null);

  const check = useMemo(() => checkCnnStack(stack), [stack]);
  const badLayers = useMemo(() => new Set(check.problems.map((p) => p.index)), [check]);

  useEffect(() => {
    loadProject<unknown>(SAVE_KEY)
      .then((raw) => {
        if (raw === undefined) return;
        // Read field by field: damaged layers are dropped, damaged settings take their defaults.
        const s = readStored(
          cnnLabSchema({ stack: [...DEFAULT_CNN_STACK], settings: DEFAULT_SETTINGS }),
          raw,
        );
        setStack(s.stack);
        setSettings(s.settings);
      })
      .catch(() => undefined)
      .finally(() => setRestored(true));
    return () => {
      model.current?.dispose();
      model.current = null;
    };
  }, []);

  // Only the tab that holds the lab saves (a second tab never overwrites the first one's stack).
  const canSave = useCanSave();
  useEffect(() => {
    if (restored && canSave)
      void saveProject(SAVE_KEY, { stack, settings } satisfies Saved).catch(() => undefined);
  }, [stack, settings, restored, canSave]);

  const edit = (i: number, patch: Partial<CnnLabLayer>) =>
    setStack((s) => s.map((l, k) => (k === i ? ({ ...l, ...patch } as CnnLabLayer) : l)));
  const move = (i: number, by: -1 | 1) =>
    setStack((s) => {
      const next = [...s];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const remove = (i: number) => setStack((s) => s.filter((_, k) => k !== i));
  const add = (kind: CnnLabLayerKind) => setStack((s) => [...s, { ...NEW_CNN_LAYER[kind] }]);
  const setting = (patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch }));

  const problemText = (p: (typeof check.problems)[number]) =>
    p.code === 'afterDense'
      ? t('lab.cnn.problem.afterDense', { n: p.index + 1, layer: t(`lab.cnn.kind.${stack[p.index].kind}`) })
      : t('lab.cnn.problem.tooSmall', {
          n: p.index + 1,
          layer: t(`lab.cnn.kind.${stack[p.index].kind}`),
          side: p.side,
          size: p.size,
        });

  const run = async () => {
    if (!check.spec || busy) return;
    setDismissed(false);
    const spec = check.spec;
    const trainedOn = stack;
    await training.start(
      async (ctx) => {
        await whenReady();
        const [digits, models, lib] = await Promise.all([
          data ?? loadMnist(),
          import('@/lib/models'),
          import('@/lib/digits'),
        ]);
        setData(digits);
        model.current?.dispose();
        model.current = null;
        const net = models.buildModel({ ...spec, seed: Date.now() % 100000 });
        model.current = net;
        const n = Math.min(settings.subset, digits.trainLabels.length);
        const res = await lib.trainDigits(
          {
            trainImages: digits.trainImages.subarray(0, n * 784),
            trainLabels: digits.trainLabels.subarray(0, n),
            testImages: digits.testImages,
            testLabels: digits.testLabels,
          },
          {
            model: net,
            optimizer: 'adam',
            learningRate: settings.learningRate,
            epochs: settings.epochs,
            batchSize: settings.batchSize,
            firstLayerLimit: 0,
            signal: ctx.signal,
            onModel: () => ctx.setPhase('training', 0),
            onBatchEnd: (fraction) => ctx.setProgress(fraction),
            onEpochEnd: (finished, logs) => ctx.onEpochEnd(finished, logs),
            onEvaluate: () => ctx.setPhase('evaluating'),
          },
        );
        return { evaluation: res.evaluation, cancelled: res.cancelled, ms: res.ms, stack: trainedOn };
      },
      { epochs: settings.epochs },
    );
  };

  const done = state.result;
  const message: { kind: 'success' | 'warning' | 'error'; text: string } | null = dismissed
    ? null
    : done
      ? (() => {
          const text = t('lab.cnn.done', {
            seconds: (done.ms / 1000).toFixed(1),
            accuracy: (done.evaluation.accuracy * 100).toFixed(1),
          });
          return done.cancelled
            ? { kind: 'warning', text: `${t('lab.cnn.stopped')} ${text}` }
            : { kind: 'success', text };
        })()
      : state.error
        ? {
            kind: 'error',
            text: t('lab.cnn.error', {
              message: errorTextNow(state.error),
            }),
          }
        : null;
  const phase =
    state.phase === 'preparing'
      ? 'loading'
      : state.phase === 'training' || state.phase === 'evaluating'
        ? state.phase
        : 'idle';

  return (
    <div className="space-y-4" data-testid="cnn-lab">
      <p className="max-w-3xl text-slate-700">{t('lab.cnn.intro')}</p>
      <div className="grid gap-4 lg:grid-cols-[22rem_1fr]">
        <CnnStackEditor
          stack={stack}
          badLayers={badLayers}
          busy={busy}
          canAdd={stack.length < MAX_LAYERS}
          onAdd={add}
          onMove={move}
          onRemove={remove}
          onEdit={edit}
        />

        <section className="min-w-0 space-y-3" aria-labelledby="cnn-summary">
          <h2 id="cnn-summary" className="font-semibold">
            {t('lab.cnn.summary')}
          </h2>
          {check.problems.length > 0 && (
            <Alert kind="error">
              <ul data-testid="cnn-problems">
                {check.problems.map((p) => (
                  <li key={p.index}>{problemText(p)}</li>
                ))}
              </ul>
            </Alert>
          )}
          <ModelSummaryTable
            rows={check.rows.map((r) => ({
              ...r,
              name: r.index < 0 ? `${r.name} (${t('lab.cnn.auto')})` : `${r.index + 1}. ${r.name}`,
            }))}
            totalText={t('lab.cnn.total', { n: check.totalParams.toLocaleString() })}
            layerHeader={t('lab.cnn.col.layer')}
            outputHeader={t('lab.cnn.col.output')}
            paramsHeader={t('lab.cnn.col.params')}
          />
          <p className="text-sm">
            {t('lab.cnn.totalLabel')} <strong data-testid="cnn-total-params">{check.totalParams}</strong>
          </p>
          <p className="text-xs text-slate-600">{t('lab.cnn.summaryHint')}</p>

          <fieldset className="space-y-2 rounded-xl border border-slate-200 bg-white p-3" disabled={busy}>
            <legend className="px-1 font-semibold">{t('lab.cnn.train')}</legend>
            <Slider
              label={t('lab.cnn.subset')}
              value={settings.subset}
              min={500}
              max={8000}
              step={500}
              onChange={(subset) => setting({ subset })}
              hint={t('lab.cnn.subsetHint')}
            />
            <Slider
              label={t('lab.cnn.epochs')}
              value={settings.epochs}
              min={1}
              max={10}
              onChange={(epochs) => setting({ epochs })}
            />
            <Slider
              label={t('lab.cnn.batch')}
              value={settings.batchSize}
              min={8}
              max={256}
              step={8}
              onChange={(batchSize) => setting({ batchSize })}
            />
            <Slider
              label={t('lab.cnn.lr')}
              value={settings.learningRate}
              min={0.0001}
              max={0.03}
              log
              onChange={(learningRate) => setting({ learningRate })}
              format={(v) => v.toPrecision(2)}
            />
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <Button onClick={run} disabled={busy || !check.spec} data-testid="cnn-train">
              {phase === 'idle' ? t('lab.cnn.trainButton') : t(`lab.cnn.phase.${phase}`)}
            </Button>
            {phase === 'training' && (
              <Button variant="secondary" onClick={training.cancel} data-testid="cnn-stop">
                {t('lab.cnn.stop')}
              </Button>
            )}
          </div>
          {phase === 'training' && (
            <ProgressBar
              value={(state.epoch + Math.min(1, state.progress ?? 0)) / state.epochs}
              label={t('lab.cnn.progress')}
            />
          )}
          {message && (
            <Alert kind={message.kind} onDismiss={() => setDismissed(true)} dismissLabel={t('lab.close')}>
              {message.text}
            </Alert>
          )}
          {state.history.loss.length > 0 && <TrainingCurves history={state.history} />}
        </section>
      </div>

      {done && data && (
        <CnnResults model={model.current} evaluation={done.evaluation} data={data} stack={done.stack} />
      )}
    </div>
  );
}
