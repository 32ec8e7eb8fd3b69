// A small levelled logger: library code prints through it, never straight to the console.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };
let current: LogLevel = 'warn';

/** Sets the lowest level that is printed. Defaults to 'warn'. */
export function setLogLevel(level: LogLevel): void {
  current = level;
}

function emit(level: Exclude<LogLevel, 'silent'>, args: unknown[]): void {
  if (ORDER[level] < ORDER[current]) return;
  if (level === 'debug') console.debug('[studio]', ...args);
  else if (level === 'info') console.info('[studio]', ...args);
  else if (level === 'warn') console.warn('[studio]', ...args);
  else console.error('[studio]', ...args);
}

/** The library's logger. */
export const log = {
  debug: (...args: unknown[]) => emit('debug', args),
  info: (...args: unknown[]) => emit('info', args),
  warn: (...args: unknown[]) => emit('warn', args),
  error: (...args: unknown[]) => emit('error', args),
};
