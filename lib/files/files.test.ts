import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { translate } from '../i18n/translate';
import { DEFAULT_AUGMENT, emptyProject } from '../transfer/project';
import { checkAudioFile, wavDurationSeconds } from './audio';
import { MAX_AUDIO_BYTES, MAX_CSV_ROWS, MAX_FILE_CLASSES, MAX_MIDI_BYTES, MAX_MIDI_NOTES } from './constants';
import { checkCsvText, countLines, parseCsvOffThread } from './csv';
import { FileError, describeFileError } from './errors';
import { planImageDecode, readImageSize } from './image';
import { scanMidi } from './midi';
import {
  PROJECT_FORMAT,
  ProjectJsonSchema,
  StoredClipSchema,
  keepValid,
  checkClassCount,
  checkTmMetadata,
  parseJsonWith,
} from './schemas';
import { repairProject } from './repair';
import { makeCsv, makeMidi, makePng, makeWav, makeZipBomb } from './test-files';
import { isUnsafePath, safeUnzip } from './zip';

/** Runs `fn` and returns the FileError it throws (failing the test when it throws none). */
function fileError(fn: () => unknown): FileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FileError) return e;
    throw e;
  }
  throw new Error('expected a FileError');
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('image sizes from the header', () => {
  it('reads PNG, GIF, BMP, JPEG and WebP sizes without decoding', () => {
    expect(readImageSize(makePng(12000, 9000))).toEqual({ width: 12000, height: 9000 });
    const gif = new Uint8Array(13);
    gif.set(enc('GIF89a'));
    new DataView(gif.buffer).setUint16(6, 640, true);
    new DataView(gif.buffer).setUint16(8, 480, true);
    expect(readImageSize(gif)).toEqual({ width: 640, height: 480 });
    const bmp = new Uint8Array(30);
    bmp.set(enc('BM'));
    new DataView(bmp.buffer).setInt32(18, 300, true);
    new DataView(bmp.buffer).setInt32(22, -200, true);
    expect(readImageSize(bmp)).toEqual({ width: 300, height: 200 });
    // JPEG: SOI, an APP0 segment, then SOF0 with height 1080 and width 1920.
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x04, 0x38, 0x07, 0x80, 3, 0, 0, 0,
    ]);
    expect(readImageSize(jpeg)).toEqual({ width: 1920, height: 1080 });
    const webp = new Uint8Array(30);
    webp.set(enc('RIFF'));
    webp.set(enc('WEBPVP8X'), 8);
    webp.set([0xff, 0x0f, 0], 24); // width − 1 = 4095
    webp.set([0xff, 0x07, 0], 27); // height − 1 = 2047
    expect(readImageSize(webp)).toEqual({ width: 4096, height: 2048 });
    expect(readImageSize(enc('just some text'))).toBeNull();
  });

  it('refuses a 12000 × 12000 picture, scales a large one and keeps a small one', () => {
    const e = fileError(() => planImageDecode('huge.png', { width: 12000, height: 12000 }));
    expect(e.key).toBe('files.image.tooManyPixels');
    expect(e.message).toContain('"huge.png"');
    expect(e.message).toContain('144 megapixels');
    expect(e.message).toContain('up to 50 megapixels');
    expect(planImageDecode('big.jpg', { width: 4000, height: 3000 })).toEqual({ width: 1024, height: 768 });
    expect(planImageDecode('small.jpg', { width: 640, height: 480 })).toBeNull();
  });
});

describe('sound files', () => {
  it('reads a WAV length from its header, even when the file is cut short', () => {
    const head = makeWav(1020, 48000, 2, false);
    expect(wavDurationSeconds(head, 200_000_000)).toBeCloseTo(1020, 0);
    // The same header on a 1 MB file: only what is really there counts.
    expect(wavDurationSeconds(head, 1_000_044)).toBeCloseTo(1_000_000 / 192_000, 3);
    expect(wavDurationSeconds(enc('not a wav at all'), 16)).toBeNull();
  });

  it('refuses files over the size and length limits, before decoding', () => {
    const big = fileError(() => checkAudioFile('long.wav', MAX_AUDIO_BYTES + 1, makeWav(1, 48000, 2, false)));
    expect(big.key).toBe('files.tooLarge');
    expect(big.message).toContain('up to 50.0 MB');
    const wav = makeWav(360, 8000, 1, false);
    const long = fileError(() => checkAudioFile('six-minutes.wav', 44 + 360 * 8000 * 2, wav));
    expect(long.key).toBe('files.audio.tooLong');
    expect(long.message).toContain('6.0 minutes');
    expect(long.message).toContain('up to 5 minutes');
    expect(() => checkAudioFile('ok.wav', 44 + 32000, makeWav(1, 16000, 1))).not.toThrow();
    expect(fileError(() => checkAudioFile('empty.wav', 0, new Uint8Array(0))).key).toBe('files.empty');
  });
});

