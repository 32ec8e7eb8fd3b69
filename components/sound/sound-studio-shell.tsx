'use client';
// Client shell: title and how-to, then the studio (tfjs, microphone) loaded only in the browser.
import dynamic from 'next/dynamic';

import { useT } from '@/components/i18n/i18n-provider';
import { ProgressBar } from '@/components/ui';

const SoundStudio = dynamic(() => import('./sound-studio'), {
  ssr: false,
  loading: () => <LoadingStudio />,
});

function LoadingStudio() {
  const t = useT();
  return <ProgressBar value={null} label={t('sound.loadingStudio')} />;
}

/** Title, three-step explanation and the studio. */
export function SoundStudioShell() {
  const t = useT();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t('sound.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('sound.intro')}</p>
        <ol className="flex flex-wrap gap-3 text-sm text-slate-700">
          <li className="rounded-full bg-amber-100 px-3 py-1">{t('sound.step1')}</li>
          <li className="rounded-full bg-orange-100 px-3 py-1">{t('sound.step2')}</li>
          <li className="rounded-full bg-emerald-100 px-3 py-1">{t('sound.step3')}</li>
        </ol>
      </header>
      <SoundStudio />
    </div>
  );
}
