'use client';
// Loads the benchmark runner only in the browser (it imports tfjs).
import dynamic from 'next/dynamic';

export const BenchRunnerLoader = dynamic(() => import('./bench-runner').then((m) => m.BenchRunner), {
  ssr: false,
});
