// Augmented training copies for the Image studio: each stored thumbnail is decoded, randomly
// altered (flip, small crop, brightness) and passed through the frozen extractor again.
import * as tf from '@tensorflow/tfjs';

import { createRng } from '../data';
import type { ImageFeatureExtractor } from './image-extractor';
import { augmentImage } from './preprocess';
import type { AugmentSettings, BaseTrainSettings, TeachableProject } from './project';
import type { FeaturesByClass } from './types';

/**
 * Features of `augment.copies` altered copies of every picture example, per class, made from the
 * stored thumbnails (browser only: it decodes with createImageBitmap). Seeded by `seed`. Returns
 * undefined when cancelled. Leaves no tensors behind.
 */
export async function augmentedImageFeatures(
  extractor: ImageFeatureExtractor,
  project: Pick<TeachableProject<BaseTrainSettings>, 'classes'>,
  augment: AugmentSettings,
  seed: number,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
): Promise<FeaturesByClass | undefined> {
  const rng = createRng(seed);
  const total = project.classes.reduce((s, c) => s + c.samples.length, 0);
  let done = 0;
  const out: Float32Array[][] = [];
  for (const cls of project.classes) {
    const list: Float32Array[] = [];
    for (const s of cls.samples) {
      if (signal?.aborted) return undefined;
      if (s.payload.kind !== 'picture' || !s.payload.bytes.length) continue;
      const blob = new Blob([new Uint8Array(s.payload.bytes)], { type: s.payload.type });
      const bmp = await createImageBitmap(blob);
      for (let k = 0; k < augment.copies; k++) {
        const f = tf.tidy(() =>
          extractor.extractFromSquare(augmentImage(extractor.prepare(bmp), augment, rng)),
        );
        list.push((await f.data()) as Float32Array);
        f.dispose();
      }
      bmp.close();
      onProgress?.(++done / total);
      if (done % 8 === 0) await tf.nextFrame();
    }
    out.push(list);
  }
  return out;
}
