'use client';
// The Playground's network lifecycle: (re)build on structural changes, play at display rate, step, reset.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorTextNow } from '@/components/errors/use-error-text';

import {
  createPlaygroundNetwork,
  type LabDataset,
  type PlaygroundEngine,
  type PlaygroundNetwork,
  type PlaygroundSnapshot,
  type PlaygroundState,
} from '@/lib/lab';

/** Grid side of the decision-boundary and neuron maps. */
export const GRID = 50;

/** Train and test loss per epoch. */
export interface LossHistory {
  train: number[];
  test: number[];
}

/** The parts of the state that need a new network; learning rate and hidden controls do not. */
function structureKey(s: PlaygroundState): string {
  return JSON.stringify({ ...s, learningRate: 0, hide: [] });
}

interface Options {
  /** The state with the head already matched to the data. */
  state: PlaygroundState;
  dataset: LabDataset | null;
  /** False until the URL (and a saved CSV) have been read. */
  loaded: boolean;
  engine: PlaygroundEngine;
  /** Resolves once a tfjs backend runs (the tfjs engine needs it; the dense engine builds its start weights with it). */
  whenReady: () => Promise<unknown>;
  /** The tfjs backend's name; a change rebuilds a tfjs-engine network on it. */
  backendName: string | null;
  /** Message for a loss that became NaN or infinite. */
  divergedText: string;
}

/**
 * Owns the Playground network. Play trains one epoch and redraws the decision map, every neuron's map and
 * the weights once per animation frame: on the dense engine an epoch of the default network takes well
 * under a millisecond (npm run bench), so the pictures move at the display's rate.
 */
export function usePlaygroundNetwork({
  state,
  dataset,
  loaded,
  engine,
  whenReady,
  backendName,
  divergedText,
}: Options) {
  const [playing, setPlaying] = useState(false);
  const [epoch, setEpoch] = useState(0);
  const [history, setHistory] = useState<LossHistory>({ train: [], test: [] });
  const [acc, setAcc] = useState<{ train?: number; test?: number }>({});
  const [snapshot, setSnapshot] = useState<PlaygroundSnapshot | null>(null);
  const [confusion, setConfusion] = useState<number[][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fps, setFps] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const netRef = useRef<PlaygroundNetwork | null>(null);
  /** The frame or step in flight; a rebuild waits for it before disposing the network. */
  const busy = useRef<Promise<unknown>>(Promise.resolve());
  const buildId = useRef(0);

  const draw = useCallback((net: PlaygroundNetwork) => {
    const l = net.evaluate();
    setSnapshot(net.snapshot(GRID));
    setConfusion(net.testConfusion());
    setEpoch(net.epoch);
    setAcc({ train: l.trainAcc, test: l.testAcc });
    return l;
  }, []);

  const fresh = useCallback(() => {
    netRef.current?.dispose();
    netRef.current = null;
    if (!dataset) return;
    const net = createPlaygroundNetwork(state, dataset, { engine });
    netRef.current = net;
    const l = draw(net);
    setHistory({ train: [l.trainLoss], test: [l.testLoss] });
    setError(null);
    setReady(true);
  }, [state, dataset, engine, draw]);

  // (Re)build the network whenever the data, the architecture or the engine changes: training restarts
  // from epoch 0 with the same seeded weights.
  const key = structureKey(state);
  const tfBackend = engine === 'tfjs' ? backendName : null;
  useEffect(() => {
    if (!loaded || !dataset) return;
    const id = ++buildId.current;
    setPlaying(false);
    // Wait for the frame in flight (captured now: busy.current is about to become this run itself).
    const previous = busy.current;
    const run = async () => {
      await whenReady();
      await previous.catch(() => undefined);
      if (id !== buildId.current) return;
      try {
        fresh();
      } catch (e) {
        setError(errorTextNow(e));
      }
    };
    busy.current = run();
    // `fresh` reads the state through the key; a new tfjs backend also rebuilds a tfjs-engine network.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dataset, loaded, whenReady, engine, tfBackend]);

  // A new learning rate applies to the running network without losing what it learned.
  useEffect(() => {
    netRef.current?.setLearningRate(state.learningRate);
  }, [state.learningRate]);

  useEffect(() => () => netRef.current?.dispose(), []);

  const trainOnce = useCallback(
    async (net: PlaygroundNetwork) => {
      await net.trainBatches(net.batchesPerEpoch);
      if (netRef.current !== net) return false;
      const l = draw(net);
      setHistory((h) => ({ train: [...h.train, l.trainLoss], test: [...h.test, l.testLoss] }));
      if (!Number.isFinite(l.trainLoss) || !Number.isFinite(net.lastBatchLoss)) {
        setError(divergedText);
        return false;
      }
      return true;
    },
    [draw, divergedText],
  );

  // Play: one epoch and one redraw per animation frame.
  useEffect(() => {
    if (!playing) return;
    let stop = false;
    let raf = 0;
    let frames = 0;
    let since = performance.now();
    const frame = () => {
      const net = netRef.current;
      if (stop || !net) return;
      const p = trainOnce(net).then((ok) => {
        frames++;
        const now = performance.now();
        if (now - since > 1000) {
          setFps((frames * 1000) / (now - since));
          frames = 0;
          since = now;
        }
        if (!ok) setPlaying(false);
        else if (!stop) raf = requestAnimationFrame(frame);
      });
      busy.current = p;
      p.catch((e: unknown) => {
        setError(errorTextNow(e));
        setPlaying(false);
      });
    };
    raf = requestAnimationFrame(frame);
    return () => {
      stop = true;
      cancelAnimationFrame(raf);
    };
  }, [playing, trainOnce]);

  const step = () => {
    const net = netRef.current;
    if (!net || playing) return;
    busy.current = trainOnce(net).catch((e: unknown) => setError(errorTextNow(e)));
  };

  const reset = () => {
    // Reset starts again from the same starting weights (the seed is in the URL, so a shared link
    // replays the same run); "New data" changes the seed.
    setPlaying(false);
    buildId.current++;
    if (!netRef.current) return;
    busy.current = busy.current.catch(() => undefined).then(fresh);
  };

  return {
    playing,
    setPlaying,
    epoch,
    history,
    acc,
    snapshot,
    confusion,
    error,
    setError,
    fps,
    ready,
    step,
    reset,
  };
}
