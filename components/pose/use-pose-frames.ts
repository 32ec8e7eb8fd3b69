'use client';
// usePoseFrames: the Pose studio's frame loop. Estimates poses on the live source every animation frame
// (or once on a photo), draws the skeleton, tells subscribers, and keeps throttled stats for the page.
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import type { Pose, PoseDetector } from '@/lib/pose';

import { drawPoses, sourceSize } from './draw';
import type { PoseFrame } from './types';

/** Where the poses come from. */
export type PoseSource = 'camera' | 'photo' | 'video';

/** React state is refreshed at most this often from the frame loop (the canvas every frame). */
const STATS_INTERVAL_MS = 250;

/** What the frame loop needs from the studio. */
export interface PoseFramesOptions {
  detector: React.RefObject<PoseDetector | null>;
  status: 'loading' | 'ready' | 'error';
  /** Changes each time a model loads. */
  version: number;
  source: PoseSource;
  /** The element the poses come from now, if it has a picture. */
  currentSource: () => HTMLVideoElement | HTMLImageElement | null;
  canvas: React.RefObject<HTMLCanvasElement | null>;
  settings: { minScore: number; mirror: boolean };
  camReady: boolean;
  videoUrl: string | null;
  photoUrl: string | null;
  onError: (message: string) => void;
}

/** Live poses, fps and per-frame time, refreshed at most every STATS_INTERVAL_MS. */
export interface PoseStats {
  fps: number | null;
  ms: number | null;
  poses: Pose[];
}

/** Runs the frame loop; returns the stats, a way to clear them, a frame subscription and the photo trigger. */
export function usePoseFrames({
  detector,
  status,
  version,
  source,
  currentSource,
  canvas,
  settings,
  camReady,
  videoUrl,
  photoUrl,
  onError,
}: PoseFramesOptions) {
  const [stats, setStats] = useState<PoseStats>({ fps: null, ms: null, poses: [] });
  const listeners = useRef(new Set<(f: PoseFrame) => void>());
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const subscribe = useCallback((listener: (f: PoseFrame) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const resetStats = useCallback(() => setStats({ fps: null, ms: null, poses: [] }), []);

  // The frame loop: estimate, draw, tell listeners; one frame at a time so slow backends never pile up.
  const statsAt = useRef(0);
  const analyse = useCallback(
    async (live: boolean, fpsState: { last: number; avg: number }) => {
      const d = detector.current;
      const el = currentSource();
      const c = canvas.current;
      if (!d || !el || !c) return false;
      const { width, height } = sourceSize(el);
      const t0 = performance.now();
      const poses = await d.estimatePoses(el, live ? { timestamp: t0 } : {});
      const ms = performance.now() - t0;
      drawPoses(c, width, height, poses, settingsRef.current.minScore);
      const frame: PoseFrame = {
        poses,
        source: el,
        width,
        height,
        mirrored: source === 'camera' && settingsRef.current.mirror,
        live,
      };
      listeners.current.forEach((l) => l(frame));
      const now = performance.now();
      if (live && fpsState.last) {
        const inst = 1000 / Math.max(1, now - fpsState.last);
        fpsState.avg = fpsState.avg ? fpsState.avg * 0.9 + inst * 0.1 : inst;
      }
      fpsState.last = now;
      if (!live || now - statsAt.current > STATS_INTERVAL_MS) {
        statsAt.current = now;
        setStats({ fps: live ? fpsState.avg || null : null, ms, poses });
      }
      return true;
    },
    [currentSource, detector, source, canvas],
  );

  // Live sources: camera, or an uploaded video while it plays.
  useEffect(() => {
    if (status !== 'ready' || source === 'photo') return;
    if (source === 'camera' && !camReady) return;
    if (source === 'video' && !videoUrl) return;
    let stopped = false;
    let raf = 0;
    const fpsState = { last: 0, avg: 0 };
    detector.current?.reset();
    const loop = async () => {
      if (stopped) return;
      try {
        await analyse(true, fpsState);
      } catch {
        // A frame that cannot be read (video seeking, camera switching) is skipped.
      }
      if (!stopped) raf = requestAnimationFrame(() => void loop());
    };
    raf = requestAnimationFrame(() => void loop());
    return () => {
      stopped = true;
      cancelAnimationFrame(raf);
    };
  }, [analyse, camReady, detector, source, status, version, videoUrl]);

  // A photo: analyse once when it (or the model, or the threshold) changes.
  const analysePhoto = useCallback(() => {
    if (source !== 'photo' || status !== 'ready') return;
    detector.current?.reset();
    void analyse(false, { last: 0, avg: 0 }).catch((e: unknown) => onError(errorTextNow(e)));
  }, [analyse, detector, source, status, onError]);
  useEffect(() => {
    analysePhoto();
  }, [analysePhoto, version, photoUrl]);
  // Redraw with a new threshold without estimating again.
  useEffect(() => {
    const c = canvas.current;
    if (source !== 'photo' || !c || !c.width) return;
    drawPoses(c, c.width, c.height, stats.poses, settings.minScore);
  }, [settings.minScore, source, stats.poses, canvas]);

  return { stats, resetStats, subscribe, analysePhoto };
}
