'use client';
// The Playground: pick data, features and an architecture, press play, and watch a small network learn.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { LocalizedError } from '@/lib/i18n';
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, Button, ConfusionMatrix, LineChart, Slider } from '@/components/ui';
import { parseCsv, type ParsedCsv } from '@/lib/data';
import {
  BATCH_SIZES,
  DEFAULT_PLAYGROUND_STATE,
  DATASETS,
  DATASET_NAMES,
  FEATURE_LABELS,
  FEATURE_NAMES,
  HIDEABLE_CONTROLS,
  OUTPUT_HEADS,
  PLAYGROUND_ACTIVATIONS,
  allowedHeads,
  createPlaygroundNetwork,
  csvToDataset,
  decodeState,
  encodeState,
  headSpec,
  makeDataset,
  matchHead,
  type CsvColumnChoice,
  type HideableControl,
  type LabDataset,
  type PlaygroundNetwork,
  type PlaygroundSnapshot,
  type PlaygroundState,
} from '@/lib/lab';
import type { OptimizerName } from '@/lib/models';
import { loadProject, saveProject } from '@/lib/persist';

import { DecisionCanvas } from './decision-canvas';
import { NetworkView } from './network-view';

/** Grid side of the decision-boundary and neuron maps. */
const GRID = 50;
const CSV_KEY = 'lab.playground.csv';
const OPTIMIZER_NAMES: OptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3];
const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

interface SavedCsv {
  name: string;
  text: string;
  choice: CsvColumnChoice;
}

interface LossHistory {
  train: number[];
  test: number[];
}

/** The parts of the state that need a new network; learning rate and hidden controls do not. */
function structureKey(s: PlaygroundState): string {
  return JSON.stringify({ ...s, learningRate: 0, hide: [] });
}

const selectClass = 'mt-1 w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm';

