// Test-only helpers for running @magenta/music's Node bundles against checkpoints in public/.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { MusicRNN } from '@magenta/music/node/music_rnn';
import type { MusicVAE } from '@magenta/music/node/music_vae';

/** Absolute path of the repository's public/ folder. */
export const PUBLIC_DIR = path.resolve(__dirname, '..', '..', 'public');

/** A loopback static server over a folder, closed with `close()`. */
export interface StaticServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 at a free port. Magenta captures `fetch` when its module loads, so
 * checkpoints must come from a real URL; keep-alive is long so undici never reuses a closed socket.
 */
export async function serveDirectory(root: string = PUBLIC_DIR): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const nodeRequire = createRequire(__filename);

/** Magenta's MusicRNN from its Node bundle (the browser entry needs Tone and a DOM). */
export function loadMusicRnnModule(): { MusicRNN: typeof MusicRNN } {
  return nodeRequire('@magenta/music/node/music_rnn');
}

/** Magenta's MusicVAE from its Node bundle. */
export function loadMusicVaeModule(): { MusicVAE: typeof MusicVAE } {
  return nodeRequire('@magenta/music/node/music_vae');
}

/** A quantized NoteSequence as a plain object (Magenta accepts INoteSequence-shaped objects). */
export interface QuantizedNotes {
  notes: { pitch: number; quantizedStartStep: number; quantizedEndStep: number; isDrum?: boolean }[];
  totalQuantizedSteps: number;
  stepsPerQuarter: number;
}

/** Builds the INoteSequence Magenta's converters expect from a reference file's notes. */
export function toNoteSequence(q: QuantizedNotes) {
  return {
    notes: q.notes.map((n) => ({ ...n })),
    totalQuantizedSteps: q.totalQuantizedSteps,
    quantizationInfo: { stepsPerQuarter: q.stepsPerQuarter },
  };
}

/** Largest absolute difference between two equally long number arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
