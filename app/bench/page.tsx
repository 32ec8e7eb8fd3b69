// Benchmarks page, driven by `npm run bench` (bench/run.mjs). Not linked from the app.
import type { Metadata } from 'next';

import { BenchRunnerLoader } from '@/components/bench/bench-runner-loader';

export const metadata: Metadata = { title: 'Benchmarks', robots: { index: false } };

export default function BenchPage() {
  return <BenchRunnerLoader />;
}
