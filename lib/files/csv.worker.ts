// Web worker: parses a CSV table off the main thread (papaparse on up to MAX_CSV_ROWS rows), so
// the page keeps answering while a large table is read.
import { parseCsv } from '../data/csv';

/** What the page sends. */
export interface CsvRequest {
  text: string;
  name: string;
}

self.onmessage = (e: MessageEvent<CsvRequest>) => {
  try {
    self.postMessage({ ok: true, parsed: parseCsv(e.data.text, e.data.name) });
  } catch (err) {
    self.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
