import { afterEach, describe, expect, it } from 'vitest';

import { parseCsv } from '../data/csv';
import { InputError } from '../errors';
import { CELL_SEPARATOR, type PackedCsv, packCsv, parseCsvJob, parseCsvOffThread, unpackCsv } from './csv';
import { FileError } from './errors';
import {
  type WorkerReply,
  errorReply,
  isCancelled,
  replyError,
  runOffThread,
  serveRequests,
  throttleProgress,
} from './off-thread';
import { makeCsv } from './test-files';

/** A stand-in worker: the test posts its replies; it records what the page sent and terminate(). */
class ScriptedWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: WorkerReply<unknown>) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const g = globalThis as { Worker?: unknown; self?: unknown };
afterEach(() => {
  delete g.Worker;
  delete g.self;
});

/**
 * A worker whose other side is serveRequests in this thread: messages both ways go through
 * structuredClone, as postMessage does, so the whole protocol runs as in a browser.
 */
class LoopbackWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  private scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (m: unknown) => void };
  constructor(handle: Parameters<typeof serveRequests>[0]) {
    this.scope = {
      onmessage: null,
      postMessage: (m) => this.onmessage?.({ data: structuredClone(m) } as MessageEvent),
    };
    g.self = this.scope;
    serveRequests(handle);
  }
  postMessage(message: unknown) {
    this.scope.onmessage?.({ data: structuredClone(message) });
  }
  terminate() {}
}

/** Runs a job against a ScriptedWorker (Worker defined only for the test). */
function scripted<T>(options: Parameters<typeof runOffThread>[1] = {}) {
  g.Worker = ScriptedWorker;
  const worker = new ScriptedWorker();
  let ranHere = false;
  const promise = runOffThread<{ n: number }, T>(
    {
      name: 'big.csv',
      start: () => worker as unknown as Worker,
      request: { n: 1 },
      inThread: () => {
        ranHere = true;
        return 'here' as T;
      },
    },
    options,
  );
  return { worker, promise, ranHere: () => ranHere };
}

describe('parseCsvJob (the CSV worker)', () => {
  it('reports rows read up to the last, and returns what one parse returns, packed', async () => {
    const text = makeCsv(2500);
    const seen: [number, number][] = [];
    const packed = parseCsvJob({ text, name: 'rows.csv' }, (done, total) => seen.push([done, total]));
    expect(packed.rowCount).toBe(2500);
    expect(packed.cells).toHaveLength(packed.columns.length);
    const parsed = await unpackCsv(packed, 'rows.csv');
    expect(parsed).toEqual(parseCsv(text, 'rows.csv'));
    expect(parsed.rows).toHaveLength(2500);
    expect(seen).toHaveLength(2500);
    expect(seen[0]).toEqual([1, 2500]);
    expect(seen[seen.length - 1]).toEqual([2500, 2500]);
  });

  it('packs and unpacks empty cells, quoted commas, one column and many chunks unchanged', async () => {
    const text = 'name,x,note\n"a, b",1,\n,2,"say ""hi"""\n' + 'c,3,d\n'.repeat(60_000);
    const parsed = parseCsv(text, 't.csv');
    const back = await unpackCsv(packCsv(parsed), 't.csv');
    expect(back).toEqual(parsed);
    expect(back.rows[0]).toEqual({ name: 'a, b', x: '1', note: '' });
    expect(back.rows[1]).toEqual({ name: '', x: '2', note: 'say "hi"' });
    const one = parseCsv('x\n1\n\n2\n', 'one.csv');
    expect(await unpackCsv(packCsv(one), 'one.csv')).toEqual(one);
    // The separator cannot be inside a cell: parseCsv refuses control characters.
    expect(() => parseCsv(`a,b\n1,x${CELL_SEPARATOR}y\n`, 's.csv')).toThrow(InputError);
  });

  it('stops rebuilding rows when cancelled between chunks', async () => {
    const packed = packCsv(parseCsv(makeCsv(50_000), 'big.csv'));
    const c = new AbortController();
    const pending = unpackCsv(packed, 'big.csv', c.signal);
    c.abort();
    const err = await pending.catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
  });

  it('still names the ragged line when read row by row', () => {
    expect(() => parseCsvJob({ text: 'a,b\n1,2\n3\n4,5', name: 'r.csv' }, () => undefined)).toThrow(
      /"r.csv" has rows of different lengths: line 3/,
    );
  });

  it('reads a header without rows as "no data rows"', () => {
    expect(() => parseCsvJob({ text: 'a,b\n', name: 'h.csv' })).toThrow(
      /"h.csv" has a header but no data rows/,
    );
  });
});

