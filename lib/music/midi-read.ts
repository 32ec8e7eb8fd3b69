// Reading an uploaded .mid file off the main thread: @tonejs/midi parses it in a web worker
// (lib/music/midi.worker.ts), which posts back plain notes, with progress and Cancel. The caller
// runs lib/files scanMidi first, so a file over the note or length limit never reaches the parser.
import { type OffThreadOptions, type ProgressCallback, runOffThread } from '../files/off-thread';
import { type ImportedMidi, midiToClip } from './sequences';

/** What the page sends the MIDI worker. */
export interface MidiReadRequest {
  bytes: Uint8Array;
  name: string;
}

/** The worker's job, also run here where workers are missing: the file's notes, as plain data. */
export function readMidiJob(request: MidiReadRequest, progress?: ProgressCallback): ImportedMidi {
  return midiToClip(request.bytes, request.name, progress);
}

/**
 * {@link midiToClip} in a web worker, so a big file never freezes the page. The bytes are copied to
 * the worker (the caller keeps its own). Aborting `options.signal` stops the worker at once.
 * @throws InputError as midiToClip does; FileError 'files.cancelled' when aborted.
 */
export function midiToClipOffThread(
  bytes: Uint8Array,
  name: string,
  options: OffThreadOptions = {},
): Promise<ImportedMidi> {
  const request: MidiReadRequest = { bytes, name };
  return runOffThread(
    {
      name,
      start: () => new Worker(new URL('./midi.worker.ts', import.meta.url)),
      request,
      inThread: (progress) => readMidiJob(request, progress),
    },
    options,
  );
}
