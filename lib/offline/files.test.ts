// Which files each studio needs offline, checked against the real public/models/manifest.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { OFFLINE_STUDIOS, STUDIO_RESOURCES } from './constants';
import { filesForStudios, formatBytes, loadModelManifest, totalBytes } from './files';
import type { ModelManifest } from './types';

const manifest = JSON.parse(
  readFileSync(join(__dirname, '../../public/models/manifest.json'), 'utf8'),
) as ModelManifest;

describe('filesForStudios', () => {
  it('names only models that exist, and each studio with models gets their files', () => {
    for (const studio of OFFLINE_STUDIOS) {
      for (const wanted of STUDIO_RESOURCES[studio].models) {
        const found = manifest.models.some((m) =>
          wanted.endsWith('/') ? m.name.startsWith(wanted) : m.name === wanted,
        );
        expect(found, `${studio} needs ${wanted}`).toBe(true);
      }
      for (const wanted of STUDIO_RESOURCES[studio].data) {
        expect(
          manifest.data?.some((d) => d.path.startsWith(wanted)),
          `${studio} needs ${wanted}`,
        ).toBe(true);
      }
    }
  });

  it('lists the model.json and weights the loaders ask for', () => {
    const digits = filesForStudios(manifest, ['digits']).map((f) => f.url);
    expect(digits).toContain('/models/digits-cnn/model.json');
    expect(digits).toContain('/models/digits-cnn/weights.bin');
    expect(digits).toContain('/data/mnist/images.bin');
    const music = filesForStudios(manifest, ['music']).map((f) => f.url);
    expect(music.some((u) => u.startsWith('/models/music/melody_rnn/'))).toBe(true);
    expect(music.some((u) => u.startsWith('/models/centernet/'))).toBe(false);
  });

  it('shares files between studios once (image and dream both use centernet)', () => {
    const image = filesForStudios(manifest, ['image']);
    const both = filesForStudios(manifest, ['image', 'dream']);
    expect(both).toEqual(image);
    const all = filesForStudios(manifest, OFFLINE_STUDIOS);
    expect(new Set(all.map((f) => f.url)).size).toBe(all.length);
    expect(totalBytes(all)).toBeGreaterThan(30e6);
  });
});

describe('loadModelManifest', () => {
  it('rejects a missing or malformed list with a ModelLoadError', async () => {
    const notFound = (async () => new Response('no', { status: 404 })) as typeof fetch;
    await expect(loadModelManifest('/m.json', notFound)).rejects.toMatchObject({ code: 'model-load' });
    const bad = (async () => new Response('{"x":1}')) as typeof fetch;
    await expect(loadModelManifest('/m.json', bad)).rejects.toMatchObject({ code: 'model-load' });
    const good = (async () => new Response(JSON.stringify({ models: [] }))) as typeof fetch;
    await expect(loadModelManifest('/m.json', good)).resolves.toEqual({ models: [], data: [] });
  });
});

describe('formatBytes', () => {
  it('writes MB and KB', () => {
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(850_000)).toBe('850 KB');
    expect(formatBytes(10)).toBe('1 KB');
  });
});
