// The benchmark registry: every workload the /bench/ page runs. Studios add theirs here.
import { coreWorkload } from './core';
import { dreamWorkload } from './dream';
import type { Workload } from './types';

export const WORKLOADS: readonly Workload[] = [coreWorkload, dreamWorkload];

export type { BenchContext, BenchMeasurement, Workload } from './types';