describe('MIDI files', () => {
  it('counts notes and length of a normal file', () => {
    const scan = scanMidi(makeMidi(64), 'tune.mid');
    expect(scan.notes).toBe(64);
    expect(scan.quarters).toBeCloseTo(16, 5);
  });

  it('refuses too many notes, a note at tick 2^27 and files over the size limit', () => {
    const many = fileError(() => scanMidi(makeMidi(MAX_MIDI_NOTES + 5, undefined, 480, 0), 'many.mid'));
    expect(many.key).toBe('files.midi.tooManyNotes');
    expect(many.message).toContain('up to 20,000');
    const late = fileError(() => scanMidi(makeMidi(4, 2 ** 27), 'late.mid'));
    expect(late.key).toBe('files.midi.tooLong');
    expect(late.message).toContain('up to 1,024 bars');
    const big = fileError(() => scanMidi(new Uint8Array(MAX_MIDI_BYTES + 1), 'big.mid'));
    expect(big.key).toBe('files.tooLarge');
  });

  it('names text and cut-short files', () => {
    expect(fileError(() => scanMidi(enc('hello, this is text'), 'fake.mid')).key).toBe('files.midi.notMidi');
    const cut = makeMidi(10).slice(0, 30);
    // The track says it is longer than the file: the scan stops at the end, naming the cut.
    expect(fileError(() => scanMidi(cut, 'cut.mid')).message).toContain('cut short');
    const broken = makeMidi(2);
    broken[23] = 0x05; // first event's status byte becomes data without a status
    expect(fileError(() => scanMidi(broken, 'broken.mid')).key).toBe('files.midi.damaged');
  });
});

describe('CSV tables', () => {
  it('counts lines without parsing', () => {
    expect(countLines('a,b\n1,2\n3,4\n\n\n')).toBe(3);
    expect(countLines('a,b\r\n1,2')).toBe(2);
    expect(countLines('')).toBe(0);
  });

  it('refuses 1,000,000 rows naming the lab and the limit', () => {
    const e = fileError(() => checkCsvText('million.csv', makeCsv(1_000_000), 'playground'));
    expect(e.key).toBe('files.csv.tooManyRows');
    expect(e.message).toBe(
      `"million.csv" has 1,000,000 rows; the Playground takes up to ${MAX_CSV_ROWS.toLocaleString('en-US')}. Keep fewer rows in a spreadsheet and save it again.`,
    );
    const ko = describeFileError(e, (k, p) => translate('ko', k, p));
    expect(ko).toContain('1,000,000줄');
    expect(ko).toContain('놀이터');
    expect(() => checkCsvText('ok.csv', makeCsv(MAX_CSV_ROWS), 'sequence')).not.toThrow();
  });

  it('parses off the main thread where workers exist, and here without them, with the same errors', async () => {
    const parsed = await parseCsvOffThread(makeCsv(3), 'small.csv');
    expect(parsed.columns).toEqual(['x', 'y', 'label']);
    expect(parsed.rows).toHaveLength(3);
    await expect(parseCsvOffThread('', 'empty.csv')).rejects.toThrow(/"empty.csv" is empty/);
  });
});

