// The benchmark registry: every workload the /bench/ page runs. Studios add theirs here.
import { coreWorkload } from './core';
import { digitsWorkload } from './digits';
import { dreamWorkload } from './dream';
import { imageWorkload } from './image';
import { labWorkload } from './lab';
import { musicWorkload } from './music';
import { poseWorkload } from './pose';
import { soundWorkload } from './sound';
import { speedWorkload } from './speed';
import type { Workload } from './types';

export const WORKLOADS: readonly Workload[] = [
  coreWorkload,
  digitsWorkload,
  dreamWorkload,
  imageWorkload,
  labWorkload,
  musicWorkload,
  poseWorkload,
  soundWorkload,
  speedWorkload,
];

export type { BenchContext, BenchMeasurement, Workload } from './types';
