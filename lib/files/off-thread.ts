// Long file work (parsing a table, reading a MIDI file, decoding and resampling a sound) runs in a
// web worker with progress and Cancel, so the page never freezes. One protocol for every worker:
// the page posts a request; the worker posts progress messages, then one result or one error.
// Where workers are missing (Node tests) or cannot start, the same function runs on this thread.
import { InputError } from '../errors';
import type { MessageParams } from '../i18n/types';
import { FileError, type FileMessageKey } from './errors';

/** Reports how far a job has come: `done` of `total` units (rows, tracks, samples). */
export type ProgressCallback = (done: number, total: number) => void;

/** Options of every off-thread reader. */
export interface OffThreadOptions {
  /** Aborting stops the worker at once; the promise rejects with FileError 'files.cancelled'. */
  signal?: AbortSignal;
  /** Called with the fraction done, 0–1, as the worker reports it. */
  onProgress?: (fraction: number) => void;
}

/** What a worker posts back. */
export type WorkerReply<R> =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: R }
  | { type: 'error'; message: string; key?: FileMessageKey; params?: MessageParams; input: boolean };

/** One off-thread job: how to start its worker, what to send, and the same work for this thread. */
export interface OffThreadJob<Req, Res> {
  /** File name, for messages. */
  name: string;
  /**
   * Starts the worker. Must be written `() => new Worker(new URL('./x.worker.ts', import.meta.url))`
   * at the call site, so the bundler emits the worker as its own script (allowed by script-src 'self').
   */
  start: () => Worker;
  request: Req;
  /** Buffers handed to the worker (not copied); they are unusable here afterwards. */
  transfer?: Transferable[];
  /** The same work on this thread, for where workers are missing. */
  inThread: (progress: ProgressCallback) => Res | Promise<Res>;
}

/** The error a cancelled job rejects with. */
export function cancelledError(name: string): FileError {
  return new FileError('files.cancelled', { name });
}

/** True for the error of a job the visitor cancelled (nothing to report but that). */
export function isCancelled(e: unknown): boolean {
  return e instanceof FileError && e.key === 'files.cancelled';
}

/** Turns a worker's error reply back into the error the in-thread code would have thrown. */
export function replyError(reply: Extract<WorkerReply<unknown>, { type: 'error' }>, name: string): Error {
  if (reply.key) return new FileError(reply.key, reply.params ?? {});
  return reply.input ? new InputError(reply.message, name) : new Error(reply.message);
}

/** An error as a worker posts it: FileErrors keep their key, InputErrors stay InputErrors. */
export function errorReply(err: unknown): Extract<WorkerReply<unknown>, { type: 'error' }> {
  if (err instanceof FileError)
    return { type: 'error', message: err.message, key: err.key, params: err.params, input: true };
  return {
    type: 'error',
    message: err instanceof Error ? err.message : String(err),
    input: err instanceof InputError,
  };
}

/**
 * Calls `report(done, total)` at most about `steps` times over a job of `total` units (and always
 * for the last unit), so a worker does not flood the page with messages.
 */
export function throttleProgress(report: ProgressCallback, steps = 100): ProgressCallback {
  let next = 0;
  return (done, total) => {
    if (done >= next || done >= total) {
      report(done, total);
      next = done + Math.max(1, Math.floor(total / steps));
    }
  };
}

/**
 * Runs a job in its worker, or here where workers are missing.
 * @throws what the job throws; FileError 'files.cancelled' when `signal` aborts.
 */
export function runOffThread<Req, Res>(
  job: OffThreadJob<Req, Res>,
  options: OffThreadOptions = {},
): Promise<Res> {
  const { signal, onProgress } = options;
  const progress: ProgressCallback = (done, total) => onProgress?.(total > 0 ? Math.min(1, done / total) : 0);
  if (signal?.aborted) return Promise.reject(cancelledError(job.name));
  const here = () => Promise.resolve().then(() => job.inThread(progress));
  if (typeof Worker === 'undefined') return here();
  let worker: Worker;
  try {
    worker = job.start();
  } catch {
    return here();
  }
  return new Promise<Res>((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (settled) return;
      finish();
      reject(cancelledError(job.name));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<WorkerReply<Res>>) => {
      if (settled) return;
      const reply = e.data;
      if (reply.type === 'progress') progress(reply.done, reply.total);
      else if (reply.type === 'done') {
        finish();
        resolve(reply.result);
      } else {
        finish();
        reject(replyError(reply, job.name));
      }
    };
    worker.onerror = (e) => {
      // A worker that cannot start (an unusual browser setting): do the work here instead.
      e.preventDefault();
      if (settled) return;
      finish();
      here().then(resolve, reject);
    };
    worker.postMessage(job.request, job.transfer ?? []);
  });
}

/** The worker's side: answers each request with progress messages and one result or error. */
export function serveRequests<Req, Res>(
  handle: (request: Req, progress: ProgressCallback) => Res | Promise<Res>,
  transferOf: (result: Res) => Transferable[] = () => [],
): void {
  const scope = self as unknown as {
    onmessage: ((e: MessageEvent<Req>) => void) | null;
    postMessage: (message: unknown, transfer?: Transferable[]) => void;
  };
  scope.onmessage = (e) => {
    const progress = throttleProgress((done, total) => scope.postMessage({ type: 'progress', done, total }));
    Promise.resolve()
      .then(() => handle(e.data, progress))
      .then(
        (result) => scope.postMessage({ type: 'done', result }, transferOf(result)),
        (err: unknown) => scope.postMessage(errorReply(err)),
      );
  };
}
