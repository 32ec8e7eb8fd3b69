'use client';
// One task at a time for the Music studio: a progress label, a cancel flag checked between steps, and a
// message (errors are caught and shown, never thrown into React).
import { useCallback, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';

import type { Busy, StudioMessage } from './studio-types';

/** Progress and cancel handed to a running task. */
export interface TaskContext {
  progress: (label: string, done: number, total: number) => void;
  cancelled: () => boolean;
}

/** The studio's busy/message state and a runner for its tasks. */
export interface MusicTask {
  busy: Busy | null;
  message: StudioMessage | null;
  setMessage: (m: StudioMessage | null) => void;
  /** Asks the running task to stop at its next step. */
  cancel: () => void;
  /** Runs `fn` with the progress bar shown; its error becomes the message. */
  runTask: (fn: (ctx: TaskContext) => Promise<void>) => Promise<void>;
}

export function useMusicTask(): MusicTask {
  const t = useT();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<StudioMessage | null>(null);
  const cancelled = useRef(false);

  const runTask = useCallback(
    async (fn: (ctx: TaskContext) => Promise<void>) => {
      setMessage(null);
      cancelled.current = false;
      setBusy({ label: t('music.busy.loading'), done: 0, total: 1 });
      try {
        await fn({
          progress: (label, done, total) => setBusy({ label, done, total }),
          cancelled: () => cancelled.current,
        });
      } catch (e) {
        setMessage({ kind: 'error', text: t('music.error', { message: errorTextNow(e) }) });
      } finally {
        setBusy(null);
      }
    },
    [t],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  return { busy, message, setMessage, cancel, runTask };
}
