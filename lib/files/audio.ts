// Sound files: refused above MAX_AUDIO_BYTES from the size alone, and (for WAV) above
// MAX_AUDIO_SECONDS from the header, before the browser decodes a single sample.
import { MAX_AUDIO_BYTES, MAX_AUDIO_SECONDS } from './constants';
import { FileError, checkFileSize } from './errors';

/** Bytes of a file's start read to find a WAV's format and data size. */
export const AUDIO_HEADER_BYTES = 64 * 1024;

/**
 * Seconds of sound a WAV file holds, from its header (`fmt ` byte rate and the `data` size, or
 * the bytes the file really has when the header claims more), or null when it is not a WAV.
 */
export function wavDurationSeconds(head: Uint8Array, fileSize: number): number | null {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const tag = (o: number) => String.fromCharCode(...head.subarray(o, o + 4));
  if (head.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let byteRate = 0;
  let o = 12;
  while (o + 8 <= head.length) {
    const id = tag(o);
    const size = v.getUint32(o + 4, true);
    if (id === 'fmt ' && o + 20 <= head.length) byteRate = v.getUint32(o + 16, true);
    if (id === 'data') {
      if (!byteRate) return null;
      const bytes = Math.min(size, Math.max(0, fileSize - (o + 8)));
      return bytes / byteRate;
    }
    o += 8 + size + (size % 2);
  }
  return null;
}

/**
 * Checks a sound file before decoding: its size, and its length when the header tells it.
 * @throws FileError naming the file and the limit.
 */
export function checkAudioFile(name: string, size: number, head: Uint8Array): void {
  checkFileSize(name, size, MAX_AUDIO_BYTES, 'audio');
  const seconds = wavDurationSeconds(head, size);
  if (seconds !== null && seconds > MAX_AUDIO_SECONDS)
    throw new FileError('files.audio.tooLong', {
      name,
      minutes: (seconds / 60).toFixed(1),
      max: MAX_AUDIO_SECONDS / 60,
    });
}

/** Reads the start of a sound file and checks it ({@link checkAudioFile}); browser and Node. */
export async function checkAudioBlob(file: Blob, name: string): Promise<void> {
  checkFileSize(name, file.size, MAX_AUDIO_BYTES, 'audio');
  const head = new Uint8Array(await file.slice(0, AUDIO_HEADER_BYTES).arrayBuffer());
  checkAudioFile(name, file.size, head);
}
