// The benchmark registry: every workload the /bench/ page runs. Studios add theirs here.
import { coreWorkload } from './core';
import { digitsWorkload } from './digits';
import { musicWorkload } from './music';
import type { Workload } from './types';

export const WORKLOADS: readonly Workload[] = [coreWorkload, digitsWorkload, musicWorkload];

export type { BenchContext, BenchMeasurement, Workload } from './types';
