'use client';
// Error boundary of the Pose studio: a friendly message and a retry; saved work is untouched.
import { ErrorPanel } from '@/components/layout/error-panel';

export default function PoseError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPanel error={error} reset={reset} />;
}