describe('throttleProgress', () => {
  it('reports about `steps` times and always the end', () => {
    const seen: number[] = [];
    const report = throttleProgress((done) => seen.push(done), 10);
    for (let i = 1; i <= 1000; i++) report(i, 1000);
    expect(seen.length).toBeLessThanOrEqual(11);
    expect(seen[0]).toBe(1);
    expect(seen[seen.length - 1]).toBe(1000);
  });
});

describe('runOffThread', () => {
  it('runs in this thread where workers are missing, with progress as fractions', async () => {
    const fractions: number[] = [];
    const parsed = await parseCsvOffThread(makeCsv(400), 'small.csv', {
      onProgress: (f) => fractions.push(f),
    });
    expect(parsed.rows).toHaveLength(400);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('refuses at once when already cancelled', async () => {
    const c = new AbortController();
    c.abort();
    const err = await parseCsvOffThread(makeCsv(3), 'late.csv', { signal: c.signal }).catch(
      (e: unknown) => e,
    );
    expect(isCancelled(err)).toBe(true);
    expect((err as FileError).message).toBe('Reading "late.csv" was cancelled.');
  });

  it('forwards the worker progress and resolves with its result', async () => {
    const fractions: number[] = [];
    const { worker, promise } = scripted<string>({ onProgress: (f) => fractions.push(f) });
    expect(worker.sent).toEqual([{ n: 1 }]);
    worker.reply({ type: 'progress', done: 1, total: 4 });
    worker.reply({ type: 'progress', done: 3, total: 4 });
    worker.reply({ type: 'done', result: 'parsed' });
    await expect(promise).resolves.toBe('parsed');
    expect(fractions).toEqual([0.25, 0.75]);
    expect(worker.terminated).toBe(true);
  });

  it('Cancel stops the worker at once and ignores what it posts later', async () => {
    const c = new AbortController();
    const fractions: number[] = [];
    const { worker, promise } = scripted<string>({ signal: c.signal, onProgress: (f) => fractions.push(f) });
    worker.reply({ type: 'progress', done: 1, total: 2 });
    c.abort();
    expect(worker.terminated).toBe(true);
    worker.reply({ type: 'progress', done: 2, total: 2 });
    worker.reply({ type: 'done', result: 'too late' });
    const err = await promise.catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
    expect(fractions).toEqual([0.5]);
  });

  it('turns a worker error back into the FileError or InputError the file raised', async () => {
    const tooMany = new FileError('files.midi.tooManyNotes', { name: 'm.mid', count: '9+', max: '8' });
    const a = scripted<string>();
    a.worker.reply(errorReply(tooMany));
    const err = await a.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).key).toBe('files.midi.tooManyNotes');
    expect((err as FileError).message).toBe(tooMany.message);

    const b = scripted<string>();
    b.worker.reply(errorReply(new InputError('"x.csv" is empty.', 'x.csv')));
    const input = await b.promise.catch((e: unknown) => e);
    expect(input).toBeInstanceOf(InputError);
    expect((input as Error).message).toBe('"x.csv" is empty.');
    expect(replyError(errorReply(new Error('boom')), 'x')).not.toBeInstanceOf(InputError);
  });

  it('runs the CSV job through serveRequests and back: the result, throttled progress, errors', async () => {
    g.Worker = LoopbackWorker;
    const text = makeCsv(5000);
    const fractions: number[] = [];
    const packed = await runOffThread(
      {
        name: 'loop.csv',
        start: () => new LoopbackWorker(parseCsvJob as never) as unknown as Worker,
        request: { text, name: 'loop.csv' },
        inThread: () => {
          throw new Error('should run in the worker');
        },
      },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(await unpackCsv(packed as PackedCsv, 'loop.csv')).toEqual(parseCsv(text, 'loop.csv'));
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.length).toBeLessThanOrEqual(101);
    expect(fractions[fractions.length - 1]).toBe(1);

    const err = await runOffThread(
      {
        name: 'empty.csv',
        start: () => new LoopbackWorker(parseCsvJob as never) as unknown as Worker,
        request: { text: '', name: 'empty.csv' },
        inThread: () => null,
      },
      {},
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/"empty.csv" is empty/);
  });

  it('does the work here when the worker cannot start', async () => {
    const s = scripted<string>();
    s.worker.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
    await expect(s.promise).resolves.toBe('here');
    expect(s.ranHere()).toBe(true);
  });
});
