// Small field validators shared by the model, optimizer and builder configs.
import { ConfigError } from '../errors';

/** Throws unless `value` is an integer ≥ `min`. */
export function checkInt(field: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ConfigError(field, value, `an integer ≥ ${min}`);
  }
  return value;
}

/** Throws unless `value` is a positive integer or a pair of them. */
export function checkIntOrPair(field: string, value: unknown): number | [number, number] {
  if (Array.isArray(value)) {
    if (value.length !== 2) throw new ConfigError(field, value, 'an integer ≥ 1 or a pair [rows, cols]');
    checkInt(`${field}[0]`, value[0]);
    checkInt(`${field}[1]`, value[1]);
    return [value[0], value[1]];
  }
  return checkInt(field, value);
}

/** Throws unless `value` is a finite number in [min, max] (or [min, max) when `maxOpen`). */
export function checkNumber(
  field: string,
  value: unknown,
  min: number,
  max: number,
  maxOpen = false,
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    (maxOpen ? value < max : value <= max);
  if (!ok) {
    throw new ConfigError(field, value, `a number from ${min} to ${max}${maxOpen ? ' (exclusive)' : ''}`);
  }
  return value as number;
}

/** Throws unless `value` is one of `allowed`. */
export function checkEnum<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(field, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Throws unless `value` is undefined or a boolean. */
export function checkOptionalBool(field: string, value: unknown): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new ConfigError(field, value, 'true or false');
  }
  return value;
}

/** Throws unless `value` is undefined or a finite number (a seed). */
export function checkOptionalSeed(field: string, value: unknown): number | undefined {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new ConfigError(field, value, 'a finite number, or leave it out for a random start');
  }
  return value;
}
