'use client';
// Photos as pose examples: the most confident person in each photo becomes one example; photos
// without a person, or that are not pictures, are named.
import { useCallback, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { FileError, decodePicture } from '@/lib/files';
import { newId } from '@/lib/ids';
import { normalizePose, type Pose, type PoseFeatureExtractor } from '@/lib/pose';
import type { ProjectSample } from '@/lib/transfer';

import { poseThumbnail } from './draw';
import { MIN_POSE_SCORE, bestPose } from './use-pose-recording';

/** Options for {@link usePosePhotos}. */
export interface PosePhotosOptions {
  extractor: PoseFeatureExtractor;
  minScore: number;
  detectStill: (picture: ImageBitmap) => Promise<Pose[]>;
  addSamples: (classId: string, samples: ProjectSample[]) => void;
}

/** `addPhotos(classId, files)`, its progress and the files it could not use. */
export function usePosePhotos({ extractor, minScore, detectStill, addSamples }: PosePhotosOptions) {
  const t = useT();
  const [upload, setUpload] = useState<{ classId: string; done: number; total: number } | null>(null);
  const [fileErrors, setFileErrors] = useState<string[]>([]);

  const addPhotos = useCallback(
    async (classId: string, files: File[]) => {
      setFileErrors([]);
      setUpload({ classId, done: 0, total: files.length });
      const errors: string[] = [];
      const samples: ProjectSample[] = [];
      for (let i = 0; i < files.length; i++) {
        const f = files[i];
        let bmp: ImageBitmap | null = null;
        try {
          // Refused over lib/files' size and pixel limits, decoded scaled down when large.
          bmp = await decodePicture(f, f.name);
        } catch (e) {
          errors.push(
            e instanceof FileError && e.key !== 'files.image.notImage'
              ? e.text(t)
              : t('pose.fileNotImage', { name: f.name }),
          );
        }
        if (bmp) {
          try {
            const pose = bestPose(await detectStill(bmp));
            if (!pose || pose.score < MIN_POSE_SCORE) {
              errors.push(t('pose.noPersonIn', { name: f.name }));
            } else {
              const feature = normalizePose(pose, extractor.normalization);
              const bytes = await poseThumbnail(bmp, bmp.width, bmp.height, pose, minScore, false);
              samples.push({ id: newId(), feature, payload: { kind: 'picture', bytes, type: 'image/jpeg' } });
            }
          } catch (e) {
            errors.push(`${f.name}: ${errorTextNow(e)}`);
          } finally {
            bmp.close();
          }
        }
        setUpload({ classId, done: i + 1, total: files.length });
      }
      if (samples.length) addSamples(classId, samples);
      setFileErrors(errors);
      setUpload(null);
    },
    [addSamples, detectStill, extractor, minScore, t],
  );

  return { addPhotos, upload, fileErrors, clearFileErrors: useCallback(() => setFileErrors([]), []) };
}
