'use client';
// The Neural network lab: a tab per section. Only the open tab is mounted, so only it holds tensors.
import { useEffect, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { OpenElsewhereNote, StudioLock } from '@/components/storage';

import { Playground } from './playground';
import { AutoencoderLab } from './autoencoder-lab';
import { CnnLab } from './cnn-lab';
import { SequenceLab } from './sequence-lab';

type Tab = 'playground' | 'sequence' | 'autoencoder' | 'cnn';
const TABS: readonly Tab[] = ['playground', 'sequence', 'autoencoder', 'cnn'];

/**
 * The lab's tabs and the open section. The tab is kept in the URL (`tab=`) so links open it. One
 * lock covers every section: a second tab of the lab works but saves none of them.
 */
export default function LabStudio() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('playground');
  useEffect(() => {
    const fromUrl = new URLSearchParams(window.location.search).get('tab');
    if (fromUrl && (TABS as readonly string[]).includes(fromUrl)) setTab(fromUrl as Tab);
  }, []);
  const open = (next: Tab) => {
    setTab(next);
    const params = new URLSearchParams(window.location.search);
    params.set('tab', next);
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
  };
  return (
    <StudioLock name="lab">
      <div className="space-y-4">
        <OpenElsewhereNote />
        <div role="tablist" aria-label={t('lab.tabs')} className="flex flex-wrap gap-2">
          {TABS.map((id) => (
            <button
              key={id}
              role="tab"
              type="button"
              aria-selected={tab === id}
              data-testid={`tab-${id}`}
              onClick={() => open(id)}
              className={`rounded-xl px-4 py-2 text-sm font-medium ${tab === id ? 'bg-indigo-600 text-white' : 'border border-slate-300 bg-white hover:bg-slate-100'}`}
            >
              {t(`lab.tab.${id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel">
          {tab === 'playground' && <Playground />}
          {tab === 'sequence' && <SequenceLab />}
          {tab === 'autoencoder' && <AutoencoderLab />}
          {tab === 'cnn' && <CnnLab />}
        </div>
      </div>
    </StudioLock>
  );
}
