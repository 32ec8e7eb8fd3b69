'use client';
// The Pose studio: a live skeleton over the camera, a photo or a video (model switch, minimum
// confidence, FPS, keypoint scores), and below it the teachable pose classifier.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { Webcam, type WebcamHandle } from '@/components/media/webcam';
import { useProjectLock } from '@/components/storage';
import { roundRate } from '@/components/teachable/rate-meter';
import type { MessageKey } from '@/lib/i18n';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, ProgressBar } from '@/components/ui';
import { poseSettingsSchema, readStored } from '@/lib/files';
import { loadProject, saveProject } from '@/lib/persist';

import { DEFAULT_SETTINGS, PoseSettingsPanel, type PoseSettings } from './pose-settings-panel';
import PoseTeach from './pose-teach';
import { usePoseDetector } from './use-pose-detector';
import { usePoseFrames, type PoseSource as Source } from './use-pose-frames';

const SETTINGS_KEY = 'pose-settings';

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

  // Shown over the picture (recording countdown) by the teach section.
  const [overlay, setOverlay] = useState<React.ReactNode>(null);

  // Settings survive a reload, read field by field (a damaged field falls back to its default).
  useEffect(() => {
    loadProject<unknown>(SETTINGS_KEY)
      .then((s) => s !== undefined && setSettings(readStored(poseSettingsSchema(DEFAULT_SETTINGS), s)))
      .catch(() => undefined)
      .finally(() => setSettingsLoaded(true));
  }, []);
  // Only the tab that holds the studio saves them (the teach section shows the note in a second tab).
  const canSave = useProjectLock(SETTINGS_KEY) === 'owner';
  useEffect(() => {
    if (settingsLoaded && canSave) void saveProject(SETTINGS_KEY, settings).catch(() => undefined);
  }, [settings, settingsLoaded, canSave]);
  const update = useCallback((s: Partial<PoseSettings>) => setSettings((prev) => ({ ...prev, ...s })), []);

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

  const { stats, resetStats, subscribe, analysePhoto } = usePoseFrames({
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
    onError: setFileError,
  });
  const choosePhoto = useFileUrl(
    setPhotoUrl,
    'image/',
    (name) => t('pose.fileNotImage', { name }),
    setFileError,
    resetStats,
  );
  const chooseVideo = useFileUrl(
    setVideoUrl,
    'video/',
    (name) => t('pose.fileNotVideo', { name }),
    setFileError,
    resetStats,
  );
  useEffect(() => () => void (photoUrl && URL.revokeObjectURL(photoUrl)), [photoUrl]);
  useEffect(() => () => void (videoUrl && URL.revokeObjectURL(videoUrl)), [videoUrl]);

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
                    resetStats();
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
              <span className="text-xs text-slate-500">
                {t('pose.backend', { name: t(`backend.kind.${backendName}` as MessageKey) })}
              </span>
            )}
          </div>
        </section>

        <PoseSettingsPanel
          settings={settings}
          onChange={update}
          showMirror={source === 'camera'}
          pose={top}
        />
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

/**
 * A FileDrop handler that swaps `setUrl`'s object URL for one of the first file, if its type starts
 * with `typePrefix`; otherwise it reports `notThisType(name)`.
 */
function useFileUrl(
  setUrl: React.Dispatch<React.SetStateAction<string | null>>,
  typePrefix: string,
  notThisType: (name: string) => string,
  setError: (message: string | null) => void,
  onChosen: () => void,
) {
  return useCallback(
    (files: File[]) => {
      const f = files[0];
      if (!f) return;
      setError(null);
      if (!f.type.startsWith(typePrefix)) {
        setError(notThisType(f.name));
        return;
      }
      setUrl((prev) => {
        if (prev) URL.revokeObjectURL(prev);
        return URL.createObjectURL(f);
      });
      onChosen();
    },
    [setUrl, typePrefix, notThisType, setError, onChosen],
  );
}
