import { describe, expect, it } from 'vitest';

import { isCancelled } from '../files/off-thread';
import { makeMidi } from '../files/test-files';
import { midiToClipOffThread, readMidiJob } from './midi-read';
import { midiToClip } from './sequences';

describe('readMidiJob (the MIDI worker)', () => {
  it('returns the notes midiToClip reads, as plain data, with progress to the last track', () => {
    const bytes = makeMidi(64);
    const seen: [number, number][] = [];
    const read = readMidiJob({ bytes, name: 'tune.mid' }, (done, total) => seen.push([done, total]));
    expect(read).toEqual(midiToClip(bytes, 'tune.mid'));
    expect(read.notes).toHaveLength(64);
    // Plain data: it survives structured cloning (what postMessage does) unchanged.
    expect(structuredClone(read)).toEqual(read);
    const total = seen[0]![1];
    expect(seen.map(([d]) => d)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('names the file when it is not MIDI', () => {
    expect(() => readMidiJob({ bytes: new TextEncoder().encode('hello, not midi'), name: 'x.mid' })).toThrow(
      /x\.mid is not a MIDI file/,
    );
  });
});

describe('midiToClipOffThread', () => {
  it('reads here where workers are missing, reporting progress up to 1', async () => {
    const fractions: number[] = [];
    const read = await midiToClipOffThread(makeMidi(10), 'ten.mid', { onProgress: (f) => fractions.push(f) });
    expect(read.notes).toHaveLength(10);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('is cancelled before it starts when the signal has aborted', async () => {
    const c = new AbortController();
    c.abort();
    const err = await midiToClipOffThread(makeMidi(10), 'ten.mid', { signal: c.signal }).catch(
      (e: unknown) => e,
    );
    expect(isCancelled(err)).toBe(true);
  });
});
