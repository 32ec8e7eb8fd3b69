'use client';
// The Playground: pick data, features and an architecture, press play, and watch a small network learn.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { useCanSave } from '@/components/storage';
import { useBackend } from '@/components/tf/backend-provider';
import { useFileReading } from '@/components/media/use-file-reading';
import { Alert, Button, FileProgress } from '@/components/ui';
import { LocalizedError } from '@/lib/i18n';
import {
  describeFileError,
  isCancelled,
  parseCsvOffThread,
  PlaygroundCsvSchema,
  readCsvFile,
  readStored,
} from '@/lib/files';
import {
  DEFAULT_PLAYGROUND_STATE,
  HIDEABLE_CONTROLS,
  PLAYGROUND_ENGINES,
  csvToDataset,
  decodeState,
  encodeState,
  headSpec,
  makeDataset,
  matchHead,
  type CsvColumnChoice,
  type HideableControl,
  type LabDataset,
  type PlaygroundEngine,
  type PlaygroundState,
} from '@/lib/lab';
import { loadProject, saveProject } from '@/lib/persist';

import { NetworkView } from './network-view';
import { PlaygroundData, type PlaygroundCsv } from './playground-data';
import { PlaygroundOutput } from './playground-output';
import { PlaygroundSettings } from './playground-settings';
import { PlaygroundTeacher } from './playground-teacher';
import { usePlaygroundNetwork } from './use-playground-network';

const CSV_KEY = 'lab.playground.csv';

type SavedCsv = Omit<PlaygroundCsv, 'parsed'>;

