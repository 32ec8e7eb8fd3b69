'use client';
// The Pose studio: a live skeleton over the camera, a photo or a video (model switch, minimum
// confidence, FPS, keypoint scores), and below it the teachable pose classifier.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { Webcam, type WebcamHandle } from '@/components/media/webcam';
import { roundRate } from '@/components/teachable/rate-meter';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, ProgressBar, Slider } from '@/components/ui';
import {
  DEFAULT_MIN_SCORE,
  DEFAULT_POSE_MODEL,
  KEYPOINT_NAMES,
  POSENET_RESOLUTIONS,
  POSE_MODEL_NAMES,
  type Pose,
  type PoseModelName,
} from '@/lib/pose';
import { loadProject, saveProject } from '@/lib/persist';

import { drawPoses, scoreColor, sourceSize } from './draw';
import PoseTeach from './pose-teach';
import type { PoseFrame } from './types';
import { usePoseDetector } from './use-pose-detector';

type Source = 'camera' | 'photo' | 'video';

interface PoseSettings {
  model: PoseModelName;
  multiPose: boolean;
  inputResolution: number;
  minScore: number;
  mirror: boolean;
}

const SETTINGS_KEY = 'pose-settings';
const DEFAULT_SETTINGS: PoseSettings = {
  model: DEFAULT_POSE_MODEL,
  multiPose: false,
  inputResolution: 257,
  minScore: DEFAULT_MIN_SCORE,
  mirror: true,
};
/** React state is refreshed at most this often from the frame loop (the canvas every frame). */
const STATS_INTERVAL_MS = 250;

