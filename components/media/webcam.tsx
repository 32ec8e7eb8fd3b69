'use client';
// Webcam: opens a camera, lists the cameras to choose from, mirrors the preview; stops tracks on unmount.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';

import { Select } from '@/components/ui';

/** What a parent can do with the webcam (read frames from the <video>). */
export interface WebcamHandle {
  video: HTMLVideoElement | null;
  /** True once the video has frames to read. */
  ready: () => boolean;
}

/** Props for {@link Webcam}. All text comes from the caller (already translated). */
export interface WebcamProps {
  mirror: boolean;
  /** Labels: camera chooser, and messages for denied / missing camera. */
  text: { choose: string; denied: string; missing: string; starting: string };
  /** Called when the camera starts or fails (error is a translated message). */
  onStatus?: (status: 'starting' | 'ready' | 'error', error?: string) => void;
  className?: string;
  /** Drawn over the video inside the same box (e.g. a skeleton canvas or a countdown). */
  children?: React.ReactNode;
}

/** A live camera preview with a camera chooser. Stops every track when unmounted or switched. */
export const Webcam = forwardRef<WebcamHandle, WebcamProps>(function Webcam(
  { mirror, text, onStatus, className = '', children },
  ref,
) {
  const video = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(true);
  const statusRef = useRef(onStatus);
  statusRef.current = onStatus;

  useImperativeHandle(ref, () => ({
    get video() {
      return video.current;
    },
    ready: () => !!video.current && video.current.readyState >= 2 && video.current.videoWidth > 0,
  }));

  const start = useCallback(
    async (id: string, signal: { cancelled: boolean }) => {
      setStarting(true);
      setError(null);
      statusRef.current?.('starting');
      if (!navigator.mediaDevices?.getUserMedia) {
        setError(text.missing);
        setStarting(false);
        statusRef.current?.('error', text.missing);
        return null;
      }
      try {
        const stream = await navigator.mediaDevices.getUserMedia({
          video: id
            ? { deviceId: { exact: id } }
            : { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
          audio: false,
        });
        if (signal.cancelled) {
          stream.getTracks().forEach((t) => t.stop());
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
        statusRef.current?.('ready');
        return stream;
      } catch (e) {
        const name = e instanceof DOMException ? e.name : '';
        const msg = name === 'NotAllowedError' || name === 'SecurityError' ? text.denied : text.missing;
        setError(msg);
        setStarting(false);
        statusRef.current?.('error', msg);
        return null;
      }
    },
    [text.denied, text.missing],
  );

  useEffect(() => {
    const signal = { cancelled: false };
    let stream: MediaStream | null = null;
    void start(deviceId, signal).then((s) => {
      stream = s;
    });
    const v = video.current;
    return () => {
      signal.cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
      if (v) v.srcObject = null;
    };
  }, [deviceId, start]);

  return (
    <div className={`space-y-2 ${className}`}>
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
        {(starting || error) && (
          <div
            className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-white"
            role={error ? 'alert' : 'status'}
          >
            {error ?? text.starting}
          </div>
        )}
      </div>
      {devices.length > 0 && (
        <Select
          label={text.choose}
          value={deviceId}
          onChange={setDeviceId}
          options={devices.map((d, i) => ({ value: d.deviceId, label: d.label || `Camera ${i + 1}` }))}
        />
      )}
    </div>
  );
});
