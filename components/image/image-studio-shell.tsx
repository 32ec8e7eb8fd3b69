'use client';
// Client shell: title and how-to, then the studio (tfjs, camera) loaded only in the browser.
import dynamic from 'next/dynamic';

import { useT } from '@/components/i18n/i18n-provider';
import { ProgressBar } from '@/components/ui';

const ImageStudio = dynamic(() => import('./image-studio'), {
  ssr: false,
  loading: () => <LoadingStudio />,
});

function LoadingStudio() {
  const t = useT();
  return <ProgressBar value={null} label={t('image.loadingStudio')} />;
}

/** Title, three-step explanation and the studio. */
export function ImageStudioShell() {
  const t = useT();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t('image.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('image.intro')}</p>
        <ol className="flex flex-wrap gap-3 text-sm text-slate-700">
          <li className="rounded-full bg-sky-100 px-3 py-1">{t('image.step1')}</li>
          <li className="rounded-full bg-indigo-100 px-3 py-1">{t('image.step2')}</li>
          <li className="rounded-full bg-emerald-100 px-3 py-1">{t('image.step3')}</li>
        </ol>
      </header>
      <ImageStudio />
    </div>
  );
}