/** The Playground studio tab. */
export function Playground() {
  const t = useT();
  const { whenReady, name: backendName, setPreference } = useBackend();
  const [state, setState] = useState<PlaygroundState>(DEFAULT_PLAYGROUND_STATE);
  // The typed-array engine by default; "TensorFlow.js" shows the same network on tensors (`engine=tfjs`).
  const [engine, setEngine] = useState<PlaygroundEngine>('js');
  const [ignored, setIgnored] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [csv, setCsv] = useState<PlaygroundCsv | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const reading = useFileReading();
  // Set once the visitor chooses a table, so a saved one still being read never replaces it.
  const picked = useRef(false);
  const [showTest, setShowTest] = useState(false);
  // A lesson link that hides controls is for students: the teacher panel shows only with teacher=1.
  const [teacher, setTeacher] = useState(true);
  // Only the tab that holds the lab saves the uploaded table (a second tab keeps its own to itself).
  const canSave = useCanSave();

  // Read the experiment from the URL (and a saved CSV) once, after mount.
  useEffect(() => {
    const { state: fromUrl, ignored: bad } = decodeState(window.location.search);
    const params = new URLSearchParams(window.location.search);
    const wanted = params.get('engine');
    setState(fromUrl);
    if (wanted && (PLAYGROUND_ENGINES as readonly string[]).includes(wanted))
      setEngine(wanted as PlaygroundEngine);
    setTeacher(!fromUrl.hide.length || params.get('teacher') === '1');
    setIgnored(bad);
    loadProject<unknown>(CSV_KEY)
      .then(async (raw) => {
        // A damaged saved table is ignored (the Playground's own data instead).
        const saved = readStored(PlaygroundCsvSchema, raw ?? null);
        if (!saved || params.get('data') !== 'csv') return;
        // Parsed in the worker: a saved table of 50,000 rows would hold the page for seconds here.
        const parsed = await parseCsvOffThread(saved.text, saved.name);
        // A table the visitor chose meanwhile wins over the saved one.
        if (!picked.current) setCsv({ ...saved, parsed });
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
    if (engine === 'js') params.delete('engine');
    else params.set('engine', engine);
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
  }, [state, csv, loaded, engine]);

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
  const netState = useMemo(() => ({ ...state, output: head }), [state, head]);

  const run = usePlaygroundNetwork({
    state: netState,
    dataset,
    loaded,
    engine,
    whenReady,
    backendName,
    divergedText: t('lab.pg.diverged'),
  });
  const { playing, setPlaying, epoch, history, acc, snapshot, confusion, error, setError, fps, ready } = run;

  const update = useCallback((patch: Partial<PlaygroundState>) => setState((s) => ({ ...s, ...patch })), []);

  const onCsvFiles = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    picked.current = true;
    setCsvError(null);
    try {
      // Refused by size before reading and by rows before parsing (lib/files limits).
      const text = await readCsvFile(file, file.name, 'playground');
      // Parsed in a worker with progress; Cancel stops it and keeps the table we had.
      const parsed = await reading.run(file.name, (o) => parseCsvOffThread(text, file.name, o));
      if (parsed.numericColumns.length < 2 || parsed.columns.length < 3) {
        throw new LocalizedError(t('lab.csv.needColumns', { name: file.name }));
      }
      const [x1, x2] = parsed.numericColumns;
      const label = [...parsed.columns].reverse().find((c) => c !== x1 && c !== x2) ?? parsed.columns[0];
      const choice: CsvColumnChoice = { x1, x2, label, problem: 'auto' };
      setCsv({ name: file.name, text, parsed, choice });
      if (canSave)
        void saveProject<SavedCsv>(CSV_KEY, { name: file.name, text, choice }).catch(() => undefined);
    } catch (e) {
      if (!isCancelled(e)) setCsvError(describeFileError(e, t));
    }
  };

  const setCsvChoice = (patch: Partial<CsvColumnChoice>) => {
    if (!csv) return;
    const choice = { ...csv.choice, ...patch };
    setCsv({ ...csv, choice });
    if (canSave)
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
  const engineLabel = engine === 'js' ? t('lab.pg.engine.js') : (backendName ?? '');
  const counters: [string, string, string][] = [
    ['epoch', t('lab.pg.epoch'), String(epoch)],
    ['train-loss', t('lab.pg.trainLoss'), fmtLoss(history.train[history.train.length - 1])],
    ['test-loss', t('lab.pg.testLoss'), fmtLoss(history.test[history.test.length - 1])],
  ];

  return (
    <div className="space-y-4" data-testid="playground">
      {engine === 'tfjs' && (backendName === 'webgl' || backendName === 'webgpu') && (
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
        <Button variant="secondary" onClick={run.step} disabled={!ready || playing} data-testid="step">
          {t('lab.pg.step')}
        </Button>
        <Button variant="secondary" onClick={run.reset} disabled={!ready} data-testid="reset">
          {t('lab.pg.reset')}
        </Button>
        <div className="flex flex-wrap gap-4 text-sm">
          {counters.map(([id, label, value]) => (
            <span key={id}>
              {label}:{' '}
              <strong data-testid={id} className="font-mono tabular-nums">
                {value}
              </strong>
            </span>
          ))}
          {acc.test !== undefined && (
            <span>
              {t('lab.pg.testAcc')}:{' '}
              <strong className="font-mono tabular-nums">{(acc.test * 100).toFixed(0)}%</strong>
            </span>
          )}
          {fps !== null && playing && (
            <span className="text-slate-500" data-testid="pg-speed">
              {t('lab.pg.speed', { fps: fps.toFixed(0), backend: engineLabel })}
            </span>
          )}
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-[16rem_1fr_20rem]">
        <PlaygroundData
          state={state}
          update={update}
          hidden={hidden}
          dataset={dataset}
          csv={csv}
          csvError={csvError}
          onCsvFiles={(files) => void onCsvFiles(files)}
          setCsvChoice={setCsvChoice}
          clearCsv={() => setCsv(null)}
          dismissCsvError={() => setCsvError(null)}
          csvProgress={
            reading.reading && (
              <FileProgress reading={reading.reading} onCancel={reading.cancel} testId="csv-progress" />
            )
          }
        />
        <section
          className="min-w-0 space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="pg-net"
        >
          <h2 id="pg-net" className="font-semibold">
            {t('lab.pg.network')}
          </h2>
          <PlaygroundSettings
            state={state}
            update={update}
            hidden={hidden}
            head={head}
            problem={problem}
            numClasses={numClasses}
            engine={engine}
            setEngine={setEngine}
          />
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
        <PlaygroundOutput
          dataset={dataset}
          snapshot={snapshot}
          epoch={epoch}
          history={history}
          confusion={confusion}
          showTest={showTest}
          setShowTest={setShowTest}
        />
      </div>
      {teacher && <PlaygroundTeacher hidden={hidden} toggleHide={toggleHide} />}
    </div>
  );
}
