// Typed errors for the whole library: each message names the value given and how to fix it.

/**
 * Every error code the library throws. The UI shows each one in the reader's language
 * (lib/i18n/messages/errors.ts); a unit test fails if a code has no message in Korean and English.
 */
export const ERROR_CODES = [
  'config',
  'model-load',
  'backend',
  'input',
  'diverged',
  'midi-unsupported',
  'midi-insecure',
  'midi-denied',
  'midi-no-devices',
  'midi-disconnected',
  'midi-failed',
] as const;

/** A stable machine-readable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base class so the UI can tell our errors from unexpected ones. */
export class StudioError extends Error {
  /** Stable machine-readable code; the UI maps it to a translated message. */
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A config field is missing, of the wrong type or out of range. */
export class ConfigError extends StudioError {
  readonly field: string;
  readonly value: unknown;
  constructor(field: string, value: unknown, allowed: string) {
    super('config', `Invalid value for "${field}": ${formatValue(value)}. Allowed: ${allowed}.`);
    this.field = field;
    this.value = value;
  }
}

/** A model file could not be fetched, parsed or does not match what we expected. */
export class ModelLoadError extends StudioError {
  constructor(message: string) {
    super('model-load', message);
  }
}

/** No tfjs backend could be initialised, or a backend failed a correctness check. */
export class BackendError extends StudioError {
  constructor(message: string) {
    super('backend', message);
  }
}

/** User input (a file, a drawing, a CSV, a MIDI) cannot be used. */
export class InputError extends StudioError {
  /** The name of the offending file or item, when there is one. */
  readonly item?: string;
  constructor(message: string, item?: string) {
    super('input', message);
    this.item = item;
  }
}

/** Training stopped because the loss became NaN or Infinity. */
export class TrainingDivergedError extends StudioError {
  readonly epoch: number;
  constructor(epoch: number, loss: number) {
    super(
      'diverged',
      `Training stopped at epoch ${epoch}: the loss became ${loss}. Try a smaller learning rate.`,
    );
    this.epoch = epoch;
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
