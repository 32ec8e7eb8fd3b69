'use client';
// "Learn from my MIDI": fine-tunes a copy of the shipped melody model on the person's melodies in the
// browser (useTrainingRun for phase, cancel and errors), keeps the tuned model in IndexedDB, exports it as
// a Magenta checkpoint folder (.zip) and generates with it.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useCanSave } from '@/components/storage';
import { useBackend } from '@/components/tf/backend-provider';
import { useTrainingRun, type TrainingRun } from '@/components/training';
import { StoredTuningSchema, readStored } from '@/lib/files';
import {
  artifactsToCheckpointFiles,
  fetchMelodyRnnArtifacts,
  fineTuneMelodyRnn,
  generateClip,
  makeFineTuneData,
  MUSIC_MODELS,
  TunableMelodyRnn,
  type FineTuneResult,
  type MelodyRnnArtifacts,
  type MelodySource,
  type Note,
} from '@/lib/music';

const STORE_KEY = 'music/tuned-melody';

/** What is kept in IndexedDB: the tuned weights and how the tuning went. */
export interface StoredTuning {
  artifacts: MelodyRnnArtifacts;
  result: FineTuneResult;
  /** Names of the melodies it learned from. */
  sources: string[];
  savedAt: number;
}

/** Live numbers of a run, for the progress bar and the chart. */
export interface TuningProgress {
  /** 0–1: the larger of updates done / planned and time used / budget. */
  fraction: number;
  steps: number;
  valLoss: number[];
  trainLoss: number[];
}

/** The tuning hook's handle. */
export interface MelodyTuning {
  run: TrainingRun<FineTuneResult>;
  progress: TuningProgress | null;
  /** The tuned model's record (after a run or from IndexedDB), or null. */
  tuned: StoredTuning | null;
  /** Fine-tunes a fresh copy of melody_rnn on `sources` for about `seconds`. */
  tune(sources: (MelodySource & { name: string })[], seconds: number): Promise<void>;
  /** A new melody from the tuned model. */
  generate(bars: number, temperature: number): Promise<{ notes: Note[]; totalQuantizedSteps: number }>;
  /** The tuned model as a checkpoint folder, zipped. */
  exportZip(): Promise<Uint8Array>;
  /** Deletes the tuned model here and in IndexedDB. */
  forget(): Promise<void>;
}

/** See {@link MelodyTuning}. */
export function useMelodyTuning(): MelodyTuning {
  const { whenReady } = useBackend();
  const run = useTrainingRun<FineTuneResult>();
  const [progress, setProgress] = useState<TuningProgress | null>(null);
  const [tuned, setTuned] = useState<StoredTuning | null>(null);
  const model = useRef<TunableMelodyRnn | null>(null);
  // A second tab of the studio tunes and plays, but keeps its tuned model to itself.
  const mayStore = useCanSave();
  const canSave = useRef(mayStore);
  canSave.current = mayStore;

  // The tuned model from an earlier visit; the model itself is built on first use.
  useEffect(() => {
    let alive = true;
    void import('@/lib/persist')
      .then((p) => p.loadProject<unknown>(STORE_KEY))
      // A damaged record is ignored (no tuned model yet), never handed to the model.
      .then((raw) => readStored(StoredTuningSchema, raw ?? null) as StoredTuning | null)
      .then((stored) => alive && stored && setTuned((cur) => cur ?? stored))
      .catch(() => undefined);
    return () => {
      alive = false;
      model.current?.dispose();
      model.current = null;
    };
  }, []);

  const tune = useCallback(
    async (sources: (MelodySource & { name: string })[], seconds: number) => {
      setProgress({ fraction: 0, steps: 0, valLoss: [], trainLoss: [] });
      await run.start(async (ctx) => {
        ctx.setPhase('preparing');
        await whenReady();
        const base = await fetchMelodyRnnArtifacts(MUSIC_MODELS.melody_rnn.url);
        const fresh = new TunableMelodyRnn(base);
        try {
          const data = makeFineTuneData(sources, fresh);
          const limit = seconds * 1000;
          const steps = 400;
          const t0 = Date.now();
          ctx.setPhase('training');
          const result = await fineTuneMelodyRnn(fresh, data, {
            steps,
            timeLimitMs: limit,
            learningRate: 2e-3,
            batchSize: 8,
            evalEvery: 5,
            signal: ctx.signal,
            onStep: (step) =>
              setProgress((p) => ({
                ...(p ?? { valLoss: [], trainLoss: [] }),
                steps: step,
                fraction: Math.min(1, Math.max(step / steps, (Date.now() - t0) / limit)),
              })),
            onEval: (step, trainLoss, valLoss) => {
              setProgress((p) => ({
                fraction: p?.fraction ?? 0,
                steps: step,
                valLoss: [...(p?.valLoss ?? []), valLoss],
                trainLoss: [...(p?.trainLoss ?? []), trainLoss],
              }));
              ctx.onEpochEnd(step, { loss: trainLoss, valLoss });
            },
          });
          ctx.setPhase('evaluating');
          const stored: StoredTuning = {
            artifacts: await fresh.toArtifacts(),
            result,
            sources: sources.map((s) => s.name),
            savedAt: Date.now(),
          };
          if (canSave.current) await import('@/lib/persist').then((p) => p.saveProject(STORE_KEY, stored));
          model.current?.dispose();
          model.current = fresh;
          setTuned(stored);
          return result;
        } catch (e) {
          fresh.dispose();
          throw e;
        }
      });
    },
    [run, whenReady],
  );

  const getModel = useCallback(async () => {
    if (model.current) return model.current;
    if (!tuned) throw new Error('No tuned model yet.');
    await whenReady();
    model.current = new TunableMelodyRnn(tuned.artifacts);
    return model.current;
  }, [tuned, whenReady]);

  const generate = useCallback(
    async (bars: number, temperature: number) =>
      generateClip(await getModel(), { kind: 'melody', bars, temperature }),
    [getModel],
  );

  const exportZip = useCallback(async () => {
    if (!tuned) throw new Error('No tuned model yet.');
    const { zipFiles } = await import('@/lib/persist');
    return zipFiles(artifactsToCheckpointFiles(tuned.artifacts));
  }, [tuned]);

  const forget = useCallback(async () => {
    model.current?.dispose();
    model.current = null;
    setTuned(null);
    setProgress(null);
    run.reset();
    if (canSave.current) await import('@/lib/persist').then((p) => p.deleteProject(STORE_KEY));
  }, [run]);

  return { run, progress, tuned, tune, generate, exportZip, forget };
}
