// CSV tables: refused above MAX_CSV_BYTES from the size, and above MAX_CSV_ROWS by counting lines
// (a fast scan, no parsing) before papaparse reads a single row; then parsed in a web worker, which
// sends the table back packed (one string per column) so the page rebuilds its rows in short chunks
// instead of blocking on the structured clone of 50,000 row objects.
import { parseCsv } from '../data/csv';
import type { ParsedCsv } from '../data/types';
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from './constants';
import { FileError, checkFileSize, formatCount } from './errors';
import { type OffThreadOptions, type ProgressCallback, cancelledError, runOffThread } from './off-thread';

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

/**
 * A parsed table as the worker posts it: each column's cells joined by {@link CELL_SEPARATOR} into one
 * string. 40 strings cross to the page in one fast copy, where 50,000 objects of 40 strings took
 * ~400 ms of the page's time to clone.
 */
export interface PackedCsv {
  columns: string[];
  numericColumns: string[];
  rowCount: number;
  /** One string per column, in `columns` order. */
  cells: string[];
}

/**
 * Joins the cells of a column. parseCsv refuses text holding control characters U+000E–U+001F, so
 * no cell contains it.
 */
export const CELL_SEPARATOR = '\u001F';

/** Packs a parsed table for the trip back from the worker (a missing cell packs as ''). */
export function packCsv(csv: ParsedCsv): PackedCsv {
  const cells = csv.columns.map((c) => {
    const values = new Array<string>(csv.rows.length);
    for (let i = 0; i < csv.rows.length; i++) values[i] = csv.rows[i][c] ?? '';
    return values.join(CELL_SEPARATOR);
  });
  return { columns: csv.columns, numericColumns: csv.numericColumns, rowCount: csv.rows.length, cells };
}

/** Cells rebuilt per chunk before the page gets a turn (~10–20 ms of work). */
const CELLS_PER_CHUNK = 100_000;

/**
 * Rebuilds the rows of a packed table, a chunk at a time, letting the page answer between chunks.
 * @throws FileError 'files.cancelled' when `signal` aborts between chunks.
 */
export async function unpackCsv(packed: PackedCsv, name: string, signal?: AbortSignal): Promise<ParsedCsv> {
  const { columns, rowCount } = packed;
  const split = packed.cells.map((c) => (rowCount === 0 ? [] : c.split(CELL_SEPARATOR)));
  const rows = new Array<Record<string, string>>(rowCount);
  const perChunk = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, columns.length)));
  for (let start = 0; start < rowCount; start += perChunk) {
    if (start > 0) {
      await new Promise((r) => setTimeout(r, 0));
      if (signal?.aborted) throw cancelledError(name);
    }
    const end = Math.min(rowCount, start + perChunk);
    for (let i = start; i < end; i++) {
      const row: Record<string, string> = {};
      for (let c = 0; c < columns.length; c++) row[columns[c]] = split[c][i];
      rows[i] = row;
    }
  }
  return { columns, rows, numericColumns: packed.numericColumns };
}

/** The worker's job (lib/files/csv.worker.ts), also run here where workers are missing. */
export function parseCsvJob(request: CsvRequest, progress?: ProgressCallback): PackedCsv {
  return packCsv(parseCsv(request.text, request.name, progress));
}

/**
 * Parses CSV text in a web worker (lib/files/csv.worker.ts), so the page never freezes, reporting
 * the rows read as a fraction; where workers are missing (Node tests) it parses here. Aborting
 * `options.signal` stops the worker at once.
 * @throws InputError as parseCsv does; FileError 'files.cancelled' when aborted.
 */
export async function parseCsvOffThread(
  text: string,
  name: string,
  options: OffThreadOptions = {},
): Promise<ParsedCsv> {
  const request: CsvRequest = { text, name };
  const packed = await runOffThread(
    {
      name,
      start: () => new Worker(new URL('./csv.worker.ts', import.meta.url)),
      request,
      inThread: (progress) => parseCsvJob(request, progress),
    },
    options,
  );
  return unpackCsv(packed, name, options.signal);
}
