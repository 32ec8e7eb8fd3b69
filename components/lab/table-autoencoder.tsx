'use client';
// Table half of the Autoencoder lab: learn what normal rows of a table look like (Seattle weather or
// the user's CSV), rebuild held-out rows, map and decode the code space, and flag unusual rows.
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { useCanSave } from '@/components/storage';
import { useFileReading } from '@/components/media/use-file-reading';
import { useBackend } from '@/components/tf/backend-provider';
import { useTrainingRun } from '@/components/training';
import { Alert, FileProgress, LineChart, ProgressBar, Select, Slider } from '@/components/ui';
import { LocalizedError } from '@/lib/i18n';
import { parseCsv, type ParsedCsv } from '@/lib/data';
import {
  describeFileError,
  isCancelled,
  parseCsvOffThread,
  readCsvFile,
  readStored,
  tableAutoencoderSchema,
} from '@/lib/files';
import {
  BUILTIN_TABLES,
  DEFAULT_TABLE_AUTOENCODER_CONFIG,
  guessTableChoice,
  prepareTable,
  trainTableAutoencoder,
  type TableAutoencoder,
  type TableAutoencoderRun,
  type TableChoice,
  type TableData,
} from '@/lib/lab';
import { loadProject, saveProject } from '@/lib/persist';

import { TableAutoencoderResult } from './table-autoencoder-result';
import { TableColumns } from './table-columns';
import { TrainStop } from './train-stop';

const SEATTLE = BUILTIN_TABLES[0];

type Source = 'seattle' | 'csv';

