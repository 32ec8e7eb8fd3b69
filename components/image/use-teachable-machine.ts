'use client';
// A Teachable Machine image model imported into the Image studio (three files or one zip); the
// studio owns it and frees it when another is imported or the studio closes.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { readNamedBytes } from '@/components/media/download';
import { noticeOf, type FilesNotice } from '@/components/teachable';
import { loadTeachableMachineModel, type TeachableMachineModel } from '@/lib/transfer';

/** The imported model with its labels, or null; `importFiles` reports through `onNotice`. */
export function useTeachableMachine(onNotice: (n: FilesNotice) => void, onLoaded: () => void) {
  const t = useT();
  const ref = useRef<TeachableMachineModel | null>(null);
  const [tm, setTm] = useState<{ model: TeachableMachineModel; labels: string[] } | null>(null);
  useEffect(
    () => () => {
      ref.current?.model.dispose();
      ref.current = null;
    },
    [],
  );

  const importFiles = useCallback(
    async (files: File[]) => {
      try {
        const loaded = await loadTeachableMachineModel(await Promise.all(files.map(readNamedBytes)));
        ref.current?.model.dispose();
        ref.current = loaded;
        setTm({ model: loaded, labels: loaded.metadata.labels });
        onLoaded();
        const count = loaded.metadata.labels.length;
        onNotice(noticeOf('success', (tr) => tr('image.tmLoaded', { count }), t));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        onNotice(noticeOf('error', (tr) => tr('image.tmError', { message }), t));
      }
    },
    [onLoaded, onNotice, t],
  );

  return { tm, importFiles };
}
