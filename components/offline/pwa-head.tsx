'use client';
// Installable and offline: links the web app manifest, registers the service worker (out/sw.js,
// built by scripts/build-sw.mjs) and offers "a new version is ready — reload" after a deployment.
import { useEffect, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui/button';

/** How often an open tab asks for a new deployment, in milliseconds. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** The manifest link, the service-worker registration and the update prompt; one per page. */
export function PwaHead() {
  const t = useT();
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => {
    // `next dev` has no sw.js; the e2e tests and every deployment use the static export.
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const sw = navigator.serviceWorker;
    let timer: number | undefined;
    const hadController = Boolean(sw.controller);
    const onControllerChange = () => {
      // A page that was already controlled reloads into the new version; a first visit does not.
      if (hadController) window.location.reload();
    };
    sw.addEventListener('controllerchange', onControllerChange);
    sw.register('/sw.js', { scope: '/' }).then(
      (reg) => {
        if (reg.waiting && sw.controller) setWaiting(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const next = reg.installing;
          next?.addEventListener('statechange', () => {
            if (next.state === 'installed' && sw.controller) setWaiting(next);
          });
        });
        timer = window.setInterval(() => void reg.update().catch(() => undefined), UPDATE_CHECK_MS);
      },
      () => undefined, // No service worker (private mode, blocked): the app still works online.
    );
    return () => {
      sw.removeEventListener('controllerchange', onControllerChange);
      window.clearInterval(timer);
    };
  }, []);

  return (
    <>
      <link rel="manifest" href="/manifest.webmanifest" />
      <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
      {waiting && (
        <div
          role="status"
          data-testid="update-ready"
          className="fixed inset-x-4 bottom-4 z-50 mx-auto flex max-w-md items-center justify-between gap-3 rounded-2xl border border-indigo-200 bg-white p-4 shadow-lg"
        >
          <span className="font-medium text-slate-900">{t('offline.update')}</span>
          <Button onClick={() => waiting.postMessage({ type: 'SKIP_WAITING' })}>{t('offline.reload')}</Button>
        </div>
      )}
    </>
  );
}
