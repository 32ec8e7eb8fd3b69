'use client';
// Client-side providers shared by every page.
import { I18nProvider } from '@/components/i18n/i18n-provider';
import { DocumentTitle } from '@/components/layout/document-title';
import { BackendProvider } from '@/components/tf/backend-provider';

/** Wraps the app in the language and backend contexts. */
export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <I18nProvider>
      <DocumentTitle />
      <BackendProvider>{children}</BackendProvider>
    </I18nProvider>
  );
}
