'use client';
// The Dream & style studio: two tabs (deep dream, style transfer) sharing one loaded picture network.
import { useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { OpenElsewhereNote, StudioLock } from '@/components/storage';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert } from '@/components/ui';

import { DreamPanel } from './dream-panel';
import { StylePanel } from './style-panel';
import { useVisionBackbone } from './use-vision-backbone';

type Tab = 'dream' | 'style';

/** The studio's client root; a second tab of it makes pictures but saves neither them nor settings. */
export function DreamStudio() {
  const t = useT();
  // Every engine computes these gradients: lib/tf adds the convolution gradient kernels WASM lacks.
  const { name } = useBackend();
  const { backbone, error } = useVisionBackbone();
  const [tab, setTab] = useState<Tab>('dream');
  const tabs: Tab[] = ['dream', 'style'];
  return (
    <StudioLock name="dream">
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{t('dream.title')}</h1>
          <p className="max-w-3xl text-slate-700">{t('dream.intro')}</p>
        </header>
        <OpenElsewhereNote />
        {error && <Alert kind="error">{t('dream.modelError', { message: error })}</Alert>}
        <div role="tablist" aria-label={t('dream.title')} className="flex gap-2 border-b border-slate-200">
          {tabs.map((id) => (
            <button
              key={id}
              role="tab"
              type="button"
              id={`dream-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`dream-panel-${id}`}
              data-testid={`dream-tab-${id}`}
              onClick={() => setTab(id)}
              className={`-mb-px rounded-t-xl border px-4 py-2 font-medium focus-visible:outline-3 focus-visible:outline-indigo-500 ${
                tab === id
                  ? 'border-slate-200 border-b-white bg-white text-indigo-700'
                  : 'border-transparent text-slate-600 hover:text-slate-900'
              }`}
            >
              {t(id === 'dream' ? 'dream.tab.dream' : 'dream.tab.style')}
            </button>
          ))}
        </div>
        {/* Both panels stay mounted so switching tabs keeps pictures and results. */}
        <div
          role="tabpanel"
          id="dream-panel-dream"
          aria-labelledby="dream-tab-dream"
          hidden={tab !== 'dream'}
        >
          <DreamPanel backbone={backbone} backend={name} />
        </div>
        <div
          role="tabpanel"
          id="dream-panel-style"
          aria-labelledby="dream-tab-style"
          hidden={tab !== 'style'}
        >
          <StylePanel backbone={backbone} backend={name} />
        </div>
      </div>
    </StudioLock>
  );
}
