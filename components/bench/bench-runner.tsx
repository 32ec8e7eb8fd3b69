'use client';
// Runs the registered workloads on the backend named in ?backend=, shows a table and exposes the
// results on window.__BENCH__ for bench/run.mjs. ?only=core,image limits the workloads.
import { useEffect, useState } from 'react';

import { WORKLOADS, type BenchMeasurement } from '@/bench/workloads';
import { useBackend } from '@/components/tf/backend-provider';

interface BenchState {
  done: boolean;
  backend: string;
  requested: string;
  results: BenchMeasurement[];
  errors: { workload: string; message: string }[];
  status: string;
}

declare global {
  interface Window {
    __BENCH__?: BenchState;
  }
}

/** The benchmark runner UI (plain English: a developer tool). */
export function BenchRunner() {
  const { whenReady } = useBackend();
  const [state, setState] = useState<BenchState | null>(null);

  useEffect(() => {
    let alive = true;
    const params = new URLSearchParams(window.location.search);
    const requested = params.get('backend') ?? 'auto';
    const only = params.get('only')?.split(',');
    const publish = (s: BenchState) => {
      window.__BENCH__ = s;
      if (alive) setState({ ...s, results: [...s.results], errors: [...s.errors] });
    };
    void (async () => {
      const tf = await import('@tensorflow/tfjs');
      const backend = await whenReady().catch(() => 'none');
      const s: BenchState = { done: false, backend, requested, results: [], errors: [], status: 'starting' };
      publish(s);
      if (requested !== 'auto' && backend !== requested) {
        s.errors.push({ workload: '*', message: `backend ${requested} unavailable (running ${backend})` });
        s.done = true;
        publish(s);
        return;
      }
      for (const w of WORKLOADS) {
        if (only && !only.includes(w.id)) continue;
        if (w.backends && !w.backends.includes(backend)) continue;
        try {
          const before = tf.memory().numTensors;
          const results = await w.run({
            tf,
            backend,
            status: (text) => publish({ ...s, status: `${w.id}: ${text}` }),
          });
          s.results.push(...results);
          const leaked = tf.memory().numTensors - before;
          if (leaked !== 0) s.errors.push({ workload: w.id, message: `${leaked} tensors leaked` });
        } catch (e) {
          s.errors.push({ workload: w.id, message: e instanceof Error ? e.message : String(e) });
        }
        publish(s);
      }
      s.done = true;
      s.status = 'done';
      publish(s);
    })();
    return () => {
      alive = false;
    };
  }, [whenReady]);

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Benchmarks</h1>
      <p data-testid="bench-status">{state ? `${state.backend}: ${state.status}` : 'starting'}</p>
      <table className="text-sm">
        <tbody>
          {state?.results.map((r) => (
            <tr key={r.id}>
              <td className="pr-4">{r.label}</td>
              <td className="pr-2 text-right font-mono">{r.value.toFixed(2)}</td>
              <td>{r.unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {state?.errors.map((e) => (
        <p key={e.workload + e.message} className="text-rose-700">
          {e.workload}: {e.message}
        </p>
      ))}
    </section>
  );
}
