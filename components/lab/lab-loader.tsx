'use client';
// Loads the lab (and with it tfjs) only in the browser, after the page has mounted.
import dynamic from 'next/dynamic';

import { useT } from '@/components/i18n/i18n-provider';

function Loading() {
  const t = useT();
  return <p className="text-slate-600">{t('lab.loading')}</p>;
}

const LabStudio = dynamic(() => import('./lab-studio'), { ssr: false, loading: () => <Loading /> });

/** Client entry of the lab page. */
export function LabLoader() {
  return <LabStudio />;
}
