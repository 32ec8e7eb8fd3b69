'use client';
// The Sound studio's microphone: one capture for the whole studio, the chosen input, and a
// friendly message when it cannot start.
import { useCallback, useEffect, useMemo, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { listMicrophones, MicrophoneCapture, MicrophoneError } from '@/components/media/microphone';

/** The microphone, its inputs and on/off actions; it stops when the studio closes. */
export function useMicrophone() {
  const t = useT();
  const mic = useMemo(() => new MicrophoneCapture(), []);
  const [on, setOn] = useState(false);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => void mic.stop(), [mic]);

  const start = useCallback(
    async (id?: string): Promise<boolean> => {
      setError(null);
      try {
        await mic.start(id || undefined);
        setOn(true);
        setDevices(await listMicrophones());
        setDeviceId(mic.deviceId ?? '');
        return true;
      } catch (e) {
        setOn(false);
        const kind = e instanceof MicrophoneError ? e.kind : 'other';
        setError(
          kind === 'denied'
            ? t('sound.mic.denied')
            : kind === 'not-found'
              ? t('sound.mic.notFound')
              : kind === 'unsupported'
                ? t('sound.mic.unsupported')
                : t('sound.mic.failed', { message: errorTextNow(e) }),
        );
        return false;
      }
    },
    [mic, t],
  );

  const stop = useCallback(async () => {
    await mic.stop();
    setOn(false);
  }, [mic]);

  /** Starts the microphone (with the chosen input) unless it runs already. */
  const ensure = useCallback(async () => mic.running || start(deviceId), [mic, start, deviceId]);

  /** Switches to another input. */
  const choose = useCallback(
    (id: string) => {
      setDeviceId(id);
      void start(id);
    },
    [start],
  );

  return { mic, on, devices, deviceId, error, start, stop, ensure, choose };
}

/** Everything useMicrophone returns. */
export type Microphone = ReturnType<typeof useMicrophone>;
