'use client';
// ErrorPanel: what route error boundaries show.
import { useErrorText } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui/button';

/** A calm error message with the technical detail folded away and a retry button. */
export function ErrorPanel({ error, reset }: { error: Error; reset: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 rounded-2xl border border-rose-200 bg-white p-6">
      <h1 className="text-xl font-semibold">{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <p data-testid="error-reason">{errorText(error)}</p>
      <details className="text-sm text-slate-600">
        <summary>{t('errors.details')}</summary>
        <pre className="whitespace-pre-wrap">{error.message}</pre>
      </details>
      <Button onClick={reset}>{t('ui.retry')}</Button>
    </div>
  );
}
