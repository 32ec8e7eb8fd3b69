// The benchmark registry: every workload the /bench/ page runs. Studios add theirs here.
import { coreWorkload } from './core';
import { digitsWorkload } from './digits';
import { labWorkload } from './lab';
import type { Workload } from './types';

export const WORKLOADS: readonly Workload[] = [coreWorkload, digitsWorkload, labWorkload];

export type { BenchContext, BenchMeasurement, Workload } from './types';
