'use client';
// Loads the Music studio in the browser only (Magenta and Tone read `window` when they load).
import dynamic from 'next/dynamic';

import { StudioLoading } from '@/components/layout/studio-loading';

export const MusicStudioLoader = dynamic(() => import('./music-studio').then((m) => m.MusicStudio), {
  ssr: false,
  loading: () => <StudioLoading />,
});
