'use client';
// Loads the Digits studio in the browser only (it uses canvas and tfjs).
import dynamic from 'next/dynamic';

import { StudioLoading } from '@/components/layout/studio-loading';

export const DigitsStudioLoader = dynamic(() => import('./digits-studio').then((m) => m.DigitsStudio), {
  ssr: false,
  loading: () => <StudioLoading />,
});
