// CSV parsing with papaparse, with clear errors for files a classroom might drop in.
import Papa from 'papaparse';
import { InputError } from '../errors';
import type { ParsedCsv } from './types';

function isNumeric(value: string): boolean {
  return value !== '' && Number.isFinite(Number(value));
}

/**
 * Parses CSV text with a header row. Values are trimmed strings; `numericColumns` lists the
 * columns where every non-empty value is a finite number (and at least one is present).
 * Throws InputError when the text is empty, is not a CSV table, has rows with a different
 * number of fields from the header, or has no numeric column.
 * @param text The file's text.
 * @param fileName Optional file name, used in error messages.
 * @param onProgress Optional: called with the data rows read so far and the rows the text has
 *   (its lines less the header), as rows are read.
 */
export function parseCsv(
  text: string,
  fileName?: string,
  onProgress?: (rows: number, total: number) => void,
): ParsedCsv {
  const where = fileName ? `"${fileName}"` : 'The CSV';
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError(`${where} is empty. Choose a file with a header row and some data rows.`, fileName);
  }
  // NUL and other control characters mean a binary file (an image, a spreadsheet) was chosen.
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text)) {
    throw new InputError(
      `${where} does not look like a CSV text file. Export it as CSV and try again.`,
      fileName,
    );
  }
  // Row by row (papaparse's step), so a caller can show progress; the same result as one parse.
  const total = onProgress ? countDataLines(text) : 0;
  const rows: Record<string, string>[] = [];
  const errors: Papa.ParseError[] = [];
  let fields: string[] | undefined;
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h, i) => (h.trim() === '' ? `column_${i + 1}` : h.trim()),
    transform: (v) => v.trim(),
    step: (r) => {
      rows.push(r.data);
      errors.push(...r.errors);
      fields ??= r.meta.fields;
      onProgress?.(rows.length, Math.max(total, rows.length));
    },
  });
  const serious = errors.filter((e) => e.code !== 'UndetectableDelimiter');
  const mismatch = serious.find((e) => e.type === 'FieldMismatch');
  if (mismatch) {
    const line = (mismatch.row ?? 0) + 2; // +1 for the header, +1 to count from 1
    throw new InputError(
      `${where} has rows of different lengths: line ${line} does not have the same number of values as the header (${mismatch.message}).`,
      fileName,
    );
  }
  if (serious.length > 0) {
    throw new InputError(`${where} could not be read as CSV: ${serious[0].message}.`, fileName);
  }
  const columns = fields ?? headerFields(text);
  if (columns.length === 0 || rows.length === 0) {
    throw new InputError(`${where} has a header but no data rows.`, fileName);
  }
  const numericColumns = columns.filter((c) => {
    let seen = 0;
    for (const row of rows) {
      const v = row[c] ?? '';
      if (v === '') continue;
      if (!isNumeric(v)) return false;
      seen++;
    }
    return seen > 0;
  });
  if (numericColumns.length === 0) {
    throw new InputError(
      `${where} has no numeric column. At least one column must hold only numbers (columns: ${columns.join(', ')}).`,
      fileName,
    );
  }
  return { columns, rows, numericColumns };
}

/** Lines after the first (the header), not counting blank lines at the end: a fast estimate of rows. */
function countDataLines(text: string): number {
  const body = text.trimEnd();
  let n = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

/** The header's names when no data row follows it (step mode reports fields with rows only). */
function headerFields(text: string): string[] {
  const head = Papa.parse<string[]>(text, { preview: 1, skipEmptyLines: 'greedy' }).data[0] ?? [];
  return head.map((h, i) => (h.trim() === '' ? `column_${i + 1}` : h.trim()));
}

/**
 * Reads one numeric column as numbers. Empty cells become NaN so the caller can decide
 * whether to drop or fill them. Throws InputError for an unknown or non-numeric column.
 */
export function getNumericColumn(csv: ParsedCsv, column: string): number[] {
  if (!csv.columns.includes(column)) {
    throw new InputError(`There is no column "${column}". Columns: ${csv.columns.join(', ')}.`);
  }
  if (!csv.numericColumns.includes(column)) {
    throw new InputError(`Column "${column}" holds text, not numbers.`);
  }
  return csv.rows.map((r) => (r[column] === '' ? NaN : Number(r[column])));
}
