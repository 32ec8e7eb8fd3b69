// Zips: counted and sized from the central directory (fflate's filter sees each entry before it is
// inflated), so a zip bomb or a zip of thousands of files is refused before anything expands.
import { unzipSync } from 'fflate';

import { MAX_ARCHIVE_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_UNCOMPRESSED_BYTES } from './constants';
import { FileError, checkFileSize, formatBytes, formatCount } from './errors';

/** True when the bytes start like a zip (a local file header or an empty zip's end record). */
export function looksLikeZip(data: Uint8Array): boolean {
  return (
    data.length >= 4 &&
    data[0] === 0x50 &&
    data[1] === 0x4b &&
    ((data[2] === 0x03 && data[3] === 0x04) || (data[2] === 0x05 && data[3] === 0x06))
  );
}

/** True for a path that could point outside its folder ("../x", "/x", "C:\x"). */
export function isUnsafePath(path: string): boolean {
  return (
    path.startsWith('/') ||
    path.includes('\\') ||
    /^[a-zA-Z]:/.test(path) ||
    path.split('/').some((part) => part === '..') ||
    path.includes('\0')
  );
}

/** Options for {@link safeUnzip}. */
export interface SafeUnzipOptions {
  /** Only these entries are inflated (the others are still counted). */
  only?: (path: string) => boolean;
  maxEntries?: number;
  maxBytes?: number;
}

/**
 * Unzips `data` after checking it: at most MAX_ZIP_ENTRIES entries and MAX_ZIP_UNCOMPRESSED_BYTES
 * in all (as the zip's directory declares them; an entry that claims less than it holds is cut
 * at its claimed size, so memory stays bounded), and no entry named outside the zip's folder.
 * @throws FileError naming the file and the limit.
 */
export function safeUnzip(
  name: string,
  data: Uint8Array,
  opts: SafeUnzipOptions = {},
): Record<string, Uint8Array> {
  const maxEntries = opts.maxEntries ?? MAX_ZIP_ENTRIES;
  const maxBytes = opts.maxBytes ?? MAX_ZIP_UNCOMPRESSED_BYTES;
  checkFileSize(name, data.byteLength, MAX_ARCHIVE_BYTES, 'archive');
  if (!looksLikeZip(data)) throw new FileError('files.zip.notZip', { name });
  let entries = 0;
  let total = 0;
  try {
    return unzipSync(data, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        if (entries > maxEntries)
          throw new FileError('files.zip.tooManyEntries', {
            name,
            count: `${formatCount(maxEntries)}+`,
            max: formatCount(maxEntries),
          });
        if (total > maxBytes)
          throw new FileError('files.zip.tooBig', {
            name,
            size: `${formatBytes(total)}+`,
            max: formatBytes(maxBytes),
          });
        if (isUnsafePath(f.name)) throw new FileError('files.path.unsafe', { name, path: f.name });
        return opts.only ? opts.only(f.name) : true;
      },
    });
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError('files.zip.damaged', { name });
  }
}
