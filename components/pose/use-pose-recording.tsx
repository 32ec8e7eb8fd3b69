'use client';
// Recording pose examples: a countdown, then about ten examples a second for a set time from the
// analysed frames (the best pose of each, with a skeleton thumbnail), and the big sign over the picture.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { newId } from '@/lib/ids';
import { normalizePose, type Pose, type PoseFeatureExtractor } from '@/lib/pose';
import type { ProjectSample } from '@/lib/transfer';

import { poseThumbnail } from './draw';
import type { PoseFrame, SubscribeFrames } from './types';

/** At most one example per this many milliseconds while recording (about 10 a second). */
const SAMPLE_INTERVAL_MS = 100;
/** A frame counts only if the model is at least this sure there is a person. */
export const MIN_POSE_SCORE = 0.25;

/** The most confident pose of a frame, or null. */
export function bestPose(poses: readonly Pose[]): Pose | null {
  return poses.length ? poses.reduce((a, b) => (b.score > a.score ? b : a)) : null;
}

/** A recording in progress. */
export interface PoseRecording {
  classId: string;
  phase: 'countdown' | 'recording';
  /** Whole seconds left in this phase, shown big over the picture. */
  left: number;
  count: number;
}

/** Options for {@link usePoseRecording}. */
export interface PoseRecordingOptions {
  subscribe: SubscribeFrames;
  extractor: PoseFeatureExtractor;
  minScore: number;
  addSamples: (classId: string, samples: ProjectSample[]) => void;
  setOverlay: (node: React.ReactNode) => void;
}

/** The recording clock (delay, duration), `start(classId)`, `stop()` and the live count. */
export function usePoseRecording({
  subscribe,
  extractor,
  minScore,
  addSamples,
  setOverlay,
}: PoseRecordingOptions) {
  const t = useT();
  const [delay, setDelay] = useState(3);
  const [duration, setDuration] = useState(5);
  const [recording, setRecording] = useState<PoseRecording | null>(null);
  // Everything the frame listener reads, kept current without re-subscribing.
  const live = useRef({ recording, minScore, addSamples });
  live.current = { recording, minScore, addSamples };
  // Recorded examples wait here in small groups, so the project (and its autosave) changes a few
  // times a second rather than on every frame.
  const pending = useRef<{ classId: string; sample: ProjectSample }[]>([]);
  const lastSampleAt = useRef(0);

  const flushPending = useCallback(() => {
    const byClass = new Map<string, ProjectSample[]>();
    for (const { classId, sample } of pending.current)
      byClass.set(classId, [...(byClass.get(classId) ?? []), sample]);
    pending.current = [];
    byClass.forEach((samples, classId) => live.current.addSamples(classId, samples));
  }, []);

  // Per analysed frame: keep an example while recording.
  useEffect(
    () =>
      subscribe((frame: PoseFrame) => {
        const L = live.current;
        const rec = L.recording;
        const pose = bestPose(frame.poses);
        if (rec?.phase !== 'recording' || !pose || pose.score < MIN_POSE_SCORE) return;
        const now = performance.now();
        if (now - lastSampleAt.current < SAMPLE_INTERVAL_MS) return;
        lastSampleAt.current = now;
        const feature = normalizePose(pose, extractor.normalization);
        if (!feature.some((v) => v !== 0)) return;
        setRecording((r) => (r ? { ...r, count: r.count + 1 } : r));
        // poseThumbnail copies the frame synchronously, before the video moves on; only the JPEG
        // encoding is asynchronous.
        const classId = rec.classId;
        void poseThumbnail(frame.source, frame.width, frame.height, pose, L.minScore, frame.mirrored)
          .catch(() => new Uint8Array(0))
          .then((bytes) => {
            pending.current.push({
              classId,
              sample: { id: newId(), feature, payload: { kind: 'picture', bytes, type: 'image/jpeg' } },
            });
            if (pending.current.length >= 10 || !live.current.recording) flushPending();
          });
      }),
    [subscribe, extractor, flushPending],
  );

  // The recording clock: countdown, then collect for `duration` seconds. stopRef ends it early.
  const stopRef = useRef<(() => void) | null>(null);
  const start = useCallback(
    (classId: string) => {
      pending.current = [];
      const t0 = performance.now();
      setRecording({
        classId,
        phase: delay > 0 ? 'countdown' : 'recording',
        left: delay > 0 ? delay : duration,
        count: 0,
      });
      const end = () => {
        window.clearInterval(id);
        stopRef.current = null;
        flushPending();
        setRecording(null);
      };
      const id = window.setInterval(() => {
        const s = (performance.now() - t0) / 1000;
        if (s < delay) {
          setRecording((r) => (r ? { ...r, phase: 'countdown', left: Math.ceil(delay - s) } : r));
        } else if (s < delay + duration) {
          setRecording((r) => (r ? { ...r, phase: 'recording', left: Math.ceil(delay + duration - s) } : r));
        } else {
          end();
        }
      }, 100);
      stopRef.current = end;
    },
    [delay, duration, flushPending],
  );
  const stop = useCallback(() => stopRef.current?.(), []);
  useEffect(() => () => stopRef.current?.(), []);

  // The big countdown / "hold the pose" sign over the picture.
  useEffect(() => {
    if (!recording) {
      setOverlay(null);
      return;
    }
    setOverlay(
      <div
        className={`pointer-events-none absolute inset-0 flex flex-col items-center justify-center text-white ${recording.phase === 'countdown' ? 'bg-black/40' : 'ring-8 ring-rose-500 ring-inset'}`}
        aria-live="assertive"
        data-testid="record-overlay"
      >
        <span className="text-7xl font-extrabold drop-shadow">{recording.left}</span>
        <span className="rounded-full bg-black/50 px-3 py-1 text-lg font-semibold">
          {recording.phase === 'countdown' ? t('pose.getReady') : t('pose.recordingNow')}
        </span>
      </div>,
    );
  }, [recording, setOverlay, t]);
  useEffect(() => () => setOverlay(null), [setOverlay]);

  return { recording, start, stop, delay, setDelay, duration, setDuration };
}
