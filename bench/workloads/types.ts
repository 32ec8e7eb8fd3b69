// Types shared by benchmark workloads (run in the browser by the /bench/ page).
import type * as tfType from '@tensorflow/tfjs';

/** What a workload receives. */
export interface BenchContext {
  tf: typeof tfType;
  /** The backend actually running. */
  backend: string;
  /** Reports progress text to the page. */
  status: (text: string) => void;
}

/** One number a workload measured. */
export interface BenchMeasurement {
  /** Stable id, e.g. "core.matmul512". */
  id: string;
  label: string;
  value: number;
  /** e.g. "ms", "ms/step", "steps/s", "examples/s", "tensors", "MB". */
  unit: string;
  note?: string;
}

/** A group of measurements, e.g. one studio's workloads. */
export interface Workload {
  id: string;
  label: string;
  /** Backends this workload can run on; all when omitted. */
  backends?: readonly string[];
  run: (ctx: BenchContext) => Promise<BenchMeasurement[]>;
}