function Field({ label, children, id }: { label: string; children: React.ReactNode; id: string }) {
  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The Playground studio tab. */
export function Playground() {
  const t = useT();
  const { whenReady, name: backendName, setPreference } = useBackend();
  const [state, setState] = useState<PlaygroundState>(DEFAULT_PLAYGROUND_STATE);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [csv, setCsv] = useState<{
    name: string;
    text: string;
    parsed: ParsedCsv;
    choice: CsvColumnChoice;
  } | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [epoch, setEpoch] = useState(0);
  const [history, setHistory] = useState<LossHistory>({ train: [], test: [] });
  const [acc, setAcc] = useState<{ train?: number; test?: number }>({});
  const [snapshot, setSnapshot] = useState<PlaygroundSnapshot | null>(null);
  const [confusion, setConfusion] = useState<number[][] | null>(null);
  const [showTest, setShowTest] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fps, setFps] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  const netRef = useRef<PlaygroundNetwork | null>(null);
  /** The frame or step in flight; a rebuild waits for it before disposing the network. */
  const busy = useRef<Promise<unknown>>(Promise.resolve());
  const buildId = useRef(0);

  // Read the experiment from the URL (and a saved CSV) once, after mount.
  useEffect(() => {
    const { state: fromUrl, ignored: bad } = decodeState(window.location.search);
    setState(fromUrl);
    setIgnored(bad);
    loadProject<SavedCsv>(CSV_KEY)
      .then((saved) => {
        if (saved && new URLSearchParams(window.location.search).get('data') === 'csv') {
          setCsv({ ...saved, parsed: parseCsv(saved.text, saved.name) });
        }
      })
      .catch(() => undefined)
      .finally(() => setLoaded(true));
  }, []);

  // Keep the URL in step with the state so the address bar is always a shareable link.
  useEffect(() => {
    if (!loaded) return;
    const params = new URLSearchParams(window.location.search);
    const ours = new URLSearchParams(encodeState(state));
    for (const [k, v] of ours) params.set(k, v);
    if (!state.hide.length) params.delete('hide');
    if (csv) params.set('data', 'csv');
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
  }, [state, csv, loaded]);

  const dataResult = useMemo((): { dataset: LabDataset | null; error: string | null } => {
    try {
      if (csv)
        return {
          dataset: csvToDataset(csv.parsed, csv.choice, { trainRatio: state.trainRatio, seed: state.seed }),
          error: null,
        };
      return {
        dataset: makeDataset(state.dataset, {
          noise: state.noise,
          trainRatio: state.trainRatio,
          seed: state.seed,
        }),
        error: null,
      };
    } catch (e) {
      return { dataset: null, error: errorTextNow(e) };
    }
  }, [csv, state.dataset, state.noise, state.trainRatio, state.seed]);
  const dataset = dataResult.dataset;
  const problem = dataset?.problem ?? 'classification';
  const numClasses = dataset?.numClasses ?? 2;
  const head = matchHead(state.output, problem, numClasses);

  const update = useCallback((patch: Partial<PlaygroundState>) => setState((s) => ({ ...s, ...patch })), []);

  const draw = useCallback((net: PlaygroundNetwork) => {
    const l = net.evaluate();
    setSnapshot(net.snapshot(GRID));
    setConfusion(net.testConfusion());
    setEpoch(net.epoch);
    setAcc({ train: l.trainAcc, test: l.testAcc });
    return l;
  }, []);

  // (Re)build the network whenever the data or the architecture changes; training restarts from epoch 0.
  const key = structureKey({ ...state, output: head });
  useEffect(() => {
    if (!loaded || !dataset) return;
    const id = ++buildId.current;
    setPlaying(false);
    // Wait for the frame in flight (captured now: busy.current is about to become this run itself).
    const previous = busy.current;
    const run = async () => {
      await whenReady();
      await previous.catch(() => undefined);
      if (id !== buildId.current) return;
      netRef.current?.dispose();
      netRef.current = null;
      try {
        const net = createPlaygroundNetwork({ ...state, output: head }, dataset);
        netRef.current = net;
        const l = draw(net);
        setHistory({ train: [l.trainLoss], test: [l.testLoss] });
        setError(null);
        setReady(true);
      } catch (e) {
        setError(errorTextNow(e));
      }
    };
    busy.current = run();
    // Only structural changes rebuild; `state` is read through the key. A new engine (backendName)
    // also rebuilds, so the network starts afresh on it from the same seed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dataset, loaded, whenReady, draw, backendName]);

  // A new learning rate applies to the running network without losing what it learned.
  useEffect(() => {
    netRef.current?.setLearningRate(state.learningRate);
  }, [state.learningRate]);

  useEffect(() => () => netRef.current?.dispose(), []);

  const trainOnce = useCallback(
    async (net: PlaygroundNetwork) => {
      await net.trainBatches(net.batchesPerEpoch);
      if (netRef.current !== net) return false;
      const l = draw(net);
      setHistory((h) => ({ train: [...h.train, l.trainLoss], test: [...h.test, l.testLoss] }));
      if (!Number.isFinite(l.trainLoss) || !Number.isFinite(net.lastBatchLoss)) {
        setError(t('lab.pg.diverged'));
        return false;
      }
      return true;
    },
    [draw, t],
  );

  // Play: one epoch and one redraw per animation frame.
  useEffect(() => {
    if (!playing) return;
    let stop = false;
    let raf = 0;
    let frames = 0;
    let since = performance.now();
    const frame = () => {
      const net = netRef.current;
      if (stop || !net) return;
      const p = trainOnce(net).then((ok) => {
        frames++;
        const now = performance.now();
        if (now - since > 1000) {
          setFps((frames * 1000) / (now - since));
          frames = 0;
          since = now;
        }
        if (!ok) setPlaying(false);
        else if (!stop) raf = requestAnimationFrame(frame);
      });
      busy.current = p;
      p.catch((e: unknown) => {
        setError(errorTextNow(e));
        setPlaying(false);
      });
    };
    raf = requestAnimationFrame(frame);
    return () => {
      stop = true;
      cancelAnimationFrame(raf);
    };
  }, [playing, trainOnce]);

  const step = () => {
    const net = netRef.current;
    if (!net || playing) return;
    busy.current = trainOnce(net).catch((e: unknown) => setError(errorTextNow(e)));
  };

  const reset = () => {
    // Reset starts again from the same starting weights (the seed is in the URL, so a shared link
    // replays the same run); "New data" changes the seed.
    setPlaying(false);
    buildId.current++;
    const net = netRef.current;
    if (!net || !dataset) return;
    busy.current = busy.current
      .catch(() => undefined)
      .then(() => {
        netRef.current?.dispose();
        const fresh = createPlaygroundNetwork({ ...state, output: head }, dataset);
        netRef.current = fresh;
        const l = draw(fresh);
        setHistory({ train: [l.trainLoss], test: [l.testLoss] });
        setError(null);
      });
  };

  const onCsvFiles = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    setCsvError(null);
    try {
      const text = await file.text();
      const parsed = parseCsv(text, file.name);
      if (parsed.numericColumns.length < 2 || parsed.columns.length < 3) {
        throw new LocalizedError(t('lab.csv.needColumns', { name: file.name }));
      }
      const [x1, x2] = parsed.numericColumns;
      const label = [...parsed.columns].reverse().find((c) => c !== x1 && c !== x2) ?? parsed.columns[0];
      const choice: CsvColumnChoice = { x1, x2, label, problem: 'auto' };
      setCsv({ name: file.name, text, parsed, choice });
      void saveProject<SavedCsv>(CSV_KEY, { name: file.name, text, choice }).catch(() => undefined);
    } catch (e) {
      setCsvError(errorTextNow(e));
    }
  };

  const setCsvChoice = (patch: Partial<CsvColumnChoice>) => {
    if (!csv) return;
    const choice = { ...csv.choice, ...patch };
    setCsv({ ...csv, choice });
    void saveProject<SavedCsv>(CSV_KEY, { name: csv.name, text: csv.text, choice }).catch(() => undefined);
  };

  const hidden = (c: HideableControl) => state.hide.includes(c);
  const toggleHide = (c: HideableControl) =>
    update({
      hide: hidden(c)
        ? state.hide.filter((h) => h !== c)
        : HIDEABLE_CONTROLS.filter((h) => h === c || state.hide.includes(h)),
    });
  const outputs = dataset ? headSpec(head, problem, numClasses).units : 1;
  const fmtLoss = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));
  const lastTrain = history.train[history.train.length - 1];
  const lastTest = history.test[history.test.length - 1];

  return (
    <div className="space-y-4" data-testid="playground">
      {(backendName === 'webgl' || backendName === 'webgpu') && (
        // Measured (npm run bench, lab workload): a 2-8-8-8-8-1 network trains several times faster on
        // WebAssembly than on the graphics card, whose per-operation overhead dwarfs such tiny sums.
        <Alert kind="info">
          <span className="mr-2">{t('lab.pg.backendHint', { backend: backendName })}</span>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => void setPreference('wasm')}
            data-testid="use-wasm"
          >
            {t('lab.pg.useWasm')}
          </Button>
        </Alert>
      )}
      {ignored.length > 0 && (
        <Alert kind="warning">{t('lab.pg.ignored', { fields: ignored.join(', ') })}</Alert>
      )}
      {error && (
        <Alert kind="error" onDismiss={() => setError(null)} dismissLabel={t('lab.close')}>
          {error}
        </Alert>
      )}
      {dataResult.error && <Alert kind="error">{dataResult.error}</Alert>}

      {/* Transport: play / pause / step / reset and the counters. */}
      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-3">
        <Button
          onClick={() => setPlaying((p) => !p)}
          disabled={!ready || !dataset}
          data-testid="play"
          aria-pressed={playing}
        >
          {playing ? t('lab.pg.pause') : t('lab.pg.play')}
        </Button>
        <Button variant="secondary" onClick={step} disabled={!ready || playing} data-testid="step">
          {t('lab.pg.step')}
        </Button>
        <Button variant="secondary" onClick={reset} disabled={!ready} data-testid="reset">
          {t('lab.pg.reset')}
        </Button>
        <div className="flex flex-wrap gap-4 text-sm">
          <span>
            {t('lab.pg.epoch')}:{' '}
            <strong data-testid="epoch" className="font-mono tabular-nums">
              {epoch}
            </strong>
          </span>
          <span>
            {t('lab.pg.trainLoss')}:{' '}
            <strong data-testid="train-loss" className="font-mono tabular-nums">
              {fmtLoss(lastTrain)}
            </strong>
          </span>
          <span>
            {t('lab.pg.testLoss')}:{' '}
            <strong data-testid="test-loss" className="font-mono tabular-nums">
              {fmtLoss(lastTest)}
            </strong>
          </span>
          {acc.test !== undefined && (
            <span>
              {t('lab.pg.testAcc')}:{' '}
              <strong className="font-mono tabular-nums">{(acc.test * 100).toFixed(0)}%</strong>
            </span>
          )}
          {fps !== null && playing && (
            <span className="text-slate-500">
              {t('lab.pg.speed', { fps: fps.toFixed(0), backend: backendName ?? '' })}
            </span>
          )}
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-[16rem_1fr_20rem]">
        {/* Data column */}
        <section
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="pg-data"
        >
          <h2 id="pg-data" className="font-semibold">
            {t('lab.pg.data')}
          </h2>
          {!hidden('dataset') && (
            <fieldset>
              <legend className="text-sm font-medium">{t('lab.pg.dataset')}</legend>
              <div className="mt-1 grid grid-cols-2 gap-1">
                {DATASET_NAMES.map((d) => (
                  <button
                    key={d}
                    type="button"
                    aria-pressed={!csv && state.dataset === d}
                    data-testid={`dataset-${d}`}
                    onClick={() => {
                      setCsv(null);
                      update({ dataset: d });
                    }}
                    className={`rounded-lg border px-2 py-1 text-left text-xs ${
                      !csv && state.dataset === d
                        ? 'border-indigo-600 bg-indigo-50 font-semibold'
                        : 'border-slate-300 hover:bg-slate-50'
                    }`}
                  >
                    {t(`lab.data.${d}`)}
                    <span className="block text-[10px] text-slate-500">
                      {DATASETS[d].problem === 'regression'
                        ? t('lab.pg.regression')
                        : t('lab.pg.classes', { n: DATASETS[d].numClasses })}
                    </span>
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          {!hidden('csv') && (
            <div className="space-y-2">
              <FileDrop
                accept=".csv,text/csv,text/plain"
                multiple={false}
                label={t('lab.csv.drop')}
                hint={t('lab.csv.hint')}
                onFiles={onCsvFiles}
                inputTestId="csv-input"
              />
              {csvError && (
                <Alert kind="error" onDismiss={() => setCsvError(null)} dismissLabel={t('lab.close')}>
                  <span data-testid="csv-error">{csvError}</span>
                </Alert>
              )}
              {csv && (
                <div className="space-y-2 rounded-lg bg-slate-50 p-2" data-testid="csv-panel">
                  <p className="text-xs">
                    {t('lab.csv.loaded', { name: csv.name, rows: csv.parsed.rows.length })}
                  </p>
                  {(['x1', 'x2'] as const).map((role) => (
                    <Field
                      key={role}
                      id={`csv-${role}`}
                      label={role === 'x1' ? t('lab.csv.x1') : t('lab.csv.x2')}
                    >
                      <select
                        id={`csv-${role}`}
                        className={selectClass}
                        value={csv.choice[role]}
                        onChange={(e) => setCsvChoice({ [role]: e.target.value })}
                      >
                        {csv.parsed.numericColumns.map((c) => (
                          <option key={c}>{c}</option>
                        ))}
                      </select>
                    </Field>
                  ))}
                  <Field id="csv-label" label={t('lab.csv.label')}>
                    <select
                      id="csv-label"
                      className={selectClass}
                      value={csv.choice.label}
                      onChange={(e) => setCsvChoice({ label: e.target.value })}
                    >
                      {csv.parsed.columns.map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  </Field>
                  <Field id="csv-problem" label={t('lab.csv.problem')}>
                    <select
                      id="csv-problem"
                      className={selectClass}
                      value={csv.choice.problem ?? 'auto'}
                      onChange={(e) =>
                        setCsvChoice({ problem: e.target.value as CsvColumnChoice['problem'] })
                      }
                    >
                      <option value="auto">{t('lab.csv.auto')}</option>
                      <option value="classification">{t('lab.pg.classification')}</option>
                      <option value="regression">{t('lab.pg.regression')}</option>
                    </select>
                  </Field>
                  {dataset && 'dropped' in dataset && (dataset as { dropped: number }).dropped > 0 && (
                    <p className="text-xs text-amber-800">
                      {t('lab.csv.dropped', { n: (dataset as { dropped: number }).dropped })}
                    </p>
                  )}
                  <Button size="sm" variant="secondary" onClick={() => setCsv(null)}>
                    {t('lab.csv.clear')}
                  </Button>
                </div>
              )}
            </div>
          )}
          {!hidden('noise') && !csv && (
            <Slider
              label={t('lab.pg.noise')}
              value={state.noise}
              min={0}
              max={0.5}
              step={0.05}
              onChange={(noise) => update({ noise })}
              format={(v) => `${Math.round(v * 100)}%`}
            />
          )}
          {!hidden('ratio') && (
            <Slider
              label={t('lab.pg.ratio')}
              value={state.trainRatio}
              min={0.1}
              max={0.9}
              step={0.1}
              onChange={(trainRatio) => update({ trainRatio: Math.round(trainRatio * 10) / 10 })}
              format={(v) => `${Math.round(v * 100)}%`}
              hint={t('lab.pg.ratioHint')}
            />
          )}
          {!hidden('batch') && (
            <Field id="pg-batch" label={t('lab.pg.batch')}>
              <select
                id="pg-batch"
                className={selectClass}
                value={state.batchSize}
                onChange={(e) => update({ batchSize: Number(e.target.value) })}
              >
                {[...new Set([...BATCH_SIZES, state.batchSize])]
                  .sort((a, b) => a - b)
                  .map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
              </select>
            </Field>
          )}
          <Button
            variant="secondary"
            size="sm"
            onClick={() => update({ seed: state.seed + 1 })}
            data-testid="regenerate"
          >
            {t('lab.pg.regenerate')}
          </Button>
          {!hidden('features') && (
            <fieldset>
              <legend className="text-sm font-medium">{t('lab.pg.features')}</legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {FEATURE_NAMES.map((f) => {
                  const on = state.features.includes(f);
                  return (
                    <label key={f} className="inline-flex items-center gap-1 text-sm">
                      <input
                        type="checkbox"
                        checked={on}
                        data-testid={`feature-${f}`}
                        // At least one input must stay on: a network with no inputs has nothing to learn from.
                        disabled={on && state.features.length === 1}
                        onChange={() =>
                          update({
                            features: on
                              ? state.features.filter((x) => x !== f)
                              : FEATURE_NAMES.filter((x) => x === f || state.features.includes(x)),
                          })
                        }
                      />
                      {FEATURE_LABELS[f]}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          )}
        </section>

        {/* Network column */}
        <section
          className="min-w-0 space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="pg-net"
        >
          <h2 id="pg-net" className="font-semibold">
            {t('lab.pg.network')}
          </h2>
          <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {!hidden('activation') && (
              <Field id="pg-act" label={t('lab.pg.activation')}>
                <select
                  id="pg-act"
                  data-testid="activation"
                  className={selectClass}
                  value={state.activation}
                  onChange={(e) => update({ activation: e.target.value as PlaygroundState['activation'] })}
                >
                  {PLAYGROUND_ACTIVATIONS.map((a) => (
                    <option key={a} value={a}>
                      {t(`lab.act.${a}`)}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            {!hidden('output') && (
              <Field id="pg-out" label={t('lab.pg.outputLoss')}>
                <select
                  id="pg-out"
                  data-testid="output-head"
                  className={selectClass}
                  value={head}
                  onChange={(e) => update({ output: e.target.value as PlaygroundState['output'] })}
                >
                  {OUTPUT_HEADS.filter((h) => allowedHeads(problem, numClasses).includes(h)).map((h) => (
                    <option key={h} value={h}>
                      {t(`lab.head.${h}`)}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            {!hidden('optimizer') && (
              <Field id="pg-opt" label={t('lab.pg.optimizer')}>
                <select
                  id="pg-opt"
                  data-testid="optimizer"
                  className={selectClass}
                  value={state.optimizer}
                  onChange={(e) => update({ optimizer: e.target.value as OptimizerName })}
                >
                  {OPTIMIZER_NAMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`lab.opt.${o}`)}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            {!hidden('learningRate') && (
              <Field id="pg-lr" label={t('lab.pg.learningRate')}>
                <select
                  id="pg-lr"
                  data-testid="learning-rate"
                  className={selectClass}
                  value={state.learningRate}
                  onChange={(e) => update({ learningRate: Number(e.target.value) })}
                >
                  {[...new Set([...LEARNING_RATES, state.learningRate])]
                    .sort((a, b) => a - b)
                    .map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                </select>
              </Field>
            )}
            {!hidden('regularization') && (
              <>
                <Field id="pg-reg" label={t('lab.pg.regularization')}>
                  <select
                    id="pg-reg"
                    className={selectClass}
                    value={state.regularization}
                    onChange={(e) =>
                      update({ regularization: e.target.value as PlaygroundState['regularization'] })
                    }
                  >
                    {(['none', 'l1', 'l2'] as const).map((r) => (
                      <option key={r} value={r}>
                        {t(`lab.reg.${r}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id="pg-regrate" label={t('lab.pg.regRate')}>
                  <select
                    id="pg-regrate"
                    className={selectClass}
                    value={state.regularizationRate}
                    disabled={state.regularization === 'none'}
                    onChange={(e) => update({ regularizationRate: Number(e.target.value) })}
                  >
                    {[...new Set([...REG_RATES, state.regularizationRate])]
                      .sort((a, b) => a - b)
                      .map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                  </select>
                </Field>
              </>
            )}
            {!hidden('dropout') && (
              <Slider
                label={t('lab.pg.dropout')}
                value={state.dropout}
                min={0}
                max={0.5}
                step={0.05}
                onChange={(dropout) => update({ dropout })}
                format={(v) => `${Math.round(v * 100)}%`}
                hint={t('lab.pg.dropoutHint')}
              />
            )}
          </div>
          <p className="text-xs text-slate-600">{t(`lab.headHint.${head}`)}</p>
          <NetworkView
            features={state.features}
            hidden={state.hidden}
            outputs={outputs}
            snapshot={snapshot}
            editable={!hidden('layers')}
            onHiddenChange={(h) => update({ hidden: h })}
          />
          <p className="text-xs text-slate-600">{t('lab.pg.linkHint')}</p>
        </section>

        {/* Output column */}
        <section
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="pg-out-h"
        >
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
          {dataset && problem === 'classification' && (
            <ul className="flex flex-wrap gap-2 text-xs" aria-label={t('lab.pg.legend')}>
              {(dataset.classNames.length ? dataset.classNames : ['0', '1']).map((c, i) => (
                <li key={c} className="inline-flex items-center gap-1">
                  <span
                    className="inline-block h-3 w-3 rounded-full"
                    style={{
                      background: [
                        '#f59322',
                        '#0877bd',
                        '#2ca02c',
                        '#d62728',
                        '#9467bd',
                        '#8c564b',
                        '#e377c2',
                        '#17becf',
                      ][i % 8],
                    }}
                  />
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
      </div>

      <details className="rounded-xl border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t('lab.teacher.title')}</summary>
        <p className="mt-2 text-slate-600">{t('lab.teacher.explain')}</p>
        <fieldset className="mt-2 flex flex-wrap gap-3">
          <legend className="sr-only">{t('lab.teacher.hide')}</legend>
          {HIDEABLE_CONTROLS.map((c) => (
            <label key={c} className="inline-flex items-center gap-1">
              <input
                type="checkbox"
                checked={hidden(c)}
                onChange={() => toggleHide(c)}
                data-testid={`hide-${c}`}
              />
              {t(`lab.ctl.${c}`)}
            </label>
          ))}
        </fieldset>
        <Button
          className="mt-2"
          size="sm"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(window.location.href)
              .then(() => setCopied(true))
              .catch(() => setCopied(false));
          }}
        >
          {copied ? t('lab.teacher.copied') : t('lab.teacher.copy')}
        </Button>
      </details>
    </div>
  );
}