/** Saved on this device so the experiment (settings and an uploaded table) survives a reload. */
const SAVE_KEY = 'lab/table-autoencoder';
interface Saved {
  source: Source;
  choice: Required<TableChoice>;
  bottleneck: number;
  epochs: number;
  upload?: { name: string; text: string };
}
/** The table autoencoder: choose a table and its columns, train, and look for anomalies. */
export function TableAutoencoderLab() {
  const t = useT();
  const { whenReady } = useBackend();
  const [source, setSource] = useState<Source>('seattle');
  const [seattle, setSeattle] = useState<ParsedCsv | null>(null);
  const [upload, setUpload] = useState<{ name: string; text: string; parsed: ParsedCsv } | null>(null);
  const [restored, setRestored] = useState(false);
  const [choice, setChoice] = useState<Required<TableChoice>>({
    ...SEATTLE.choice,
    features: [...SEATTLE.choice.features],
    normal: [...SEATTLE.choice.normal],
  });
  const [bottleneck, setBottleneck] = useState(DEFAULT_TABLE_AUTOENCODER_CONFIG.bottleneck);
  const [epochs, setEpochs] = useState(DEFAULT_TABLE_AUTOENCODER_CONFIG.epochs);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const training = useTrainingRun<TableAutoencoderRun & { bottleneck: number; data: TableData }>();
  const { state, busy: running } = training;
  const model = useRef<TableAutoencoder | null>(null);

  useEffect(() => {
    let stale = false;
    fetch(`/data/vega/${SEATTLE.file}`)
      .then(async (res) => {
        if (!res.ok) throw new LocalizedError(t('lab.seq.fetchFailed', { file: SEATTLE.file }));
        return parseCsv(await res.text(), SEATTLE.file);
      })
      .then(
        (p) => !stale && setSeattle(p),
        (e: unknown) => !stale && setLoadError(errorTextNow(e)),
      );
    return () => {
      stale = true;
    };
  }, [t]);

  // Set once the visitor chooses a table, so a saved one still being read never replaces it.
  const picked = useRef(false);
  // Restore the last experiment from this device; a saved table that no longer parses is ignored.
  useEffect(() => {
    loadProject<unknown>(SAVE_KEY)
      .then(async (raw) => {
        if (raw === undefined) return;
        // Read field by field: a damaged setting takes its default, a damaged table is dropped.
        const s: Saved = readStored(
          tableAutoencoderSchema({
            source: 'seattle',
            choice: {
              ...SEATTLE.choice,
              features: [...SEATTLE.choice.features],
              normal: [...SEATTLE.choice.normal],
            },
            bottleneck: DEFAULT_TABLE_AUTOENCODER_CONFIG.bottleneck,
            epochs: DEFAULT_TABLE_AUTOENCODER_CONFIG.epochs,
          }),
          raw,
        );
        // Parsed in the worker: a saved table of 50,000 rows would hold the page for seconds here.
        const parsed = s.upload ? await parseCsvOffThread(s.upload.text, s.upload.name) : null;
        // A table the visitor chose meanwhile wins over the saved one (and its column choice).
        if (!picked.current) {
          if (s.upload && parsed) setUpload({ ...s.upload, parsed });
          setSource(s.source === 'csv' && !s.upload ? 'seattle' : s.source);
          setChoice(s.choice);
        }
        setBottleneck(s.bottleneck);
        setEpochs(s.epochs);
      })
      .catch(() => undefined)
      .finally(() => setRestored(true));
  }, []);

  // Only the tab that holds the lab saves (a second tab never overwrites the first one's experiment).
  const canSave = useCanSave();
  useEffect(() => {
    if (!restored || !canSave) return;
    const saved: Saved = {
      source,
      choice,
      bottleneck,
      epochs,
      ...(upload ? { upload: { name: upload.name, text: upload.text } } : {}),
    };
    void saveProject(SAVE_KEY, saved).catch(() => undefined);
  }, [source, choice, bottleneck, epochs, upload, restored, canSave]);

  useEffect(
    () => () => {
      model.current?.dispose();
      model.current = null;
    },
    [],
  );

  const csv = source === 'csv' ? (upload?.parsed ?? null) : seattle;

  const prepared = useMemo(() => {
    if (!csv) return { data: null, error: null };
    try {
      return { data: prepareTable(csv, choice), error: null };
    } catch (e) {
      return { data: null, error: errorTextNow(e) };
    }
  }, [csv, choice]);

  const pickSource = (next: Source) => {
    setSource(next);
    if (next === 'seattle')
      setChoice({
        ...SEATTLE.choice,
        features: [...SEATTLE.choice.features],
        normal: [...SEATTLE.choice.normal],
      });
    else if (upload) setChoice(guessTableChoice(upload.parsed));
  };

  const reading = useFileReading();
  const onCsv = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    picked.current = true;
    try {
      const text = await readCsvFile(f, f.name, 'autoencoder');
      // Parsed in a worker with progress; Cancel stops it and keeps the table we had.
      const parsed = await reading.run(f.name, (o) => parseCsvOffThread(text, f.name, o));
      setCsvError(null);
      setUpload({ name: f.name, text, parsed });
      setSource('csv');
      setChoice(guessTableChoice(parsed));
    } catch (e) {
      // Keep whatever table was loaded before: a bad or cancelled file loses nothing.
      if (!isCancelled(e)) setCsvError(describeFileError(e, t));
    }
  };

  const start = async () => {
    const data = prepared.data;
    if (!data || running) return;
    setError(null);
    await training.start(
      async (ctx) => {
        try {
          await whenReady();
          model.current?.dispose();
          model.current = null;
          const run = await trainTableAutoencoder(
            data,
            { bottleneck, epochs },
            { signal: ctx.signal, onEpochEnd: (e, logs) => ctx.onEpochEnd(e + 1, logs) },
          );
          model.current = run.model;
          return { ...run, bottleneck, data };
        } catch (e) {
          setError(errorTextNow(e));
          throw e;
        }
      },
      { epochs },
    );
  };

  // A result shows only while the table, columns and bottleneck it was trained with are still chosen.
  const trained =
    state.result && state.result.data === prepared.data && state.result.bottleneck === bottleneck
      ? state.result
      : null;

  if (loadError) return <Alert kind="error">{loadError}</Alert>;

  return (
    <div className="space-y-4" data-testid="table-autoencoder">
      {error && (
        <Alert kind="error" onDismiss={() => setError(null)} dismissLabel={t('lab.close')}>
          {error}
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <section
          className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
          aria-labelledby="tae-setup"
        >
          <h2 id="tae-setup" className="font-semibold">
            {t('lab.tae.setup')}
          </h2>
          <Select
            id="tae-source"
            data-testid="tae-source"
            label={t('lab.tae.table')}
            value={source}
            onChange={pickSource}
            options={[
              { value: 'seattle', label: t('lab.tae.src.seattle') },
              ...(upload ? [{ value: 'csv' as const, label: upload.name }] : []),
            ]}
            hint={source === 'seattle' ? t('lab.tae.seattleHint') : undefined}
          />
          <FileDrop
            accept=".csv,text/csv,text/plain"
            multiple={false}
            label={t('lab.tae.csv')}
            hint={t('lab.tae.csvHint')}
            onFiles={onCsv}
            inputTestId="tae-csv-input"
          />
          {reading.reading && (
            <FileProgress reading={reading.reading} onCancel={reading.cancel} testId="tae-csv-progress" />
          )}
          {csvError && (
            <Alert kind="error" onDismiss={() => setCsvError(null)} dismissLabel={t('lab.close')}>
              <span data-testid="tae-csv-error">{csvError}</span>
            </Alert>
          )}
          {!csv && <p className="text-sm text-slate-600">{t('lab.loading')}</p>}
          {csv && (
            <>
              <p className="text-xs text-slate-600" data-testid="tae-loaded">
                {t('lab.tae.loaded', {
                  name: source === 'csv' && upload ? upload.name : SEATTLE.file,
                  rows: csv.rows.length,
                  cols: csv.columns.length,
                })}
              </p>
              <TableColumns csv={csv} choice={choice} onChange={setChoice} prepared={prepared} />
            </>
          )}
          <Slider
            label={t('lab.ae.bottleneck')}
            value={bottleneck}
            min={1}
            max={8}
            onChange={setBottleneck}
            hint={t('lab.tae.bottleneckHint')}
          />
          <Slider
            label={t('lab.seq.epochs')}
            value={epochs}
            min={5}
            max={200}
            step={5}
            onChange={setEpochs}
          />
          <TrainStop
            running={running}
            disabled={!prepared.data}
            onTrain={() => void start()}
            onStop={training.cancel}
            trainLabel={t('lab.ae.train')}
            trainTestId="tae-train"
            stopTestId="tae-cancel"
          />
          {running && (
            <ProgressBar
              value={state.epoch / Math.max(1, state.epochs)}
              label={t('lab.tae.progress')}
              detail={t('lab.tae.epochOf', { e: state.epoch, n: state.epochs })}
            />
          )}
          {state.history.loss.length > 0 && (
            <LineChart
              title={t('lab.ae.loss')}
              xLabel={t('lab.pg.epoch')}
              emptyText=""
              series={[{ label: t('lab.pg.train'), values: state.history.loss, color: '#4f46e5' }]}
              height={120}
            />
          )}
        </section>

        {trained && prepared.data && (
          <TableAutoencoderResult key={state.startedAt} trained={trained} data={prepared.data} />
        )}
      </div>
    </div>
  );
}
