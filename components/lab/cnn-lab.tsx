'use client';
// CNN lab: stack conv / pool / dense / dropout layers from a palette, watch shapes and parameter counts
// follow every change, train on MNIST digits, then look inside: each conv layer's filters and the
// feature maps it makes for one chosen test digit.
import type * as tf from '@tensorflow/tfjs';
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { DigitImage } from '@/components/digits/digit-image';
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
  type TrainingHistory,
} from '@/components/ui';
import type { DigitEvaluation } from '@/lib/digits';
import {
  DEFAULT_CNN_STACK,
  NEW_CNN_LAYER,
  checkCnnStack,
  loadDigits,
  type CnnLabLayer,
  type CnnLabLayerKind,
  type DigitsData,
} from '@/lib/lab';
import { loadProject, saveProject } from '@/lib/persist';

const SAVE_KEY = 'lab.cnn';
const KINDS: CnnLabLayerKind[] = ['conv', 'maxPool', 'avgPool', 'dense', 'dropout'];
/** More layers than this teaches nothing new and only slows a laptop down. */
const MAX_LAYERS = 10;
const DIGIT_LABELS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const EMPTY_HISTORY: TrainingHistory = { loss: [], valLoss: [], acc: [], valAcc: [] };

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

/** The CNN lab tab. */
export function CnnLab() {
  const t = useT();
  const { whenReady, name: backend, setPreference } = useBackend();
  const [stack, setStack] = useState<CnnLabLayer[]>(() => DEFAULT_CNN_STACK.map((l) => ({ ...l })));
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [restored, setRestored] = useState(false);
  const [data, setData] = useState<DigitsData | null>(null);
  const [phase, setPhase] = useState<'idle' | 'loading' | 'training' | 'evaluating'>('idle');
  const [progress, setProgress] = useState(0);
  const [history, setHistory] = useState<TrainingHistory>(EMPTY_HISTORY);
  const [evaluation, setEvaluation] = useState<DigitEvaluation | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'warning' | 'error'; text: string } | null>(
    null,
  );
  const [digitIndex, setDigitIndex] = useState(0);
  const [views, setViews] = useState<ConvView[] | null>(null);
  const [guess, setGuess] = useState<number | null>(null);
  const [trainedStack, setTrainedStack] = useState<CnnLabLayer[] | null>(null);
  const model = useRef<tf.LayersModel | null>(null);
  const abort = useRef<AbortController | null>(null);
  const busy = phase !== 'idle';
  // The WebAssembly backend has no convolution gradient kernels, so it cannot train a CNN.
  const supported = backend !== 'wasm';

  const check = useMemo(() => checkCnnStack(stack), [stack]);

  useEffect(() => {
    loadProject<Saved>(SAVE_KEY)
      .then((s) => {
        if (s?.stack) setStack(s.stack);
        if (s?.settings) setSettings({ ...DEFAULT_SETTINGS, ...s.settings });
      })
      .catch(() => undefined)
      .finally(() => setRestored(true));
    return () => {
      abort.current?.abort();
      model.current?.dispose();
      model.current = null;
    };
  }, []);

  useEffect(() => {
    if (restored) void saveProject(SAVE_KEY, { stack, settings } satisfies Saved).catch(() => undefined);
  }, [stack, settings, restored]);

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
    setMessage(null);
    setEvaluation(null);
    setViews(null);
    setHistory(EMPTY_HISTORY);
    setProgress(0);
    const controller = new AbortController();
    abort.current = controller;
    try {
      setPhase('loading');
      await whenReady();
      const [digits, models, training, lib] = await Promise.all([
        data ?? loadDigits(),
        import('@/lib/models'),
        import('@/lib/training'),
        import('@/lib/digits'),
      ]);
      setData(digits);
      model.current?.dispose();
      model.current = null;
      const net = models.buildModel({ ...check.spec, seed: Date.now() % 100000 });
      model.current = net;
      models.compileModel(net, {
        optimizer: { name: 'adam', learningRate: settings.learningRate },
        loss: 'categoricalCrossentropy',
      });
      const n = Math.min(settings.subset, digits.trainLabels.length);
      const x = lib.digitsToTensor(digits.trainImages, n);
      const y = lib.labelsToOneHot(digits.trainLabels.subarray(0, n));
      const steps = Math.ceil((n * 0.9) / settings.batchSize) * settings.epochs;
      let step = 0;
      setPhase('training');
      let res;
      try {
        res = await training.train(
          net,
          { x, y },
          {
            epochs: settings.epochs,
            batchSize: settings.batchSize,
            validationSplit: 0.1,
            seed: 7,
            signal: controller.signal,
            onBatchEnd: () => setProgress(++step / steps),
            onEpochEnd: (_epoch, logs) =>
              setHistory((h) => ({
                loss: [...h.loss, logs.loss],
                valLoss: logs.valLoss === undefined ? h.valLoss : [...(h.valLoss ?? []), logs.valLoss],
                acc: logs.acc === undefined ? h.acc : [...(h.acc ?? []), logs.acc],
                valAcc: logs.valAcc === undefined ? h.valAcc : [...(h.valAcc ?? []), logs.valAcc],
              })),
          },
        );
      } finally {
        x.dispose();
        y.dispose();
      }
      setPhase('evaluating');
      const ev = await lib.evaluateDigits(net, digits.testImages, digits.testLabels);
      setEvaluation(ev);
      setTrainedStack(stack);
      const text = t('lab.cnn.done', {
        seconds: (res.ms / 1000).toFixed(1),
        accuracy: (ev.accuracy * 100).toFixed(1),
      });
      setMessage(
        res.cancelled
          ? { kind: 'warning', text: `${t('lab.cnn.stopped')} ${text}` }
          : { kind: 'success', text },
      );
    } catch (e) {
      setMessage({
        kind: 'error',
        text: t('lab.cnn.error', { message: errorTextNow(e) }),
      });
    } finally {
      abort.current = null;
      setPhase('idle');
    }
  };

  // Filters and feature maps of every conv layer for the chosen test digit.
  useEffect(() => {
    const net = model.current;
    if (!net || !evaluation || !data) return;
    let stale = false;
    void Promise.all([import('@/lib/lab'), import('@/lib/digits')]).then(async ([lab, lib]) => {
      if (stale || model.current !== net) return;
      const image = data.testImages.subarray(digitIndex * 784, (digitIndex + 1) * 784);
      const probs = await lib.predictDigit(net, image);
      if (stale || model.current !== net) return;
      setGuess(probs.indexOf(Math.max(...probs)));
      setViews(
        lab.convLayerIndices(net).map((i) => ({
          filters: lab.convFilters(net, i, 16),
          maps: lab.featureMaps(net, image, i, 16),
        })),
      );
    });
    return () => {
      stale = true;
    };
  }, [evaluation, data, digitIndex]);

  const digitPixels = data ? data.testImages.subarray(digitIndex * 784, (digitIndex + 1) * 784) : null;
  const convRows = trainedStack
    ? trainedStack.map((l, i) => ({ l, i })).filter((e) => e.l.kind === 'conv')
    : [];

  return (
    <div className="space-y-4" data-testid="cnn-lab">
      <p className="max-w-3xl text-slate-700">{t('lab.cnn.intro')}</p>
      {!supported && (
        <Alert kind="warning">
          <p>{t('lab.cnn.wasm')}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button size="sm" onClick={() => void setPreference('webgl')} data-testid="cnn-use-webgl">
              {t('lab.cnn.wasm.webgl')}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => void setPreference('cpu')}>
              {t('lab.cnn.wasm.cpu')}
            </Button>
          </div>
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-[22rem_1fr]">
        <section
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="cnn-build"
        >
          <h2 id="cnn-build" className="font-semibold">
            {t('lab.cnn.build')}
          </h2>
          <div role="group" aria-label={t('lab.cnn.palette')} className="flex flex-wrap gap-2">
            {KINDS.map((k) => (
              <Button
                key={k}
                size="sm"
                variant="secondary"
                disabled={busy || stack.length >= MAX_LAYERS}
                onClick={() => add(k)}
                data-testid={`cnn-add-${k}`}
                title={t(`lab.cnn.kindHint.${k}`)}
              >
                + {t(`lab.cnn.kind.${k}`)}
              </Button>
            ))}
          </div>
          <p className="text-xs text-slate-600">{t('lab.cnn.paletteHint')}</p>
          <ol className="space-y-2" data-testid="cnn-stack">
            <li className="rounded-lg bg-slate-50 px-2 py-1 text-sm text-slate-600">{t('lab.cnn.input')}</li>
            {stack.map((l, i) => {
              const bad = check.problems.some((p) => p.index === i);
              return (
                <li
                  key={i}
                  data-testid={`cnn-layer-${i}`}
                  className={`space-y-2 rounded-lg border p-2 ${bad ? 'border-rose-400 bg-rose-50' : 'border-slate-200'}`}
                >
                  <div className="flex items-center gap-1">
                    <span className="flex-1 text-sm font-medium">
                      {i + 1}. {t(`lab.cnn.kind.${l.kind}`)}
                    </span>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={busy || i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('lab.cnn.up', { n: i + 1 })}
                    >
                      ↑
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={busy || i === stack.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('lab.cnn.down', { n: i + 1 })}
                    >
                      ↓
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={busy}
                      onClick={() => remove(i)}
                      aria-label={t('lab.cnn.remove', { n: i + 1 })}
                      data-testid={`cnn-remove-${i}`}
                    >
                      ✕
                    </Button>
                  </div>
                  {l.kind === 'conv' && (
                    <>
                      <Slider
                        label={t('lab.cnn.filters')}
                        value={l.filters}
                        min={1}
                        max={32}
                        disabled={busy}
                        onChange={(filters) => edit(i, { filters })}
                      />
                      <Slider
                        label={t('lab.cnn.kernel')}
                        value={l.kernelSize}
                        min={1}
                        max={7}
                        disabled={busy}
                        onChange={(kernelSize) => edit(i, { kernelSize })}
                        format={(v) => `${v}×${v}`}
                      />
                    </>
                  )}
                  {(l.kind === 'maxPool' || l.kind === 'avgPool') && (
                    <Slider
                      label={t('lab.cnn.pool')}
                      value={l.poolSize}
                      min={2}
                      max={8}
                      disabled={busy}
                      onChange={(poolSize) => edit(i, { poolSize })}
                      format={(v) => `${v}×${v}`}
                    />
                  )}
                  {l.kind === 'dense' && (
                    <Slider
                      label={t('lab.cnn.units')}
                      value={l.units}
                      min={4}
                      max={256}
                      step={4}
                      disabled={busy}
                      onChange={(units) => edit(i, { units })}
                    />
                  )}
                  {l.kind === 'dropout' && (
                    <Slider
                      label={t('lab.cnn.rate')}
                      value={l.rate}
                      min={0}
                      max={0.8}
                      step={0.05}
                      disabled={busy}
                      onChange={(rate) => edit(i, { rate })}
                      format={(v) => `${Math.round(v * 100)}%`}
                    />
                  )}
                </li>
              );
            })}
            <li className="rounded-lg bg-slate-50 px-2 py-1 text-sm text-slate-600">{t('lab.cnn.output')}</li>
          </ol>
        </section>

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
            <Button onClick={run} disabled={busy || !check.spec || !supported} data-testid="cnn-train">
              {phase === 'idle' ? t('lab.cnn.trainButton') : t(`lab.cnn.phase.${phase}`)}
            </Button>
            {phase === 'training' && (
              <Button variant="secondary" onClick={() => abort.current?.abort()} data-testid="cnn-stop">
                {t('lab.cnn.stop')}
              </Button>
            )}
          </div>
          {phase === 'training' && <ProgressBar value={progress} label={t('lab.cnn.progress')} />}
          {message && (
            <Alert kind={message.kind} onDismiss={() => setMessage(null)} dismissLabel={t('lab.close')}>
              {message.text}
            </Alert>
          )}
          {history.loss.length > 0 && <TrainingCurves history={history} />}
        </section>
      </div>

      {evaluation && (
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
              {digitPixels && <DigitImage pixels={digitPixels} size={84} label={t('lab.cnn.digitLabel')} />}
              <div className="w-64">
                <Slider
                  label={t('lab.cnn.pickDigit')}
                  value={digitIndex}
                  min={0}
                  max={(data?.testLabels.length ?? 1) - 1}
                  onChange={setDigitIndex}
                  format={(v) => `#${v + 1} (${data?.testLabels[v] ?? ''})`}
                />
              </div>
              {guess !== null && data && (
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
      )}
    </div>
  );
}
