// Older project files (version 1 and version 2 with gap120 features) still import into a studio
// whose features changed, and re-extraction keeps every thumbnail, computes the new features and
// drops the model trained on the old ones.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { captureArtifacts } from '../persist';
import { DEFAULT_HEAD_CONFIG, IMAGE_EXTRACTOR_NAME, IMAGE_FEATURE_SIZES } from './constants';
import { createHead, disposeHead } from './head';
import type { SamplePayload, TeachableProject } from './project';
import { PROJECT_FORMAT_V1, exportProjectZip, importProjectZip } from './project-zip';
import { reextractProject } from './reextract';

const OLD = 'centernet-mobilenetv3-gap120';
const NEW_SIZE = IMAGE_FEATURE_SIZES.multi784;

/** A stand-in for the image extractor: a feature that depends on every byte of the picture. */
async function featureOf(p: SamplePayload): Promise<Float32Array | null> {
  if (p.kind !== 'picture' || !p.bytes.length) return null;
  const f = new Float32Array(NEW_SIZE);
  p.bytes.forEach((b, i) => (f[(b * 7 + i) % NEW_SIZE] += 1));
  return f;
}

async function oldProject(): Promise<TeachableProject> {
  const head = createHead(120, 2, { hidden: [4], seed: 1 });
  const artifacts = await captureArtifacts(head);
  disposeHead(head);
  const pic = (n: number): SamplePayload => ({
    kind: 'picture',
    bytes: new Uint8Array([n, n + 1, 255]),
    type: 'image/jpeg',
  });
  return {
    version: 2,
    extractor: OLD,
    featureSize: 120,
    classes: [
      {
        id: 'a',
        name: 'Ball',
        samples: [0, 1].map((i) => ({
          id: `a${i}`,
          feature: new Float32Array(120).fill(i),
          payload: pic(i),
        })),
      },
      {
        id: 'b',
        name: 'Block',
        samples: [{ id: 'b0', feature: new Float32Array(120).fill(3), payload: pic(9) }],
      },
    ],
    settings: { ...DEFAULT_HEAD_CONFIG, hidden: [4] },
    augment: { enabled: true, copies: 2, flip: true, crop: true, brightness: true },
    head: { artifacts, labels: ['Ball', 'Block'], trainedAt: 5, revision: 4 },
    revision: 4,
    options: { kids: true },
    updatedAt: 1,
  };
}

describe('re-extracting an older image project', () => {
  it('imports a version-2 gap120 file when the studio accepts the old features, then re-extracts it', async () => {
    const zip = exportProjectZip(await oldProject());
    // The studio's own name first, then the older features it can re-extract.
    expect(() => importProjectZip('old.zip', zip, IMAGE_EXTRACTOR_NAME)).toThrow(/gap120/);
    const loaded = importProjectZip('old.zip', zip, [IMAGE_EXTRACTOR_NAME, OLD]);
    expect(loaded.extractor).toBe(OLD);
    const progress: number[] = [];
    const p = (await reextractProject(
      loaded,
      { extractor: IMAGE_EXTRACTOR_NAME, featureSize: NEW_SIZE },
      featureOf,
      { onProgress: (d, t) => progress.push(d / t) },
    ))!;
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
    expect(p.extractor).toBe(IMAGE_EXTRACTOR_NAME);
    expect(p.featureSize).toBe(NEW_SIZE);
    expect(p.head).toBeNull();
    expect(p.revision).toBe(5);
    expect(p.options).toEqual({ kids: true });
    expect(p.classes.map((c) => c.name)).toEqual(['Ball', 'Block']);
    expect(p.classes[0].samples[1].payload).toEqual(loaded.classes[0].samples[1].payload);
    expect(Array.from(p.classes[0].samples[1].feature)).toEqual(
      Array.from((await featureOf(loaded.classes[0].samples[1].payload))!),
    );
    // The new project saves and loads as the studio's own.
    const again = importProjectZip('new.zip', exportProjectZip(p), IMAGE_EXTRACTOR_NAME);
    expect(again.classes[1].samples[0].feature).toHaveLength(NEW_SIZE);
  });

  it('imports a version-1 file (the first Image studio zips) and re-extracts it', async () => {
    const feats = new Float32Array(2 * 120).fill(0.5);
    const json = {
      format: PROJECT_FORMAT_V1,
      version: 1,
      extractor: OLD,
      featureSize: 120,
      classes: [
        { id: 'a', name: 'Cat', samples: [{ id: 's0', thumbType: 'image/jpeg', thumb: 'thumbs/s0.jpg' }] },
        { id: 'b', name: 'Dog', samples: [{ id: 's1', thumbType: 'image/jpeg', thumb: null }] },
      ],
      settings: DEFAULT_HEAD_CONFIG,
      augment: { enabled: false, copies: 2, flip: true, crop: true, brightness: true },
      head: null,
      updatedAt: 3,
    };
    const zip = zipSync({
      'project.json': strToU8(JSON.stringify(json)),
      'features.bin': new Uint8Array(feats.buffer),
      'thumbs/s0.jpg': new Uint8Array([1, 2, 3]),
    });
    const loaded = importProjectZip('v1.zip', zip, [IMAGE_EXTRACTOR_NAME, OLD]);
    const p = (await reextractProject(
      loaded,
      { extractor: IMAGE_EXTRACTOR_NAME, featureSize: NEW_SIZE },
      featureOf,
    ))!;
    // The example without a picture cannot be re-extracted and is left out; its class stays.
    expect(p.classes.map((c) => c.samples.length)).toEqual([1, 0]);
    expect(p.classes[0].samples[0].payload).toMatchObject({ bytes: new Uint8Array([1, 2, 3]) });
  });

  it('stops when cancelled and refuses features of the wrong length', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const project = await oldProject();
    expect(
      await reextractProject(project, { extractor: 'x', featureSize: NEW_SIZE }, featureOf, {
        signal: ctrl.signal,
      }),
    ).toBeNull();
    await expect(reextractProject(project, { extractor: 'x', featureSize: 10 }, featureOf)).rejects.toThrow(
      /784/,
    );
  });
});
