'use client';
// Webcam: starts on a click (after one sentence on where the picture goes), lists the cameras to
// choose from, mirrors the preview, tells apart why a camera could not start (none, busy, blocked,
// not a secure page) with a Try again button; stops tracks on unmount.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';

import { cameraProblem, type CameraProblem } from './camera-problem';

export { cameraProblem, type CameraProblem } from './camera-problem';

/** What a parent can do with the webcam (read frames from the <video>). */
export interface WebcamHandle {
  video: HTMLVideoElement | null;
  /** True once the video has frames to read. */
  ready: () => boolean;
}

/** sessionStorage key: the person turned the camera on in this tab. */
const CAMERA_ON_KEY = 'cais.camera.on';

/** Props for {@link Webcam}. Its words come from lib/i18n (`camera.*`). */
export interface WebcamProps {
  mirror: boolean;
  /** Start without asking (the person already clicked to open it). Defaults to false. */
  autoStart?: boolean;
  /** What else the person can do without a camera (translated), shown with every problem. */
  fallback?: string;
  /** Called when the camera starts or fails (error is a translated message). */
  onStatus?: (status: 'starting' | 'ready' | 'error', error?: string) => void;
  className?: string;
  /** Drawn over the video inside the same box (e.g. a skeleton canvas or a countdown). */
  children?: React.ReactNode;
}

/** A live camera preview with a camera chooser. Stops every track when unmounted or switched. */
export const Webcam = forwardRef<WebcamHandle, WebcamProps>(function Webcam(
  { mirror, autoStart = false, fallback, onStatus, className = '', children },
  ref,
) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [starting, setStarting] = useState(false);
  // 0 until the person asks for the camera; each Try again adds one (restarts the effect). Once
  // turned on in this tab, it comes back on by itself after a reload or in another studio.
  const [attempt, setAttempt] = useState(autoStart ? 1 : 0);
  useEffect(() => {
    if (window.sessionStorage.getItem(CAMERA_ON_KEY) === '1') setAttempt((a) => Math.max(a, 1));
  }, []);
  const statusRef = useRef(onStatus);
  statusRef.current = onStatus;

  useImperativeHandle(ref, () => ({
    get video() {
      return video.current;
    },
    ready: () => !!video.current && video.current.readyState >= 2 && video.current.videoWidth > 0,
  }));

  const start = useCallback(async (id: string, signal: { cancelled: boolean }) => {
    setStarting(true);
    setProblem(null);
    statusRef.current?.('starting');
    const fail = (p: CameraProblem) => {
      setProblem(p);
      setStarting(false);
      statusRef.current?.('error', p);
      return null;
    };
    if (!window.isSecureContext) return fail('insecure');
    if (!navigator.mediaDevices?.getUserMedia) return fail('missing');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: id
          ? { deviceId: { exact: id } }
          : { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
        audio: false,
      });
      if (signal.cancelled) {
        stream.getTracks().forEach((tr) => tr.stop());
        return null;
      }
      const v = video.current;
      if (v) {
        v.srcObject = stream;
        await v.play().catch(() => undefined);
      }
      const list = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
      if (!signal.cancelled) setDevices(list);
      setStarting(false);
      window.sessionStorage.setItem(CAMERA_ON_KEY, '1');
      statusRef.current?.('ready');
      return stream;
    } catch (e) {
      return signal.cancelled ? null : fail(cameraProblem(e, window.isSecureContext));
    }
  }, []);

  useEffect(() => {
    if (attempt === 0) return;
    const signal = { cancelled: false };
    let stream: MediaStream | null = null;
    void start(deviceId, signal).then((s) => {
      stream = s;
    });
    const v = video.current;
    return () => {
      signal.cancelled = true;
      stream?.getTracks().forEach((tr) => tr.stop());
      if (v) v.srcObject = null;
    };
  }, [deviceId, start, attempt]);

  return (
    <div className={`min-w-0 space-y-2 ${className}`}>
      <div className="relative aspect-[4/3] w-full overflow-hidden rounded-xl bg-slate-900">
        <video
          ref={video}
          muted
          playsInline
          data-testid="webcam-video"
          className="h-full w-full object-cover"
          style={mirror ? { transform: 'scaleX(-1)' } : undefined}
        />
        {children}
        {attempt === 0 && (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center text-white">
            <p className="max-w-sm text-sm sm:text-base">{t('camera.privacy')}</p>
            <Button size="lg" onClick={() => setAttempt(1)} data-testid="camera-start">
              {t('camera.start')}
            </Button>
          </div>
        )}
        {attempt > 0 && starting && (
          <div
            className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-white"
            role="status"
          >
            {t('camera.starting')}
          </div>
        )}
        {problem && (
          <div
            className="absolute inset-0 flex flex-col items-center justify-center gap-3 overflow-auto bg-slate-900 p-4 text-center text-white"
            role="alert"
            data-testid="camera-error"
            data-kind={problem}
          >
            <p className="font-semibold">{t(`camera.${problem}.title`)}</p>
            <p className="max-w-md text-sm">{t(`camera.${problem}.fix`)}</p>
            {fallback && <p className="max-w-md text-sm text-slate-200">{fallback}</p>}
            <Button onClick={() => setAttempt((a) => a + 1)} data-testid="camera-retry">
              {t('camera.retry')}
            </Button>
          </div>
        )}
      </div>
      {devices.length > 1 && (
        <Select
          label={t('camera.choose')}
          wrapperClassName="min-w-0"
          className="truncate"
          value={deviceId}
          onChange={setDeviceId}
          options={devices.map((d, i) => ({
            value: d.deviceId,
            label: d.label || t('camera.numbered', { n: i + 1 }),
          }))}
        />
      )}
    </div>
  );
});
