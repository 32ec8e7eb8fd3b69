'use client';
// usePictureRun: the run state both picture tools share (deep dream, style transfer): fit the picture
// to the chosen size, show it, run the work with a cancel signal, time it, and turn an out-of-memory
// error into a smaller-size suggestion.
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { OUTPUT_SIZES } from '@/lib/vision';

import { copyCanvas, resizeCanvas, type PickedImage } from './canvas-utils';

/** What happened at the end of a run. */
export interface Outcome {
  kind: 'done' | 'cancelled' | 'error' | 'oom';
  seconds?: number;
  msPerStep?: number;
  message?: string;
  /** With 'oom': the next smaller output size to retry at, if any. */
  smaller?: number;
  /** With 'oom': the size that did not fit. */
  size?: number;
}

/** What the work function receives. */
export interface PictureWork {
  vision: typeof import('@/lib/vision');
  tf: typeof import('@tensorflow/tfjs');
  /** The picture resized to fit the output size. */
  work: HTMLCanvasElement;
  signal: AbortSignal;
}

/** What the work function reports back: whether it was cancelled and how many steps it ran. */
export interface PictureWorkResult {
  cancelled: boolean;
  steps: number;
}

/** Run state and the `run` function for one picture tool; a running job stops on unmount. */
export function usePictureRun() {
  const t = useT();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [scaledNote, setScaledNote] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  /**
   * Fits `input` into `size` pixels, copies it onto `target`, and runs `work` on it. Resolves true when
   * the work finished (or was cancelled) and false when it failed (the outcome says why).
   */
  const run = useCallback(
    async (
      input: PickedImage,
      size: number,
      target: HTMLCanvasElement,
      work: (w: PictureWork) => Promise<PictureWorkResult>,
    ): Promise<boolean> => {
      const [vision, tf] = await Promise.all([import('@/lib/vision'), import('@tensorflow/tfjs')]);
      const fitted = vision.fitSize(input.canvas.width, input.canvas.height, size);
      setScaledNote(
        fitted.scaled && !input.builtin
          ? t('dream.source.scaled', {
              w: input.canvas.width,
              h: input.canvas.height,
              ow: fitted.width,
              oh: fitted.height,
            })
          : null,
      );
      const picture = resizeCanvas(input.canvas, fitted.width, fitted.height);
      copyCanvas(target, picture);
      const ctrl = new AbortController();
      abort.current = ctrl;
      setRunning(true);
      setOutcome(null);
      const started = performance.now();
      try {
        const result = await work({ vision, tf, work: picture, signal: ctrl.signal });
        const seconds = (performance.now() - started) / 1000;
        setOutcome({
          kind: result.cancelled ? 'cancelled' : 'done',
          seconds,
          msPerStep: result.steps ? (seconds * 1000) / result.steps : 0,
        });
        return true;
      } catch (e) {
        const side = Math.max(fitted.width, fitted.height);
        if (vision.isOutOfMemoryError(e)) {
          const smaller = [...OUTPUT_SIZES].reverse().find((s) => s < side);
          setOutcome({ kind: 'oom', smaller, size: side });
        } else setOutcome({ kind: 'error', message: errorTextNow(e) });
        return false;
      } finally {
        setRunning(false);
        abort.current = null;
      }
    },
    [t],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);

  return { running, outcome, setOutcome, scaledNote, run, cancel };
}
