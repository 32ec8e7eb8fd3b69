'use client';
// Loads the dream studio only in the browser (it uses tfjs, canvas and the camera).
import dynamic from 'next/dynamic';

export const DreamStudioLoader = dynamic(() => import('./dream-studio').then((m) => m.DreamStudio), {
  ssr: false,
});
