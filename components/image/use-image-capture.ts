'use client';
// Collecting picture examples for the Image studio: one webcam frame, hold-to-record (up to ten
// frames a second, as fast as the model turns them into features; the real rate is measured and
// shown) and uploaded files, each turned into features + a JPEG thumbnail.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import type { WebcamHandle } from '@/components/media/webcam';
import { createRateMeter } from '@/components/teachable/rate-meter';
import { newId } from '@/lib/ids';
import type { ImageFeatureExtractor, ProjectSample } from '@/lib/transfer';

import { decodeImageFile, drawSquare, imageProblemText, makeCanvases, thumbnailBytes } from './capture';

const RECORD_INTERVAL_MS = 100;
/** Uploaded samples are handed over in groups this size, so 1,000+ files keep the page responsive. */
const UPLOAD_GROUP = 16;

/** An upload in progress. */
export interface UploadProgress {
  classId: string;
  done: number;
  total: number;
}

/** Options for {@link useImageCapture}. */
export interface ImageCaptureOptions {
  extractor: ImageFeatureExtractor | null;
  webcam: React.RefObject<WebcamHandle | null>;
  mirror: boolean;
  addSamples: (classId: string, samples: ProjectSample[]) => void;
}

/** Capture state and actions; `recording` is the class being recorded while the button is held. */
export function useImageCapture({ extractor, webcam, mirror, addSamples }: ImageCaptureOptions) {
  const t = useT();
  const canvases = useRef<ReturnType<typeof makeCanvases> | null>(null);
  const [recording, setRecording] = useState<string | null>(null);
  /** Examples a second really added while recording (measured), or null. */
  const [recordRate, setRecordRate] = useState<number | null>(null);
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const uploadCancel = useRef(false);
  const [fileErrors, setFileErrors] = useState<string[]>([]);

  useEffect(() => {
    canvases.current = makeCanvases();
  }, []);

  /** Features + thumbnail of whatever is on the square canvas now. */
  const sampleFromSquare = useCallback(async (): Promise<ProjectSample | null> => {
    const c = canvases.current;
    if (!extractor || !c) return null;
    const feature = await extractor.extract(c.square);
    const bytes = await thumbnailBytes(c.square, c.thumb);
    return { id: newId(), feature, payload: { kind: 'picture', bytes, type: 'image/jpeg' } };
  }, [extractor]);

  const captureFrame = useCallback(
    async (classId: string) => {
      const v = webcam.current?.video;
      if (!v || !webcam.current?.ready() || !canvases.current) return;
      drawSquare(v, canvases.current.square, mirror);
      const s = await sampleFromSquare();
      if (s) addSamples(classId, [s]);
    },
    [addSamples, mirror, sampleFromSquare, webcam],
  );

  // Hold-to-record: up to 10 frames a second while the button is held (one at a time, so a slow
  // engine gives fewer; the measured rate is shown beside the button).
  useEffect(() => {
    if (!recording) return;
    let stop = false;
    let busyFrame = false;
    const rate = createRateMeter();
    rate();
    setRecordRate(null);
    const id = window.setInterval(() => {
      if (stop || busyFrame) return;
      busyFrame = true;
      void captureFrame(recording).finally(() => {
        busyFrame = false;
        if (!stop) setRecordRate(rate());
      });
    }, RECORD_INTERVAL_MS);
    return () => {
      stop = true;
      window.clearInterval(id);
    };
  }, [recording, captureFrame]);

  const addFiles = useCallback(
    async (classId: string, files: File[]) => {
      const c = canvases.current;
      if (!c || !extractor) return;
      uploadCancel.current = false;
      setFileErrors([]);
      setUpload({ classId, done: 0, total: files.length });
      const errors: string[] = [];
      let batch: ProjectSample[] = [];
      for (let i = 0; i < files.length && !uploadCancel.current; i++) {
        const f = files[i];
        const decoded = await decodeImageFile(f);
        if (!('bitmap' in decoded)) {
          errors.push(imageProblemText(decoded, f.name, t));
        } else {
          drawSquare(decoded.bitmap, c.square, false);
          decoded.bitmap.close();
          const s = await sampleFromSquare();
          if (s) batch.push(s);
        }
        if (batch.length >= UPLOAD_GROUP) {
          addSamples(classId, batch);
          batch = [];
        }
        setUpload({ classId, done: i + 1, total: files.length });
        // Let the page paint the progress bar between pictures.
        await new Promise((r) => requestAnimationFrame(r));
      }
      if (batch.length) addSamples(classId, batch);
      setFileErrors(errors);
      setUpload(null);
    },
    [addSamples, extractor, sampleFromSquare, t],
  );

  const cancelUpload = useCallback(() => {
    uploadCancel.current = true;
  }, []);

  return {
    recording,
    recordRate,
    setRecording,
    captureFrame,
    addFiles,
    upload,
    cancelUpload,
    fileErrors,
    clearFileErrors: useCallback(() => setFileErrors([]), []),
  };
}
