// Image studio workloads: backbone features per frame, head training, and memory while adding many pictures.
import { createRng } from '@/lib/data';
import { createImageFeatureExtractor, disposeHead, IMAGE_SIZE, THUMB_SIZE, trainHead } from '@/lib/transfer';

import { medianMs } from './timing';
import type { Workload } from './types';

/**
 * Pictures added in the memory workload: the 1,000, unless that would take more than
 * about 4 minutes on this backend (slow software backends), then as many as fit; the label says how many.
 */
function pictureCount(extractMs: number): number {
  return Math.max(50, Math.min(1000, Math.floor(240_000 / Math.max(1, extractMs * 1.5))));
}

export const imageWorkload: Workload = {
  id: 'image',
  label: 'Image studio (transfer learning)',
  async run({ tf, status }) {
    status('loading the centernet backbone');
    const ex = await createImageFeatureExtractor({});
    const frame = tf.randomUniform(
      [IMAGE_SIZE, IMAGE_SIZE, 3],
      0,
      255,
      'float32',
      1,
    ) as import('@tensorflow/tfjs').Tensor3D;
    status('feature extraction 224×224');
    const extractMs = await medianMs(() => ex.extract(frame), { warmup: 2, reps: 10 });
    frame.dispose();

    status('head training: 3 classes × 100 examples × 50 epochs');
    const rng = createRng(5);
    const features = [0, 1, 2].map((c) =>
      Array.from({ length: 100 }, () =>
        Float32Array.from({ length: ex.featureSize }, (_, d) => (d % 3 === c ? 1 : 0) + rng() - 0.5),
      ),
    );
    const result = await trainHead(['a', 'b', 'c'], features, { epochs: 50, batchSize: 16 });
    disposeHead(result.model);

    // The upload path of the studio: decode → centre square on a canvas → features → JPEG thumbnail.
    const n = pictureCount(extractMs);
    status(`adding ${n} pictures`);
    const square = document.createElement('canvas');
    square.width = square.height = IMAGE_SIZE;
    const thumb = document.createElement('canvas');
    thumb.width = thumb.height = THUMB_SIZE;
    const src = document.createElement('canvas');
    src.width = 640;
    src.height = 480;
    const sctx = src.getContext('2d')!;
    const qctx = square.getContext('2d', { willReadFrequently: true })!;
    const tctx = thumb.getContext('2d')!;
    const memory = () =>
      (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
    const heap0 = memory();
    const tensors0 = tf.memory().numTensors;
    let peakTensors = 0;
    let peakHeap = heap0;
    const kept: { feature: Float32Array; thumb: Blob | null }[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      sctx.fillStyle = `hsl(${(i * 37) % 360} 70% 50%)`;
      sctx.fillRect(0, 0, 640, 480);
      sctx.fillStyle = '#fff';
      sctx.fillRect((i * 13) % 500, (i * 7) % 340, 140, 140);
      const bmp = await createImageBitmap(src);
      qctx.drawImage(bmp, 80, 0, 480, 480, 0, 0, IMAGE_SIZE, IMAGE_SIZE);
      bmp.close();
      const feature = await ex.extract(square);
      tctx.drawImage(square, 0, 0, THUMB_SIZE, THUMB_SIZE);
      kept.push({
        feature,
        thumb: await new Promise<Blob | null>((r) => thumb.toBlob(r, 'image/jpeg', 0.85)),
      });
      peakTensors = Math.max(peakTensors, tf.memory().numTensors - tensors0);
      if (i % 50 === 0) {
        peakHeap = Math.max(peakHeap, memory());
        status(`adding pictures ${i + 1}/${n}`);
      }
    }
    const perPicture = (performance.now() - t0) / n;
    peakHeap = Math.max(peakHeap, memory());
    const thumbBytes = kept.reduce((s, k) => s + (k.thumb?.size ?? 0), 0);
    ex.dispose();
    return [
      {
        id: 'image.extract224',
        label: 'centernet features, one 224×224 frame',
        value: extractMs,
        unit: 'ms',
      },
      {
        id: 'image.headTrain',
        label: 'head training, 3 classes × 100 examples × 50 epochs (batch 16)',
        value: result.ms,
        unit: 'ms',
      },
      {
        id: 'image.addPicture',
        label: `adding one picture (decode, features, thumbnail), ${n} pictures`,
        value: perPicture,
        unit: 'ms',
      },
      {
        id: 'image.peakTensors',
        label: `peak extra tensors while adding ${n} pictures`,
        value: peakTensors,
        unit: 'tensors',
      },
      {
        id: 'image.heapGrowth',
        label: `peak JS heap growth while adding ${n} pictures (Chromium performance.memory)`,
        value: (peakHeap - heap0) / 1e6,
        unit: 'MB',
        note: `thumbnails ${(thumbBytes / 1e6).toFixed(1)} MB + features ${((n * 120 * 4) / 1e6).toFixed(2)} MB kept`,
      },
    ];
  },
};
