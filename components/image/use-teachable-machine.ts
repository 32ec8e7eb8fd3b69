'use client';
// A model imported into the Image studio's preview: a Teachable Machine image model (three files or
// one zip) or one of this studio's own standalone exports. The studio owns it and frees it when
// another is imported or the studio closes.
import * as tf from '@tensorflow/tfjs';
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { readNamedBytes } from '@/components/media/download';
import { noticeOf, type FilesNotice } from '@/components/teachable';
import { describeFileError } from '@/lib/files';
import {
  loadTeachableMachineModel,
  predictTeachableMachine,
  toPixels,
  type ImageInput,
} from '@/lib/transfer';
import { isStandaloneImageExport, loadStandaloneImageExport } from '@/lib/transfer';

/** An imported image model: its labels and class probabilities of a picture. */
export interface ImportedImageModel {
  kind: 'tm' | 'standalone';
  labels: string[];
  predict(image: ImageInput, mirror?: boolean): Promise<number[]>;
  dispose(): void;
}

async function loadImported(files: File[]): Promise<ImportedImageModel> {
  const named = await Promise.all(files.map(readNamedBytes));
  if (isStandaloneImageExport(named)) {
    const { model, metadata } = await loadStandaloneImageExport(named);
    return {
      kind: 'standalone',
      labels: metadata.labels,
      async predict(image, mirror = false) {
        const p = tf.tidy(() => {
          const px = toPixels(image).toFloat();
          return model.predict((mirror ? tf.reverse(px, 1) : px).expandDims(0)) as tf.Tensor;
        });
        try {
          return Array.from(await p.data());
        } finally {
          p.dispose();
        }
      },
      dispose: () => model.dispose(),
    };
  }
  const tm = await loadTeachableMachineModel(named);
  return {
    kind: 'tm',
    labels: tm.metadata.labels,
    predict: (image, mirror = false) => predictTeachableMachine(tm, image, mirror),
    dispose: () => tm.model.dispose(),
  };
}

/** The imported model, or null; `importFiles` reports through `onNotice`. */
export function useTeachableMachine(onNotice: (n: FilesNotice) => void, onLoaded: () => void) {
  const t = useT();
  const ref = useRef<ImportedImageModel | null>(null);
  const [tm, setTm] = useState<ImportedImageModel | null>(null);
  useEffect(
    () => () => {
      ref.current?.dispose();
      ref.current = null;
    },
    [],
  );

  const importFiles = useCallback(
    async (files: File[]) => {
      try {
        const loaded = await loadImported(files);
        ref.current?.dispose();
        ref.current = loaded;
        setTm(loaded);
        onLoaded();
        const count = loaded.labels.length;
        const key = loaded.kind === 'tm' ? 'image.tmLoaded' : 'teachx.standaloneLoaded';
        onNotice(noticeOf('success', (tr) => tr(key, { count }), t));
      } catch (e) {
        onNotice(noticeOf('error', (tr) => tr('image.tmError', { message: describeFileError(e, tr) }), t));
      }
    },
    [onLoaded, onNotice, t],
  );

  return { tm, importFiles };
}
