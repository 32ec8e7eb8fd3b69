// Web worker: parses a CSV table off the main thread (papaparse on up to MAX_CSV_ROWS rows),
// posting the rows read as it goes, so the page keeps answering and shows progress.
import { type CsvRequest, parseCsvJob } from './csv';
import { serveRequests } from './off-thread';

serveRequests<CsvRequest, ReturnType<typeof parseCsvJob>>(parseCsvJob);