/** The whole Pose studio (client only). */
export default function PoseStudio() {
  const t = useT();
  const { name: backendName } = useBackend();
  const [settings, setSettings] = useState<PoseSettings>(DEFAULT_SETTINGS);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const { detector, status, error, version, progress } = usePoseDetector({
    ...settings,
    enabled: settingsLoaded,
  });

  const [source, setSource] = useState<Source>('camera');
  const webcam = useRef<WebcamHandle>(null);
  const [camReady, setCamReady] = useState(false);
  const [photoUrl, setPhotoUrl] = useState<string | null>(null);
  const [videoUrl, setVideoUrl] = useState<string | null>(null);
  const photo = useRef<HTMLImageElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const [stats, setStats] = useState<{ fps: number | null; ms: number | null; poses: Pose[] }>({
    fps: null,
    ms: null,
    poses: [],
  });
  const listeners = useRef(new Set<(f: PoseFrame) => void>());
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  // Shown over the picture (recording countdown) by the teach section.
  const [overlay, setOverlay] = useState<React.ReactNode>(null);

  // Settings survive a reload.
  useEffect(() => {
    loadProject<PoseSettings>(SETTINGS_KEY)
      .then((s) => s && setSettings({ ...DEFAULT_SETTINGS, ...s }))
      .catch(() => undefined)
      .finally(() => setSettingsLoaded(true));
  }, []);
  useEffect(() => {
    if (settingsLoaded) void saveProject(SETTINGS_KEY, settings).catch(() => undefined);
  }, [settings, settingsLoaded]);
  const update = useCallback((s: Partial<PoseSettings>) => setSettings((prev) => ({ ...prev, ...s })), []);

  const subscribe = useCallback((listener: (f: PoseFrame) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  /** The element the poses come from now, if it has a picture. */
  const currentSource = useCallback((): HTMLVideoElement | HTMLImageElement | null => {
    if (source === 'camera') return webcam.current?.ready() ? (webcam.current.video ?? null) : null;
    if (source === 'video') {
      const v = video.current;
      return v && v.readyState >= 2 && v.videoWidth > 0 ? v : null;
    }
    const p = photo.current;
    return p && p.complete && p.naturalWidth > 0 ? p : null;
  }, [source]);

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
    [currentSource, detector, source],
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
    void analyse(false, { last: 0, avg: 0 }).catch((e: unknown) =>
      setFileError(e instanceof Error ? e.message : String(e)),
    );
  }, [analyse, detector, source, status]);
  useEffect(() => {
    analysePhoto();
  }, [analysePhoto, version, photoUrl]);
  // Redraw with a new threshold without estimating again.
  useEffect(() => {
    const c = canvas.current;
    if (source !== 'photo' || !c || !c.width) return;
    drawPoses(c, c.width, c.height, stats.poses, settings.minScore);
  }, [settings.minScore, source, stats.poses]);

  const choosePhoto = useCallback(
    (files: File[]) => {
      const f = files[0];
      if (!f) return;
      setFileError(null);
      if (!f.type.startsWith('image/')) {
        setFileError(t('pose.fileNotImage', { name: f.name }));
        return;
      }
      setPhotoUrl((prev) => {
        if (prev) URL.revokeObjectURL(prev);
        return URL.createObjectURL(f);
      });
      setStats({ fps: null, ms: null, poses: [] });
    },
    [t],
  );

  const chooseVideo = useCallback(
    (files: File[]) => {
      const f = files[0];
      if (!f) return;
      setFileError(null);
      if (!f.type.startsWith('video/')) {
        setFileError(t('pose.fileNotVideo', { name: f.name }));
        return;
      }
      setVideoUrl((prev) => {
        if (prev) URL.revokeObjectURL(prev);
        return URL.createObjectURL(f);
      });
      setStats({ fps: null, ms: null, poses: [] });
    },
    [t],
  );

  useEffect(
    () => () => {
      if (photoUrl) URL.revokeObjectURL(photoUrl);
    },
    [photoUrl],
  );
  useEffect(
    () => () => {
      if (videoUrl) URL.revokeObjectURL(videoUrl);
    },
    [videoUrl],
  );

  // A still picture for the teach section: forget what MoveNet tracked before and after, so the
  // photo and the live view do not steer each other's crop.
  const detectStill = useCallback(
    async (picture: ImageBitmap) => {
      const d = detector.current;
      if (!d) return [];
      d.reset();
      try {
        return await d.estimatePoses(picture);
      } finally {
        d.reset();
      }
    },
    [detector],
  );

  const mirrored = source === 'camera' && settings.mirror;
  const canvasEl = (
    <canvas
      ref={canvas}
      data-testid="pose-canvas"
      aria-label={t('pose.skeletonAlt')}
      role="img"
      className={`pointer-events-none absolute inset-0 h-full w-full ${source === 'camera' ? 'object-cover' : 'object-contain'}`}
      style={mirrored ? { transform: 'scaleX(-1)' } : undefined}
    />
  );
  const top = stats.poses.length ? stats.poses.reduce((a, b) => (b.score > a.score ? b : a)) : null;
  const people = stats.poses.filter((p) => p.score >= settings.minScore).length;
  const modelLabel = t(`pose.model.${settings.model}`);

  return (
    <div className="space-y-6">
      {status === 'loading' && (
        <ProgressBar
          value={progress > 0 && progress < 1 ? progress : null}
          label={progress < 1 ? t('pose.loadingModel', { model: modelLabel }) : t('kids.modelWarmUp')}
        />
      )}
      {status === 'error' && <Alert kind="error">{t('pose.modelError', { message: error ?? '' })}</Alert>}
      {fileError && (
        <Alert kind="error" onDismiss={() => setFileError(null)} dismissLabel={t('ui.close')}>
          <span data-testid="pose-file-error">{fileError}</span>
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section
          className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
          aria-labelledby="pose-cam-title"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="pose-cam-title" className="text-lg font-semibold">
              {t('pose.cameraTitle')}
            </h2>
            <div className="flex gap-1" role="radiogroup" aria-label={t('pose.source')}>
              {(['camera', 'photo', 'video'] as const).map((s) => (
                <button
                  key={s}
                  type="button"
                  role="radio"
                  aria-checked={source === s}
                  data-testid={`source-${s}`}
                  onClick={() => {
                    setSource(s);
                    setStats({ fps: null, ms: null, poses: [] });
                  }}
                  className={`rounded-lg px-3 py-1 text-sm font-medium ${source === s ? 'bg-indigo-600 text-white' : 'bg-slate-100 text-slate-800 hover:bg-slate-200'}`}
                >
                  {t(`pose.source.${s}`)}
                </button>
              ))}
            </div>
          </div>

          {source === 'camera' && (
            <Webcam
              ref={webcam}
              mirror={settings.mirror}
              fallback={t('pose.cameraFallback')}
              onStatus={(s) => setCamReady(s === 'ready')}
            >
              {canvasEl}
              {overlay}
            </Webcam>
          )}
          {source === 'photo' && (
            <div className="space-y-2">
              <div className="relative aspect-[4/3] w-full overflow-hidden rounded-xl bg-slate-900">
                {photoUrl && (
                  // eslint-disable-next-line @next/next/no-img-element -- a local blob: URL, analysed at natural size
                  <img
                    ref={photo}
                    src={photoUrl}
                    alt=""
                    className="absolute inset-0 h-full w-full object-contain"
                    onLoad={analysePhoto}
                    onError={() => setFileError(t('pose.fileNotImage', { name: '' }))}
                  />
                )}
                {canvasEl}
              </div>
              <FileDrop
                accept="image/*"
                multiple={false}
                label={t('pose.uploadPhoto')}
                hint={t('pose.uploadPhotoHint')}
                onFiles={choosePhoto}
                inputTestId="pose-photo-input"
              />
            </div>
          )}
          {source === 'video' && (
            <div className="space-y-2">
              <div className="relative aspect-[4/3] w-full overflow-hidden rounded-xl bg-slate-900">
                {videoUrl && (
                  <video
                    ref={video}
                    src={videoUrl}
                    className="absolute inset-0 h-full w-full object-contain"
                    autoPlay
                    loop
                    muted
                    playsInline
                    controls
                    data-testid="pose-video"
                    onError={() => setFileError(t('pose.fileNotVideo', { name: '' }))}
                  />
                )}
                {canvasEl}
                {overlay}
              </div>
              <FileDrop
                accept="video/*"
                multiple={false}
                label={t('pose.uploadVideo')}
                hint={t('pose.uploadVideoHint')}
                onFiles={chooseVideo}
                inputTestId="pose-video-input"
              />
            </div>
          )}

          <div
            className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700"
            aria-live="polite"
          >
            <span data-testid="pose-score" title={t('pose.poseScoreHint')}>
              {top ? t('pose.poseScore', { score: Math.round(top.score * 100) }) : t('pose.noPerson')}
            </span>
            {settings.multiPose && settings.model === 'posenet' && (
              <span data-testid="pose-people">{t('pose.people', { count: people })}</span>
            )}
            {stats.fps !== null && (
              <span className="tabular-nums" data-testid="pose-fps">
                {t('pose.fps', { fps: roundRate(stats.fps) })}
              </span>
            )}
            {stats.ms !== null && (
              <span className="text-slate-500 tabular-nums">
                {t('pose.msPerFrame', { ms: Math.round(stats.ms) })}
              </span>
            )}
            {backendName && (
              <span className="text-xs text-slate-500">{t('pose.backend', { name: backendName })}</span>
            )}
          </div>
        </section>

        <section
          className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
          aria-label={t('pose.model')}
        >
          <label className="block space-y-1 text-sm">
            <span className="block font-medium text-slate-800">{t('pose.model')}</span>
            <select
              className="w-full rounded-lg border border-slate-300 px-2 py-1"
              value={settings.model}
              data-testid="pose-model"
              onChange={(e) => update({ model: e.target.value as PoseModelName })}
            >
              {POSE_MODEL_NAMES.map((m) => (
                <option key={m} value={m}>
                  {t(`pose.model.${m}`)}
                </option>
              ))}
            </select>
            <span className="block text-xs text-slate-500">{t('pose.modelHint')}</span>
          </label>
          {settings.model === 'posenet' && (
            <div className="space-y-3">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={settings.multiPose}
                  onChange={(e) => update({ multiPose: e.target.checked })}
                  data-testid="pose-multi"
                />
                {t('pose.multiPose')}
              </label>
              <label className="block space-y-1 text-sm">
                <span className="block font-medium text-slate-800">{t('pose.resolution')}</span>
                <select
                  className="w-full rounded-lg border border-slate-300 px-2 py-1"
                  value={settings.inputResolution}
                  onChange={(e) => update({ inputResolution: Number(e.target.value) })}
                >
                  {POSENET_RESOLUTIONS.map((r) => (
                    <option key={r} value={r}>
                      {r} × {r}
                    </option>
                  ))}
                </select>
                <span className="block text-xs text-slate-500">{t('pose.resolutionHint')}</span>
              </label>
            </div>
          )}
          <Slider
            label={t('pose.minScore')}
            value={settings.minScore}
            min={0}
            max={1}
            step={0.05}
            format={(v) => `${Math.round(v * 100)}%`}
            hint={t('pose.minScoreHint')}
            onChange={(v) => update({ minScore: Math.round(v * 100) / 100 })}
          />
          {source === 'camera' && (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={settings.mirror}
                onChange={(e) => update({ mirror: e.target.checked })}
              />
              {t('pose.mirror')}
            </label>
          )}
          <KeypointTable pose={top} minScore={settings.minScore} />
        </section>
      </div>

      <PoseTeach
        subscribe={subscribe}
        keypointModel={settings.model}
        onKeypointModel={(model) => update({ model })}
        minScore={settings.minScore}
        hasLiveSource={(source === 'camera' && camReady) || (source === 'video' && !!videoUrl)}
        detectorReady={status === 'ready'}
        setOverlay={setOverlay}
        detectStill={detectStill}
      />
    </div>
  );
}

/** The 17 keypoints of the best pose with a bar per confidence; hidden points greyed out. */
function KeypointTable({ pose, minScore }: { pose: Pose | null; minScore: number }) {
  const t = useT();
  const rows = useMemo(
    () => KEYPOINT_NAMES.map((name, i) => ({ name, score: pose?.keypoints[i]?.score ?? null })),
    [pose],
  );
  return (
    <table className="w-full text-sm" data-testid="keypoint-table">
      <caption className="mb-1 text-left font-medium">{t('pose.keypoints')}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t('pose.keypoint')}</th>
          <th scope="col">{t('pose.score')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, score }) => {
          const shown = score !== null && score >= minScore;
          return (
            <tr key={name} className={shown ? '' : 'text-slate-400'} data-testid={`kp-${name}`}>
              <th scope="row" className="py-0.5 pr-2 text-left font-normal whitespace-nowrap">
                {t(`pose.kp.${name}`)}
              </th>
              <td className="w-full py-0.5">
                <div className="flex items-center gap-2">
                  <div className="h-2 flex-1 overflow-hidden rounded bg-slate-100">
                    {score !== null && (
                      <div
                        className="h-full rounded"
                        style={{
                          width: `${Math.round(score * 100)}%`,
                          background: shown ? scoreColor(score) : '#cbd5e1',
                        }}
                      />
                    )}
                  </div>
                  <span className="w-16 text-right tabular-nums">
                    {score === null ? '—' : `${Math.round(score * 100)}%`}
                    {score !== null && !shown && <span className="sr-only"> {t('pose.hidden')}</span>}
                  </span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
