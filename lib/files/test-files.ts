// Damaged and hostile files made on the fly, for the unit tests and the bad-input e2e matrix:
// nothing here is read by the app itself.
import { strToU8, zipSync, zlibSync } from 'fflate';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(strToU8(type), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A valid black-and-white PNG of any size (1 bit per pixel, all black: it compresses to little). */
export function makePng(width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const raw = new Uint8Array(height * (1 + Math.ceil(width / 8)));
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlibSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A WAV header for `seconds` of 16-bit PCM; with `withData` the silent samples follow. */
export function makeWav(seconds: number, sampleRate = 48000, channels = 2, withData = true): Uint8Array {
  const dataBytes = Math.round(seconds * sampleRate) * channels * 2;
  const out = new Uint8Array(44 + (withData ? dataBytes : 0));
  const v = new DataView(out.buffer);
  out.set(strToU8('RIFF'), 0);
  v.setUint32(4, 36 + dataBytes, true);
  out.set(strToU8('WAVEfmt '), 8);
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channels * 2, true);
  v.setUint16(32, channels * 2, true);
  v.setUint16(34, 16, true);
  out.set(strToU8('data'), 36);
  v.setUint32(40, dataBytes, true);
  return out;
}

function varLen(n: number): number[] {
  const bytes = [n & 0x7f];
  for (n = Math.floor(n / 128); n > 0; n = Math.floor(n / 128)) bytes.unshift((n & 0x7f) | 0x80);
  return bytes;
}

/**
 * A one-track MIDI file of `notes` notes `step` ticks long (a sixteenth by default; 0 stacks them
 * all at the start), with running status, and optionally one more note `lateTick` ticks later.
 */
export function makeMidi(notes: number, lateTick?: number, ppq = 480, step = ppq / 4): Uint8Array {
  const ev: number[] = [0, 0x90];
  for (let i = 0; i < notes; i++) {
    ev.push(60 + (i % 12), 100, ...varLen(step), 60 + (i % 12), 0, 0);
  }
  ev.pop(); // the last note's trailing delta is replaced by the next event's
  if (lateTick !== undefined) ev.push(...varLen(lateTick), 64, 100, ...varLen(step), 64, 0);
  ev.push(0, 0xff, 0x2f, 0x00);
  const track = new Uint8Array(ev);
  const head = new Uint8Array([0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, ppq >> 8, ppq & 0xff]);
  const trackHead = new Uint8Array(8);
  trackHead.set(strToU8('MTrk'));
  new DataView(trackHead.buffer).setUint32(4, track.length);
  return concat([head, trackHead, track]);
}

/** A numeric CSV with a header and `rows` rows of three columns. */
export function makeCsv(rows: number): string {
  const lines = ['x,y,label'];
  for (let i = 0; i < rows; i++) lines.push(`${i % 97},${(i * 7) % 89},${i % 2}`);
  return lines.join('\n');
}

/**
 * A small zip whose one entry claims to expand to `claimed` bytes (a zip bomb as its directory
 * describes it: refused before a byte is inflated).
 */
export function makeZipBomb(claimed = 1_200_000_000): Uint8Array {
  const zip = zipSync({ 'bomb.bin': new Uint8Array(1_000_000) }, { level: 9 });
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let o = 0; o + 4 <= zip.length; o++) {
    const sig = v.getUint32(o, true);
    if (sig === 0x04034b50) v.setUint32(o + 22, claimed, true);
    if (sig === 0x02014b50) v.setUint32(o + 24, claimed, true);
  }
  return zip;
}

/** A zip of `project.json` (the given value) and other entries. */
export function makeProjectZip(json: unknown, entries: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ 'project.json': strToU8(JSON.stringify(json)), ...entries });
}
