// The benchmark registry: every workload the /bench/ page runs. Studios add theirs here.
import { coreWorkload } from './core';
import { digitsWorkload } from './digits';
import { imageWorkload } from './image';
import { musicWorkload } from './music';
import { soundWorkload } from './sound';
import type { Workload } from './types';

export const WORKLOADS: readonly Workload[] = [coreWorkload, digitsWorkload, imageWorkload, soundWorkload, musicWorkload];

export type { BenchContext, BenchMeasurement, Workload } from './types';
