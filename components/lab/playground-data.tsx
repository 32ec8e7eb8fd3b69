'use client';
// The Playground's data column: built-in datasets or a CSV, noise, split, batch size and input features.
import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { Alert, Button, Select, Slider } from '@/components/ui';
import type { ParsedCsv } from '@/lib/data';
import {
  BATCH_SIZES,
  DATASETS,
  DATASET_NAMES,
  FEATURE_LABELS,
  FEATURE_NAMES,
  type CsvColumnChoice,
  type HideableControl,
  type LabDataset,
  type PlaygroundState,
} from '@/lib/lab';

/** A CSV the learner dropped, parsed, with the columns chosen for x₁, x₂ and the label. */
export interface PlaygroundCsv {
  name: string;
  text: string;
  parsed: ParsedCsv;
  choice: CsvColumnChoice;
}

interface Props {
  state: PlaygroundState;
  update: (patch: Partial<PlaygroundState>) => void;
  hidden: (c: HideableControl) => boolean;
  dataset: LabDataset | null;
  csv: PlaygroundCsv | null;
  csvError: string | null;
  onCsvFiles: (files: File[]) => void;
  setCsvChoice: (patch: Partial<CsvColumnChoice>) => void;
  clearCsv: () => void;
  dismissCsvError: () => void;
  /** Progress and Cancel while a CSV is read (components/ui FileProgress), or null. */
  csvProgress?: React.ReactNode;
}

/** The data column. */
export function PlaygroundData({
  state,
  update,
  hidden,
  dataset,
  csv,
  csvError,
  onCsvFiles,
  setCsvChoice,
  clearCsv,
  dismissCsvError,
  csvProgress = null,
}: Props) {
  const t = useT();
  const dropped = dataset && 'dropped' in dataset ? (dataset as { dropped: number }).dropped : 0;
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-3" aria-labelledby="pg-data">
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
                  clearCsv();
                  update({ dataset: d });
                }}
                className={`rounded-lg border px-2 py-1 text-left text-xs ${
                  !csv && state.dataset === d
                    ? 'border-indigo-600 bg-indigo-50 font-semibold'
                    : 'border-slate-300 hover:bg-slate-50'
                }`}
              >
                {t(`lab.data.${d}`)}
                <span className="block text-[10px] text-slate-600">
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
          {csvProgress}
          {csvError && (
            <Alert kind="error" onDismiss={dismissCsvError} dismissLabel={t('lab.close')}>
              <span data-testid="csv-error">{csvError}</span>
            </Alert>
          )}
          {csv && (
            <div className="space-y-2 rounded-lg bg-slate-50 p-2" data-testid="csv-panel">
              <p className="text-xs">
                {t('lab.csv.loaded', { name: csv.name, rows: csv.parsed.rows.length })}
              </p>
              {(['x1', 'x2'] as const).map((role) => (
                <Select
                  key={role}
                  id={`csv-${role}`}
                  label={role === 'x1' ? t('lab.csv.x1') : t('lab.csv.x2')}
                  value={csv.choice[role]}
                  options={csv.parsed.numericColumns.map((c) => ({ value: c, label: c }))}
                  onChange={(v) => setCsvChoice({ [role]: v })}
                />
              ))}
              <Select
                id="csv-label"
                label={t('lab.csv.label')}
                value={csv.choice.label}
                options={csv.parsed.columns.map((c) => ({ value: c, label: c }))}
                onChange={(label) => setCsvChoice({ label })}
              />
              <Select
                id="csv-problem"
                label={t('lab.csv.problem')}
                value={csv.choice.problem ?? 'auto'}
                options={[
                  { value: 'auto', label: t('lab.csv.auto') },
                  { value: 'classification', label: t('lab.pg.classification') },
                  { value: 'regression', label: t('lab.pg.regression') },
                ]}
                onChange={(problem) => setCsvChoice({ problem })}
              />
              {dropped > 0 && (
                <p className="text-xs text-amber-800">{t('lab.csv.dropped', { n: dropped })}</p>
              )}
              <Button size="sm" variant="secondary" onClick={clearCsv}>
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
        <Select
          id="pg-batch"
          label={t('lab.pg.batch')}
          value={String(state.batchSize)}
          options={[...new Set([...BATCH_SIZES, state.batchSize])]
            .sort((a, b) => a - b)
            .map((b) => ({ value: String(b), label: String(b) }))}
          onChange={(v) => update({ batchSize: Number(v) })}
        />
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
  );
}
