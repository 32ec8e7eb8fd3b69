'use client';
// Error boundary of the Music studio: a friendly message and a retry.
import { ErrorPanel } from '@/components/layout/error-panel';

export default function MusicError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorPanel error={error} reset={reset} />;
}
