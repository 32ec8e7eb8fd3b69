'use client';
// A Teachable Machine image model imported into the Image studio (three files or one zip); the
// studio owns it and frees it when another is imported or the studio closes.
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { readNamedBytes } from '@/components/media/download';
import type { FilesNotice } from '@/components/teachable';
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
        onNotice({ kind: 'success', text: t('image.tmLoaded', { count: loaded.metadata.labels.length }) });
      } catch (e) {
        onNotice({
          kind: 'error',
          text: t('image.tmError', { message: errorTextNow(e) }),
        });
      }
    },
    [onLoaded, onNotice, t],
  );

  return { tm, importFiles };
}
