'use client';
// DigitsStudio: two tabs, "Draw and recognise" and "Train your own", sharing models and drawings.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { OpenElsewhereNote, StudioLock, useCanSave } from '@/components/storage';
import { DrawingsSchema, readStored, type StoredDrawing } from '@/lib/files';
import type { MnistData } from '@/lib/pretrained/digits';

import { RecognizePanel } from './recognize-panel';
import { type LabelledDrawing, TrainPanel } from './train-panel';
import { useDigitModels } from './use-digit-models';

const DRAWINGS_KEY = 'digits/drawings';

/** The whole Digits studio; a second tab of it draws and trains but saves nothing. */
export function DigitsStudio() {
  return (
    <StudioLock name="digits">
      <DigitsStudioBody />
    </StudioLock>
  );
}

function DigitsStudioBody() {
  const t = useT();
  const mayStore = useCanSave();
  const canSave = useRef(mayStore);
  canSave.current = mayStore;
  const models = useDigitModels();
  const [tab, setTab] = useState<'draw' | 'train'>('draw');
  const [drawings, setDrawings] = useState<LabelledDrawing[]>([]);
  const data = useRef<Promise<MnistData> | null>(null);

  useEffect(() => {
    let alive = true;
    void import('@/lib/persist')
      .then((p) => p.loadProject<unknown>(DRAWINGS_KEY))
      .then((raw) => {
        // Damaged drawings are dropped, the others kept.
        const stored = raw === undefined ? [] : readStored(DrawingsSchema, raw);
        if (alive && stored.length)
          setDrawings(stored.map((d) => ({ pixels: Float32Array.from(d.pixels), label: d.label })));
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);

  const loadData = useCallback(() => {
    if (!data.current) {
      data.current = import('@/lib/pretrained/digits').then((m) => m.loadMnist());
      data.current.catch(() => {
        data.current = null;
      });
    }
    return data.current;
  }, []);

  const addDrawing = useCallback((pixels: Float32Array, label: number) => {
    setDrawings((prev) => {
      const next = [...prev, { pixels: Float32Array.from(pixels), label }];
      if (!canSave.current) return next;
      void import('@/lib/persist').then((p) =>
        p.saveProject<StoredDrawing[]>(
          DRAWINGS_KEY,
          next.map((d) => ({
            pixels: Array.from(d.pixels, (v) => Math.round(v * 1000) / 1000),
            label: d.label,
          })),
        ),
      );
      return next;
    });
  }, []);

  const randomExample = useCallback(async () => {
    const d = await loadData();
    const i = Math.floor(Math.random() * d.testLabels.length);
    return d.testImages.slice(i * 784, i * 784 + 784);
  }, [loadData]);

  const tabs = [
    { id: 'draw' as const, label: t('digits.tab.draw') },
    { id: 'train' as const, label: t('digits.tab.train') },
  ];

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t('digits.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('digits.lead')}</p>
      </header>
      <OpenElsewhereNote />
      <div role="tablist" aria-label={t('digits.title')} className="flex gap-2 border-b border-slate-200">
        {tabs.map((x) => (
          <button
            key={x.id}
            id={`digits-tab-${x.id}`}
            role="tab"
            type="button"
            aria-selected={tab === x.id}
            aria-controls={`digits-panel-${x.id}`}
            onClick={() => setTab(x.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') setTab(tab === 'draw' ? 'train' : 'draw');
            }}
            className={`-mb-px rounded-t-lg border-b-2 px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
              tab === x.id
                ? 'border-indigo-600 text-indigo-700'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {x.label}
          </button>
        ))}
      </div>
      <div id="digits-panel-draw" role="tabpanel" aria-labelledby="digits-tab-draw" hidden={tab !== 'draw'}>
        <RecognizePanel
          models={models}
          onAddDrawing={addDrawing}
          drawingCount={drawings.length}
          randomExample={randomExample}
        />
      </div>
      <div
        id="digits-panel-train"
        role="tabpanel"
        aria-labelledby="digits-tab-train"
        hidden={tab !== 'train'}
      >
        <TrainPanel models={models} loadData={loadData} drawings={drawings} />
      </div>
    </div>
  );
}
