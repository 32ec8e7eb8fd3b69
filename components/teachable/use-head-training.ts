'use client';
// Training a head on cached features from a component: progress, live curves, cancel, errors.
import { useCallback, useRef, useState } from 'react';

import type { FeaturesByClass, HeadConfig, HeadEpochInfo, TrainHeadResult } from '@/lib/transfer/types';

/** Where training stands. */
export type TrainingStatus = 'idle' | 'preparing' | 'training' | 'done' | 'cancelled' | 'error';

/** Live state for the Train panel (plain numbers only). */
export interface TrainingState {
  status: TrainingStatus;
  epoch: number;
  epochs: number;
  /** 0–1 while preparing (e.g. augmenting), else null. */
  prepareProgress: number | null;
  history: { loss: number[]; acc: number[]; valLoss: number[]; valAcc: number[] };
  /** Summary of the last finished run (no model: the caller owns that). */
  result: Omit<TrainHeadResult, 'model'> | null;
  labels: string[];
  error: unknown;
}

const IDLE: TrainingState = {
  status: 'idle',
  epoch: 0,
  epochs: 0,
  prepareProgress: null,
  history: { loss: [], acc: [], valLoss: [], valAcc: [] },
  result: null,
  labels: [],
  error: null,
};

/** What a training run needs. `prepareExtra` may add training-only examples (augmentation). */
export interface StartTrainingInput {
  labels: string[];
  features: FeaturesByClass;
  settings: HeadConfig;
  prepareExtra?: (
    signal: AbortSignal,
    onProgress: (fraction: number) => void,
  ) => Promise<FeaturesByClass | undefined>;
}

/**
 * Runs lib/transfer's trainHead with live state. `start` resolves with the trained model (the
 * caller owns it) or null when training failed before a model existed.
 */
export function useHeadTraining() {
  const [state, setState] = useState<TrainingState>(IDLE);
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async ({ labels, features, settings, prepareExtra }: StartTrainingInput) => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setState({
      ...IDLE,
      status: prepareExtra ? 'preparing' : 'training',
      epochs: settings.epochs,
      labels,
      prepareProgress: prepareExtra ? 0 : null,
    });
    try {
      const { trainHead, checkTrainable } = await import('@/lib/transfer');
      checkTrainable(labels, features);
      const extra = prepareExtra
        ? await prepareExtra(ctrl.signal, (f) => setState((s) => ({ ...s, prepareProgress: f })))
        : undefined;
      if (ctrl.signal.aborted) {
        setState((s) => ({ ...s, status: 'cancelled', prepareProgress: null }));
        return null;
      }
      setState((s) => ({ ...s, status: 'training', prepareProgress: null }));
      const result = await trainHead(
        labels,
        features,
        settings,
        {
          signal: ctrl.signal,
          onEpochEnd: (e: HeadEpochInfo) =>
            setState((s) => ({
              ...s,
              epoch: e.epoch,
              history: {
                loss: [...s.history.loss, e.loss],
                acc: e.acc === undefined ? s.history.acc : [...s.history.acc, e.acc],
                valLoss: e.valLoss === undefined ? s.history.valLoss : [...s.history.valLoss, e.valLoss],
                valAcc: e.valAcc === undefined ? s.history.valAcc : [...s.history.valAcc, e.valAcc],
              },
            })),
        },
        extra,
      );
      const { model, ...summary } = result;
      setState((s) => ({ ...s, status: result.cancelled ? 'cancelled' : 'done', result: summary }));
      return model;
    } catch (error) {
      setState((s) => ({ ...s, status: 'error', error, prepareProgress: null }));
      return null;
    } finally {
      abort.current = null;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState(IDLE), []);
  return { state, start, cancel, reset };
}
