// Time series for the Sequence lab: the built-in real series and a user's CSV (date and value columns).
import { getNumericColumn, type ParsedCsv } from '../data';
import { InputError } from '../errors';

/** A built-in series: which file under /data/vega/ and which columns. */
export interface BuiltinSeries {
  id: 'co2' | 'seattle' | 'sp500' | 'aapl';
  file: string;
  date: string;
  value: string;
  /** Keep only rows where this column equals this value (e.g. one stock symbol). */
  where?: { column: string; equals: string };
}

/** Real series shipped in public/data/vega/ (see its LICENSE.md). */
export const BUILTIN_SERIES: readonly BuiltinSeries[] = Object.freeze([
  { id: 'co2', file: 'co2-concentration.csv', date: 'Date', value: 'CO2' },
  { id: 'seattle', file: 'seattle-weather.csv', date: 'date', value: 'temp_max' },
  { id: 'sp500', file: 'sp500.csv', date: 'date', value: 'price' },
  {
    id: 'aapl',
    file: 'stocks.csv',
    date: 'date',
    value: 'price',
    where: { column: 'symbol', equals: 'AAPL' },
  },
]);

/** The fewest values a series needs for the lab's windows and three-way split. */
export const MIN_SERIES_LENGTH = 40;

/**
 * Reads a date column and a numeric value column, in file order (the file's order is time's order).
 * Rows with an empty value are dropped and counted. Throws InputError for unknown or text columns and
 * series shorter than MIN_SERIES_LENGTH.
 */
export function seriesFromCsv(
  csv: ParsedCsv,
  dateColumn: string,
  valueColumn: string,
  where?: { column: string; equals: string },
): { dates: string[]; values: number[]; dropped: number } {
  if (!csv.columns.includes(dateColumn))
    throw new InputError(`There is no column "${dateColumn}". Columns: ${csv.columns.join(', ')}.`);
  const all = getNumericColumn(csv, valueColumn);
  const dates: string[] = [];
  const values: number[] = [];
  let dropped = 0;
  csv.rows.forEach((row, i) => {
    if (where && row[where.column] !== where.equals) return;
    if (!Number.isFinite(all[i])) {
      dropped++;
      return;
    }
    dates.push(row[dateColumn]);
    values.push(all[i]);
  });
  if (values.length < MIN_SERIES_LENGTH) {
    throw new InputError(
      `Column "${valueColumn}" has ${values.length} usable values; forecasting needs at least ${MIN_SERIES_LENGTH}.`,
    );
  }
  return { dates, values, dropped };
}
