// Validates a ModelSpec field by field, so errors name the exact path (e.g. layers[2].units).
import { ConfigError } from '../errors';
import { ACTIVATIONS, LAYER_TYPES, RECURRENT_ACTIVATIONS } from './constants';
import type { ActivationName, LayerSpec, ModelSpec, RegularizerSpec } from './types';
import {
  checkEnum,
  checkInt,
  checkIntOrPair,
  checkNumber,
  checkOptionalBool,
  checkOptionalSeed,
} from './validate';

const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

function checkActivation(field: string, value: unknown): ActivationName | undefined {
  return value === undefined ? undefined : checkEnum(field, value, ACTIVATION_NAMES);
}

/** Validates an optional regularizer; returns a copy. */
export function checkRegularizer(field: string, value: unknown): RegularizerSpec | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    throw new ConfigError(field, value, 'an object like { l2: 0.001 }');
  }
  const r = value as RegularizerSpec;
  const out: RegularizerSpec = {};
  if (r.l1 !== undefined) out.l1 = checkNumber(`${field}.l1`, r.l1, 0, 1);
  if (r.l2 !== undefined) out.l2 = checkNumber(`${field}.l2`, r.l2, 0, 1);
  return out;
}

function resolveLayer(raw: unknown, i: number): LayerSpec {
  const p = `layers[${i}]`;
  if (typeof raw !== 'object' || raw === null) {
    throw new ConfigError(p, raw, 'a layer object with a "type"');
  }
  const l = raw as Record<string, unknown>;
  const type = checkEnum(`${p}.type`, l.type, LAYER_TYPES);
  switch (type) {
    case 'dense':
      return {
        type,
        units: checkInt(`${p}.units`, l.units),
        activation: checkActivation(`${p}.activation`, l.activation),
        useBias: checkOptionalBool(`${p}.useBias`, l.useBias),
        regularizer: checkRegularizer(`${p}.regularizer`, l.regularizer),
      };
    case 'dropout':
      return { type, rate: checkNumber(`${p}.rate`, l.rate, 0, 1, true) };
    case 'conv2d':
    case 'conv2dTranspose':
      return {
        type,
        filters: checkInt(`${p}.filters`, l.filters),
        kernelSize: checkIntOrPair(`${p}.kernelSize`, l.kernelSize),
        strides: l.strides === undefined ? undefined : checkIntOrPair(`${p}.strides`, l.strides),
        padding:
          l.padding === undefined
            ? undefined
            : checkEnum(`${p}.padding`, l.padding, ['same', 'valid'] as const),
        activation: checkActivation(`${p}.activation`, l.activation),
        regularizer: checkRegularizer(`${p}.regularizer`, l.regularizer),
      };
    case 'maxPool2d':
    case 'avgPool2d':
      return {
        type,
        poolSize: checkIntOrPair(`${p}.poolSize`, l.poolSize),
        strides: l.strides === undefined ? undefined : checkIntOrPair(`${p}.strides`, l.strides),
      };
    case 'upSampling2d':
      return { type, size: checkIntOrPair(`${p}.size`, l.size) };
    case 'batchNorm':
    case 'flatten':
    case 'prelu':
      return { type };
    case 'reshape': {
      if (!Array.isArray(l.targetShape) || l.targetShape.length === 0) {
        throw new ConfigError(`${p}.targetShape`, l.targetShape, 'a non-empty array of positive integers');
      }
      const targetShape = l.targetShape.map((d, k) => checkInt(`${p}.targetShape[${k}]`, d));
      return { type, targetShape };
    }
    case 'simpleRnn':
    case 'lstm':
    case 'gru':
      return {
        type,
        units: checkInt(`${p}.units`, l.units),
        returnSequences: checkOptionalBool(`${p}.returnSequences`, l.returnSequences),
        activation:
          l.activation === undefined
            ? undefined
            : checkEnum(`${p}.activation`, l.activation, RECURRENT_ACTIVATIONS),
      };
    case 'activation': {
      const activation = checkEnum(`${p}.activation`, l.activation, ACTIVATION_NAMES);
      return { type, activation };
    }
  }
}

/**
 * Validates a model spec and returns a clean copy. Throws ConfigError naming the field path,
 * for example `inputShape[1]` or `layers[2].units`.
 */
export function resolveModelSpec(spec: unknown): ModelSpec {
  if (typeof spec !== 'object' || spec === null) {
    throw new ConfigError('spec', spec, 'an object with inputShape and layers');
  }
  const s = spec as Record<string, unknown>;
  if (!Array.isArray(s.inputShape) || s.inputShape.length === 0) {
    throw new ConfigError(
      'inputShape',
      s.inputShape,
      'a non-empty array of positive integers, e.g. [28, 28, 1]',
    );
  }
  const inputShape = s.inputShape.map((d, k) => checkInt(`inputShape[${k}]`, d));
  if (!Array.isArray(s.layers) || s.layers.length === 0) {
    throw new ConfigError('layers', s.layers, 'a non-empty array of layer specs');
  }
  const layers = s.layers.map((l, i) => resolveLayer(l, i));
  const seed = checkOptionalSeed('seed', s.seed);
  return { inputShape, layers, seed };
}
