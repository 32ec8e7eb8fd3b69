'use client';
// Error boundary of the lab: a friendly message and a retry.
import { ErrorPanel } from '@/components/layout/error-panel';

export default function LabError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPanel error={error} reset={reset} />;
}
