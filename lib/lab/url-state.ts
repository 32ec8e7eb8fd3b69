// Playground state <-> URL query string, so an experiment can be shared and a teacher can hide controls.
import { OPTIMIZERS } from '../models';
import type { OptimizerName } from '../models';
import {
  DATASET_NAMES,
  DEFAULT_PLAYGROUND_STATE,
  FEATURE_NAMES,
  HIDEABLE_CONTROLS,
  MAX_HIDDEN_LAYERS,
  MAX_NEURONS,
  OUTPUT_HEADS,
  PLAYGROUND_ACTIVATIONS,
} from './constants';
import type {
  DatasetName,
  FeatureName,
  HideableControl,
  OutputHead,
  PlaygroundState,
  RegularizationKind,
} from './types';

const REGS: readonly RegularizationKind[] = ['none', 'l1', 'l2'];

/**
 * Writes the state as a query string (without '?'). Short keys keep shared links readable:
 * `data=xor&noise=0.1&layers=4,2&act=tanh&features=x1,x2&hide=dataset,features`.
 */
export function encodeState(state: PlaygroundState): string {
  const p = new URLSearchParams();
  p.set('data', state.dataset);
  p.set('noise', String(state.noise));
  p.set('ratio', String(state.trainRatio));
  p.set('batch', String(state.batchSize));
  p.set('seed', String(state.seed));
  p.set('features', state.features.join(','));
  // An empty value means "no hidden layers", which is a valid (linear) model.
  p.set('layers', state.hidden.join(','));
  p.set('act', state.activation);
  p.set('out', state.output);
  p.set('reg', state.regularization);
  p.set('regRate', String(state.regularizationRate));
  p.set('dropout', String(state.dropout));
  p.set('opt', state.optimizer);
  p.set('lr', String(state.learningRate));
  if (state.hide.length > 0) p.set('hide', state.hide.join(','));
  return p.toString();
}

function pickEnum<T extends string>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
  field: string,
  warn: string[],
): T {
  if (value === null) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  warn.push(field);
  return fallback;
}

function pickNumber(
  value: string | null,
  lo: number,
  hi: number,
  fallback: number,
  field: string,
  warn: string[],
  integer = false,
): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < lo || n > hi || (integer && !Number.isInteger(n))) {
    warn.push(field);
    return fallback;
  }
  return n;
}

/**
 * Reads a state from a query string. Links are typed and edited by hand, so a bad field never throws:
 * it takes its default and its name is listed in `ignored`, which the UI shows.
 */
export function decodeState(query: string): { state: PlaygroundState; ignored: string[] } {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const d = DEFAULT_PLAYGROUND_STATE;
  const ignored: string[] = [];
  const dataset = pickEnum<DatasetName>(p.get('data'), DATASET_NAMES, d.dataset, 'data', ignored);

  let features: FeatureName[] = [...d.features];
  const rawFeatures = p.get('features');
  if (rawFeatures !== null) {
    const list = rawFeatures.split(',').filter(Boolean);
    if (list.length > 0 && list.every((f) => (FEATURE_NAMES as readonly string[]).includes(f))) {
      features = FEATURE_NAMES.filter((f) => list.includes(f));
    } else ignored.push('features');
  }

  let hidden: number[] = [...d.hidden];
  const rawLayers = p.get('layers');
  if (rawLayers !== null) {
    const list = rawLayers === '' ? [] : rawLayers.split(',').map(Number);
    if (
      list.length <= MAX_HIDDEN_LAYERS &&
      list.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_NEURONS)
    )
      hidden = list;
    else ignored.push('layers');
  }

  let hide: HideableControl[] = [];
  const rawHide = p.get('hide');
  if (rawHide !== null) {
    const list = rawHide.split(',').filter(Boolean);
    hide = HIDEABLE_CONTROLS.filter((c) => list.includes(c));
    if (list.some((c) => !(HIDEABLE_CONTROLS as readonly string[]).includes(c))) ignored.push('hide');
  }

  const state: PlaygroundState = {
    dataset,
    noise: pickNumber(p.get('noise'), 0, 0.5, d.noise, 'noise', ignored),
    trainRatio: pickNumber(p.get('ratio'), 0.1, 0.9, d.trainRatio, 'ratio', ignored),
    batchSize: pickNumber(p.get('batch'), 1, 100, d.batchSize, 'batch', ignored, true),
    seed: pickNumber(p.get('seed'), 0, 2 ** 31, d.seed, 'seed', ignored, true),
    features,
    hidden,
    activation: pickEnum(
      p.get('act'),
      PLAYGROUND_ACTIVATIONS,
      d.activation as (typeof PLAYGROUND_ACTIVATIONS)[number],
      'act',
      ignored,
    ),
    output: pickEnum<OutputHead>(p.get('out'), OUTPUT_HEADS, d.output, 'out', ignored),
    regularization: pickEnum(p.get('reg'), REGS, d.regularization, 'reg', ignored),
    regularizationRate: pickNumber(p.get('regRate'), 0, 10, d.regularizationRate, 'regRate', ignored),
    dropout: pickNumber(p.get('dropout'), 0, 0.9, d.dropout, 'dropout', ignored),
    optimizer: pickEnum<OptimizerName>(
      p.get('opt'),
      Object.keys(OPTIMIZERS) as OptimizerName[],
      d.optimizer,
      'opt',
      ignored,
    ),
    learningRate: pickNumber(p.get('lr'), 1e-5, 10, d.learningRate, 'lr', ignored),
    hide,
  };
  return { state, ignored };
}
