'use client';
// TableColumns: which numeric columns the table autoencoder learns, which column labels a row, which of
// its values count as normal, and the resulting split.
import { useMemo } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Alert, Select } from '@/components/ui';
import type { ParsedCsv } from '@/lib/data';
import { MAX_LABEL_VALUES, valueCounts, type TableChoice, type TableData } from '@/lib/lab';

/** Props: the table, the current choice and what preparing it gave. */
export interface TableColumnsProps {
  csv: ParsedCsv;
  choice: Required<TableChoice>;
  onChange: (next: Required<TableChoice>) => void;
  prepared: { data: TableData | null; error: string | null };
}

/** The column pickers of the table autoencoder. */
export function TableColumns({ csv, choice, onChange: changeChoice, prepared }: TableColumnsProps) {
  const t = useT();
  const labelValues = useMemo(
    () => (choice.label ? valueCounts(csv, choice.label) : []),
    [csv, choice.label],
  );
  return (
    <>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">{t('lab.tae.features')}</legend>
        {csv.numericColumns.map((c) => (
          <label key={c} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={choice.features.includes(c)}
              data-testid={`tae-feature-${c}`}
              onChange={(e) =>
                changeChoice({
                  ...choice,
                  features: e.target.checked
                    ? csv.numericColumns.filter((f) => f === c || choice.features.includes(f))
                    : choice.features.filter((f) => f !== c),
                })
              }
            />
            {c}
          </label>
        ))}
      </fieldset>
      <Select
        id="tae-label"
        data-testid="tae-label"
        label={t('lab.tae.label')}
        value={choice.label ?? ''}
        onChange={(value) => {
          const label = value || null;
          // The most common value is the first guess of what is normal.
          const common = label ? valueCounts(csv, label)[0]?.value : undefined;
          changeChoice({
            features: choice.features.filter((f) => f !== label),
            label,
            normal: common === undefined ? [] : [common],
          });
        }}
        options={[
          { value: '', label: t('lab.tae.noLabel') },
          ...csv.columns.map((c) => ({ value: c, label: c })),
        ]}
      />
      {choice.label && labelValues.length <= MAX_LABEL_VALUES && (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{t('lab.tae.normal')}</legend>
          {labelValues.map(({ value: v, count: n }) => (
            <label key={v} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={choice.normal.includes(v)}
                data-testid={`tae-normal-${v}`}
                onChange={(e) =>
                  changeChoice({
                    ...choice,
                    normal: e.target.checked ? [...choice.normal, v] : choice.normal.filter((x) => x !== v),
                  })
                }
              />
              {v} <span className="text-slate-500">({n})</span>
            </label>
          ))}
        </fieldset>
      )}
      {prepared.error ? (
        <Alert kind="error">
          <span data-testid="tae-prepare-error">{prepared.error}</span>
        </Alert>
      ) : (
        prepared.data && (
          <p className="text-xs text-slate-600" data-testid="tae-split">
            {t('lab.tae.split', {
              train: prepared.data.train.values.length,
              test: prepared.data.test.values.length,
              anomalies: prepared.data.test.isAnomaly.filter(Boolean).length,
              skipped: prepared.data.skipped,
            })}
          </p>
        )
      )}
    </>
  );
}