describe('zips', () => {
  it('refuses a zip bomb by its declared size before inflating', () => {
    const e = fileError(() => safeUnzip('bomb.zip', makeZipBomb()));
    expect(e.key).toBe('files.zip.tooBig');
    expect(e.message).toContain('"bomb.zip"');
  });

  it('refuses too many entries, unsafe names, text and damaged zips', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.txt`, enc('x')])));
    expect(fileError(() => safeUnzip('many.zip', many, { maxEntries: 10 })).key).toBe(
      'files.zip.tooManyEntries',
    );
    expect(Object.keys(safeUnzip('many.zip', many))).toHaveLength(12);
    const evil = zipSync({ '../../x': enc('x') });
    expect(fileError(() => safeUnzip('evil.zip', evil)).key).toBe('files.path.unsafe');
    expect(fileError(() => safeUnzip('text.zip', enc('plain text'))).key).toBe('files.zip.notZip');
    const cut = zipSync({ 'a.txt': enc('hello') }).slice(0, 20);
    expect(fileError(() => safeUnzip('cut.zip', cut)).key).toBe('files.zip.damaged');
    expect(isUnsafePath('samples/a.jpg')).toBe(false);
    expect(isUnsafePath('/etc/passwd')).toBe(true);
  });
});

describe('JSON schemas', () => {
  const v2 = {
    format: PROJECT_FORMAT,
    version: 2,
    extractor: 'mobilenet',
    featureSize: 0,
    classes: [
      { id: 'a', name: 'Cat', samples: [{ id: 's', kind: 'picture', type: 'image/jpeg', file: null }] },
    ],
  };
  const parse = (json: unknown) =>
    parseJsonWith(ProjectJsonSchema, 'p.zip', 'project.json', enc(JSON.stringify(json)));

  it('fills missing settings, augment and options with defaults', () => {
    const p = parse(v2);
    expect(p.settings).toEqual({});
    expect(p.augment).toEqual({ enabled: false, copies: 2, flip: true, crop: true, brightness: true });
    expect(p.version === 2 && p.options).toEqual({});
    expect(p.head).toBeNull();
  });

  it('names the field of a wrong type, a path outside samples/ and a bad JSON text', () => {
    const wrong = fileError(() => parse({ ...v2, classes: [{ id: 'a', name: 5, samples: 'x' }] }));
    expect(wrong.key).toBe('files.json.shape');
    expect(wrong.message).toContain('classes.0.name');
    const escape = fileError(() =>
      parse({
        ...v2,
        classes: [
          { id: 'a', name: 'A', samples: [{ id: 's', kind: 'picture', type: 'image/png', file: '../../x' }] },
        ],
      }),
    );
    expect(escape.message).toContain('classes.0.samples.0.file');
    expect(fileError(() => parseJsonWith(ProjectJsonSchema, 'p.zip', 'project.json', enc('{nope'))).key).toBe(
      'files.json.invalid',
    );
    const long = fileError(() =>
      parse({ ...v2, classes: [{ id: 'a', name: 'x'.repeat(500), samples: [] }] }),
    );
    expect(long.message).toContain('classes.0.name');
  });

  it('refuses 100,000 classes with a count, and Teachable Machine imageSize out of range', () => {
    const labels = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const e = fileError(() => checkClassCount('model.zip', labels));
    expect(e.message).toContain('100,000 classes');
    expect(e.message).toContain(`up to ${MAX_FILE_CLASSES}`);
    const tm = fileError(() => checkTmMetadata('tm.zip', { labels: ['a', 'b'], imageSize: 30000 }));
    expect(tm.key).toBe('files.tm.imageSize');
    expect(tm.message).toContain('30000');
    expect(checkTmMetadata('tm.zip', { labels: ['a', 'b'] })).toEqual({ labels: ['a', 'b'], imageSize: 224 });
    expect(fileError(() => checkTmMetadata('tm.zip', { labels: 'a' })).key).toBe('files.json.shape');
  });
});

describe('stored projects', () => {
  const fresh = emptyProject({
    extractor: 'toy',
    featureSize: 2,
    settings: { epochs: 20, learningRate: 0.001 },
    className: (n) => `Class ${n}`,
  });
  const sample = {
    id: 's1',
    feature: new Float32Array([1, 2]),
    payload: { kind: 'picture', bytes: new Uint8Array([1]), type: 'image/jpeg' },
  };

  it('gives a project without settings or augment the defaults, keeping its examples', () => {
    const raw = {
      ...fresh,
      classes: [{ id: 'a', name: 'Cat', samples: [sample] }],
      settings: undefined,
      augment: undefined,
    };
    const r = repairProject(raw, fresh)!;
    expect(r.repaired).toBe(true);
    expect(r.project.settings).toEqual({ epochs: 20, learningRate: 0.001 });
    expect(r.project.augment).toEqual({ ...DEFAULT_AUGMENT });
    expect(r.project.classes[0]!.samples).toHaveLength(1);
  });

  it('drops damaged classes and examples and a broken model, and resets wrong settings', () => {
    const raw = {
      ...fresh,
      classes: [
        { id: 'a', name: 'Cat', samples: [sample, { id: 'bad', feature: 'x', payload: null }] },
        { id: 'b', name: 7, samples: [] },
        null,
      ],
      settings: { epochs: 'many', learningRate: 0.01, extra: 3 },
      head: { labels: 'no' },
      revision: -4,
    };
    const r = repairProject(raw, fresh)!;
    expect(r.repaired).toBe(true);
    expect(r.project.classes.map((c) => c.id)).toEqual(['a']);
    expect(r.project.classes[0]!.samples.map((s) => s.id)).toEqual(['s1']);
    expect(r.project.settings).toEqual({ epochs: 20, learningRate: 0.01, extra: 3 });
    expect(r.project.head).toBeNull();
    expect(r.project.revision).toBe(0);
  });

  it('leaves a good project as it is and refuses what is not a project', () => {
    const r = repairProject(fresh, fresh)!;
    expect(r.repaired).toBe(false);
    expect(r.project).toEqual(fresh);
    expect(repairProject('text', fresh)).toBeNull();
    expect(repairProject({ version: 2, classes: 'x', extractor: 'toy' }, fresh)).toBeNull();
  });

  it('keeps the good clips of a stored list and drops damaged ones', () => {
    const good = {
      id: 'c',
      name: 'tune',
      kind: 'melody',
      notes: [{ pitch: 60, quantizedStartStep: 0, quantizedEndStep: 2 }],
      totalQuantizedSteps: 16,
      qpm: 120,
    };
    expect(keepValid([good, { ...good, notes: 'x' }, null], StoredClipSchema)).toEqual([good]);
    expect(keepValid({ not: 'a list' }, StoredClipSchema)).toBeNull();
  });
});
