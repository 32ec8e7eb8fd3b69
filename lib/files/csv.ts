// CSV tables: refused above MAX_CSV_BYTES from the size, and above MAX_CSV_ROWS by counting lines
// (a fast scan, no parsing) before papaparse reads a single row; then parsed in a web worker.
import { parseCsv } from '../data/csv';
import type { ParsedCsv } from '../data/types';
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from './constants';
import { FileError, checkFileSize, formatCount } from './errors';
import { type OffThreadOptions, type ProgressCallback, runOffThread } from './off-thread';

/** Which lab reads the table (named in the message). */
export type CsvReader = 'playground' | 'sequence' | 'autoencoder';

/** Lines of text, not counting blank lines at the end (a last line without a newline counts). */
export function countLines(text: string): number {
  const body = text.trimEnd();
  if (body === '') return 0;
  let n = 1;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Checks a table's text before parsing: at most MAX_CSV_ROWS rows under its header.
 * @throws FileError naming the file, its rows and the limit.
 */
export function checkCsvText(name: string, text: string, reader: CsvReader): void {
  const rows = Math.max(0, countLines(text) - 1);
  if (rows > MAX_CSV_ROWS)
    throw new FileError('files.csv.tooManyRows', {
      name,
      rows: formatCount(rows),
      max: formatCount(MAX_CSV_ROWS),
      where: `files.where.${reader}`,
    });
}

/**
 * Reads a CSV file the visitor chose: refused by size before reading, by rows before parsing.
 * @throws FileError naming the file and the limit.
 */
export async function readCsvFile(file: Blob, name: string, reader: CsvReader): Promise<string> {
  checkFileSize(name, file.size, MAX_CSV_BYTES, 'csv');
  const text = await file.text();
  checkCsvText(name, text, reader);
  return text;
}

/** What the page sends the CSV worker. */
export interface CsvRequest {
  text: string;
  name: string;
}

/** The worker's job (lib/files/csv.worker.ts), also run here where workers are missing. */
export function parseCsvJob(request: CsvRequest, progress?: ProgressCallback): ParsedCsv {
  return parseCsv(request.text, request.name, progress);
}

/**
 * Parses CSV text in a web worker (lib/files/csv.worker.ts), so the page never freezes, reporting
 * the rows read as a fraction; where workers are missing (Node tests) it parses here. Aborting
 * `options.signal` stops the worker at once.
 * @throws InputError as parseCsv does; FileError 'files.cancelled' when aborted.
 */
export function parseCsvOffThread(
  text: string,
  name: string,
  options: OffThreadOptions = {},
): Promise<ParsedCsv> {
  const request: CsvRequest = { text, name };
  return runOffThread(
    {
      name,
      start: () => new Worker(new URL('./csv.worker.ts', import.meta.url)),
      request,
      inThread: (progress) => parseCsvJob(request, progress),
    },
    options,
  );
}
