'use client';
// Autoencoder lab: squeeze digits or table rows through a bottleneck, look at reconstructions and the
// code space, and use reconstruction error to spot examples unlike the ones it learned.
import { useEffect, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { useCanSave } from '@/components/storage';
import { loadProject, saveProject } from '@/lib/persist';

import { DigitsAutoencoder } from './digits-autoencoder';
import { TableAutoencoderLab } from './table-autoencoder';

type Source = 'digits' | 'table';
const SOURCE_SAVE_KEY = 'lab/autoencoder-source';

/** The Autoencoder lab tab: digits or a table (CSV). Only the chosen half is mounted, so only it holds a model. */
export function AutoencoderLab() {
  const t = useT();
  const [source, setSource] = useState<Source>('digits');
  const canSave = useCanSave();
  useEffect(() => {
    loadProject<Source>(SOURCE_SAVE_KEY)
      .then((s) => (s === 'table' || s === 'digits') && setSource(s))
      .catch(() => undefined);
  }, []);
  const pick = (s: Source) => {
    setSource(s);
    if (canSave) void saveProject(SOURCE_SAVE_KEY, s).catch(() => undefined);
  };
  return (
    <div className="space-y-4" data-testid="autoencoder-lab">
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">{t('lab.ae.source')}</legend>
        <span aria-hidden className="font-medium">
          {t('lab.ae.source')}
        </span>
        {(['digits', 'table'] as const).map((s) => (
          <label
            key={s}
            className={`flex cursor-pointer items-center gap-2 rounded-xl border px-3 py-1.5 ${source === s ? 'border-indigo-600 bg-indigo-50' : 'border-slate-300 bg-white'}`}
          >
            <input
              type="radio"
              name="ae-source"
              checked={source === s}
              onChange={() => pick(s)}
              data-testid={`ae-source-${s}`}
            />
            {t(`lab.ae.source.${s}`)}
          </label>
        ))}
      </fieldset>
      {source === 'digits' ? <DigitsAutoencoder /> : <TableAutoencoderLab />}
    </div>
  );
}
