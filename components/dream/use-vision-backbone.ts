'use client';
// Loads the vision backbone once the tfjs backend is ready, and disposes it when the studio unmounts.
import { useEffect, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useBackend } from '@/components/tf/backend-provider';
import type { VisionBackbone } from '@/lib/vision';

/** The backbone, or its loading state / error message. */
export function useVisionBackbone(): { backbone: VisionBackbone | null; error: string | null } {
  const { whenReady, name } = useBackend();
  const [backbone, setBackbone] = useState<VisionBackbone | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let loaded: VisionBackbone | null = null;
    setBackbone(null);
    setError(null);
    (async () => {
      await whenReady();
      const { loadVisionBackbone } = await import('@/lib/vision');
      const b = await loadVisionBackbone();
      if (cancelled) b.dispose();
      else {
        loaded = b;
        setBackbone(b);
      }
    })().catch((e: unknown) => {
      if (!cancelled) setError(errorTextNow(e));
    });
    return () => {
      cancelled = true;
      loaded?.dispose();
    };
    // Reload when the user switches engine: the weights then live on the new backend.
  }, [whenReady, name]);
  return { backbone, error };
}
