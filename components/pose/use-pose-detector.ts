'use client';
// Loads the chosen keypoint model once the tfjs backend is ready; disposes the old one on a switch.
import { useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useBackend } from '@/components/tf/backend-provider';
import type { PoseDetector, PoseModelName } from '@/lib/pose';

/** What the studio asks for. */
export interface PoseDetectorChoice {
  model: PoseModelName;
  multiPose: boolean;
  inputResolution: number;
  /** False until the saved choice is known, so the default model is not loaded for nothing. */
  enabled?: boolean;
}

/** The current detector (a ref, read every frame), its loading status and a version that changes on each load. */
export function usePoseDetector({ model, multiPose, inputResolution, enabled = true }: PoseDetectorChoice) {
  const { whenReady } = useBackend();
  const detector = useRef<PoseDetector | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setStatus('loading');
    setError(null);
    (async () => {
      try {
        await whenReady();
        const { createPoseDetector } = await import('@/lib/pose');
        const d = await createPoseDetector({
          model,
          multiPose: model === 'posenet' && multiPose,
          inputResolution,
        });
        if (cancelled) return d.dispose();
        detector.current?.dispose();
        detector.current = d;
        setStatus('ready');
        setVersion((v) => v + 1);
      } catch (e) {
        if (cancelled) return;
        setStatus('error');
        setError(errorTextNow(e));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [whenReady, model, multiPose, inputResolution, enabled]);

  // Free the last model when the studio unmounts.
  useEffect(
    () => () => {
      detector.current?.dispose();
      detector.current = null;
    },
    [],
  );

  return { detector, status, error, version };
}
