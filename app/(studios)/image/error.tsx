'use client';
// Error boundary of the Image studio: a friendly message and a retry; saved work is untouched.
import { ErrorPanel } from '@/components/layout/error-panel';

export default function ImageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorPanel error={error} reset={reset} />;
}
