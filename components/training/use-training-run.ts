'use client';
// One hook for every training UI: phase, epoch progress, live history, cancel, result and error.
import { useCallback, useEffect, useRef, useState } from 'react';

import type { TrainingHistory } from '@/components/ui/training-curves';

/**
 * Where a run stands. `preparing` covers everything before the first epoch (loading data, building
 * the model, augmenting, the first-batch warm-up); `evaluating` everything after the last one.
 */
export type RunPhase = 'idle' | 'preparing' | 'training' | 'evaluating' | 'done' | 'cancelled' | 'error';

/** Live state of one run, in plain numbers (never tensors). */
export interface TrainingRunState<R> {
  phase: RunPhase;
  /** Epochs finished so far. */
  epoch: number;
  /** Epochs planned (0 until the run says). */
  epochs: number;
  /** 0–1 within the current phase (preparing/evaluating) or within the current epoch; null if unknown. */
  progress: number | null;
  /** Per-epoch curves; validation arrays stay empty when there is no validation set. */
  history: Required<{ [K in keyof TrainingHistory]: number[] }>;
  /** What the run returned (the caller owns anything disposable in it). */
  result: R | null;
  error: unknown;
  /** Wall-clock ms since the run started (updated with each report), and its start time. */
  elapsedMs: number;
  startedAt: number | null;
}

/** Metrics reported at the end of an epoch; missing ones are skipped. */
export interface EpochMetrics {
  loss: number;
  valLoss?: number;
  acc?: number;
  valAcc?: number;
}

/** What a run function receives to report progress and notice a cancel. */
export interface TrainingRunContext {
  signal: AbortSignal;
  /** Moves to a phase; `progress` (0–1) is optional. */
  setPhase(phase: 'preparing' | 'training' | 'evaluating', progress?: number | null): void;
  /** Progress within the current phase or epoch (0–1). */
  setProgress(fraction: number | null): void;
  /** Sets the planned number of epochs. */
  setEpochs(epochs: number): void;
  /** Records a finished epoch (0-based or 1-based: pass the count of finished epochs). */
  onEpochEnd(finished: number, metrics: EpochMetrics): void;
}

const EMPTY_HISTORY = (): TrainingRunState<never>['history'] => ({
  loss: [],
  valLoss: [],
  acc: [],
  valAcc: [],
});

function idle<R>(): TrainingRunState<R> {
  return {
    phase: 'idle',
    epoch: 0,
    epochs: 0,
    progress: null,
    history: EMPTY_HISTORY(),
    result: null,
    error: null,
    elapsedMs: 0,
    startedAt: null,
  };
}

/** The run's public handle. */
export interface TrainingRun<R> {
  state: TrainingRunState<R>;
  /** True while preparing, training or evaluating. */
  busy: boolean;
  /**
   * Starts a run (cancelling none: callers disable Start while busy). Resolves with the run's
   * result, or null when it failed or was cancelled before returning. A run that returns after a
   * cancel (keeping a usable model) ends in `cancelled` with its result kept.
   */
  start(run: (ctx: TrainingRunContext) => Promise<R>, options?: { epochs?: number }): Promise<R | null>;
  /** Asks the run to stop at its next check of the signal. */
  cancel(): void;
  /** Back to idle (forgets result, history and error). */
  reset(): void;
}

/**
 * Runs `run` with live state for a training UI. The run function does the work (in lib/) and
 * reports through the context; the hook owns the AbortController and cancels on unmount.
 */
export function useTrainingRun<R = void>(): TrainingRun<R> {
  const [state, setState] = useState<TrainingRunState<R>>(idle);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(
    async (run: (ctx: TrainingRunContext) => Promise<R>, options?: { epochs?: number }) => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      const startedAt = Date.now();
      const mine = () => abort.current === ctrl;
      const update = (f: (s: TrainingRunState<R>) => TrainingRunState<R>) => {
        if (mine()) setState((s) => ({ ...f(s), elapsedMs: Date.now() - startedAt }));
      };
      setState({ ...idle<R>(), phase: 'preparing', epochs: options?.epochs ?? 0, startedAt });
      const ctx: TrainingRunContext = {
        signal: ctrl.signal,
        setPhase: (phase, progress = null) => update((s) => ({ ...s, phase, progress })),
        setProgress: (progress) => update((s) => ({ ...s, progress })),
        setEpochs: (epochs) => update((s) => ({ ...s, epochs })),
        onEpochEnd: (finished, m) =>
          update((s) => ({
            ...s,
            phase: 'training',
            epoch: finished,
            progress: null,
            history: {
              loss: [...s.history.loss, m.loss],
              valLoss: m.valLoss === undefined ? s.history.valLoss : [...s.history.valLoss, m.valLoss],
              acc: m.acc === undefined ? s.history.acc : [...s.history.acc, m.acc],
              valAcc: m.valAcc === undefined ? s.history.valAcc : [...s.history.valAcc, m.valAcc],
            },
          })),
      };
      try {
        const result = await run(ctx);
        update((s) => ({
          ...s,
          phase: ctrl.signal.aborted ? 'cancelled' : 'done',
          progress: null,
          result,
        }));
        return result;
      } catch (error) {
        update((s) => ({ ...s, phase: ctrl.signal.aborted ? 'cancelled' : 'error', progress: null, error }));
        return null;
      } finally {
        if (mine()) abort.current = null;
      }
    },
    [],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setState(idle<R>());
  }, []);

  const busy = state.phase === 'preparing' || state.phase === 'training' || state.phase === 'evaluating';
  return { state, busy, start, cancel, reset };
}
