'use client';
// Shows which tfjs backend is running; opens a settings dialog to change it.
import { useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { useBackend } from '@/components/tf/backend-provider';
import { SoftwareGpuNote } from '@/components/tf/software-gpu-note';
import { Button } from '@/components/ui/button';
import type { MessageKey } from '@/lib/i18n';
import type { BackendPreference, MemorySnapshot } from '@/lib/tf';

const CHOICES: { value: BackendPreference; label: MessageKey }[] = [
  { value: 'auto', label: 'backend.auto' },
  { value: 'webgpu', label: 'backend.webgpu' },
  { value: 'webgl', label: 'backend.webgl' },
  { value: 'wasm', label: 'backend.wasm' },
  { value: 'cpu', label: 'backend.cpu' },
];

/** The badge in the header, and its settings dialog. */
export function BackendBadge() {
  const t = useT();
  const { status, name, attempts, preference, setPreference } = useBackend();
  const dialog = useRef<HTMLDialogElement>(null);
  const [memory, setMemory] = useState<MemorySnapshot | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open || status !== 'ready') return;
    let alive = true;
    const read = () =>
      void import('@/lib/tf').then((lib) => {
        if (alive) setMemory(lib.memorySnapshot());
      });
    read();
    const id = window.setInterval(read, 1000);
    return () => {
      alive = false;
      window.clearInterval(id);
    };
  }, [open, status]);

  const label =
    status === 'ready' && name
      ? t('backend.badge', { name: t(`backend.kind.${name}` as MessageKey) })
      : status === 'error'
        ? t('backend.failed')
        : t('backend.starting');
  const dot =
    status === 'ready' ? 'bg-emerald-500' : status === 'error' ? 'bg-rose-500' : 'animate-pulse bg-amber-400';

  return (
    <>
      <button
        type="button"
        data-testid="backend-badge"
        data-backend={name ?? ''}
        data-status={status}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        aria-haspopup="dialog"
        title={t('backend.settings')}
        className="inline-flex items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span className={`h-2.5 w-2.5 rounded-full ${dot}`} aria-hidden="true" />
        {label}
      </button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby="backend-dialog-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-2xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-4 p-6">
          <h2 id="backend-dialog-title" className="text-xl font-semibold">
            {t('backend.settings')}
          </h2>
          <p className="text-sm text-slate-600">{t('backend.explain')}</p>
          <SoftwareGpuNote />
          <fieldset className="space-y-2">
            <legend className="sr-only">{t('backend.settings')}</legend>
            {CHOICES.map((c) => {
              const failed = attempts.find((a) => a.name === c.value && !a.ok);
              return (
                <label key={c.value} className="flex cursor-pointer items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="backend"
                    value={c.value}
                    checked={preference === c.value}
                    onChange={() => void setPreference(c.value)}
                    className="mt-1"
                  />
                  <span>
                    {t(c.label)}
                    {failed && (
                      <span className="block text-xs text-rose-700">
                        {t('backend.unavailable', { reason: failed.error ?? '' })}
                      </span>
                    )}
                  </span>
                </label>
              );
            })}
          </fieldset>
          <p className="text-sm font-medium" data-testid="backend-current">
            {name ? t('backend.current', { name }) : label}
          </p>
          {memory && (
            <p className="text-xs text-slate-500">
              {t('backend.memory', {
                tensors: memory.numTensors,
                bytes: `${(memory.numBytes / 1024 / 1024).toFixed(1)} MB`,
              })}
            </p>
          )}
          <div className="flex justify-end">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('backend.close')}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
