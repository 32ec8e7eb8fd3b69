'use client';
// The Image studio's preview: live predictions on the webcam (one per animation frame), a test
// picture, kids' mode, and the choice between quick mode (nearest examples, live from the first
// example), the model trained here and a Teachable Machine one.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import type { WebcamHandle } from '@/components/media/webcam';
import { ModelSourceToggle, PredictionPanel, createRateMeter, type QuickModel } from '@/components/teachable';
import { Button, Card, classColor } from '@/components/ui';
import type { ImageFrame } from '@/lib/transfer';

import { decodeImageFile, imageProblemText } from './capture';
import type { ImportedImageModel } from './use-teachable-machine';

/** Which model the preview uses: quick mode (kNN), the trained model, or Teachable Machine's. */
export type ImageModelSource = 'quick' | 'mine' | 'tm';

/** Props for {@link ImagePreview}. */
export interface ImagePreviewProps {
  webcam: React.RefObject<WebcamHandle | null>;
  camReady: boolean;
  mirror: boolean;
  /** The model trained here (null while there is none). */
  predict: (frame: ImageFrame) => Promise<number[] | null>;
  hasMine: boolean;
  /** The model trained here (its identity changes whenever it is replaced). */
  mine: unknown;
  /** Labels of the model trained here. */
  labels: string[];
  /** Quick mode over the project's examples, and the class names it answers with. */
  quick: QuickModel<ImageFrame>;
  quickLabels: string[];
  /** An imported model (Teachable Machine's, or one of this studio's own exports). */
  tm: ImportedImageModel | null;
  source: ImageModelSource;
  onSource: (s: ImageModelSource) => void;
  /** No predictions while the model trains. */
  paused: boolean;
  /** A picture could not be used (translated). */
  onProblem: (text: string) => void;
}

/** A small copy of the camera picture beside the answer (the same stream; nothing new is opened). */
function LiveView({ webcam, mirror }: { webcam: React.RefObject<WebcamHandle | null>; mirror: boolean }) {
  const view = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const v = view.current;
    const stream = webcam.current?.video?.srcObject ?? null;
    if (!v || !stream) return;
    v.srcObject = stream;
    void v.play().catch(() => undefined);
    return () => {
      v.srcObject = null;
    };
  }, [webcam]);
  return (
    <video
      ref={view}
      muted
      playsInline
      aria-hidden="true"
      className="w-32 shrink-0 rounded-lg bg-slate-900 sm:w-40"
      style={mirror ? { transform: 'scaleX(-1)' } : undefined}
    />
  );
}

/** The preview card. */
export function ImagePreview(props: ImagePreviewProps) {
  const { webcam, camReady, mirror, hasMine, tm, paused, quick } = props;
  const t = useT();
  const [probs, setProbs] = useState<number[] | null>(null);
  const [fps, setFps] = useState<number | null>(null);
  // A test picture and its probabilities, with the model they came from (see the effect below).
  const [still, setStill] = useState<{
    url: string;
    file: File;
    probs: number[] | null;
    model: unknown;
  } | null>(null);
  const [kidsMode, setKidsMode] = useState(false);
  const [speak, setSpeak] = useState(false);
  // The source in use: a missing trained (or imported) model falls back to quick mode.
  const source: ImageModelSource =
    props.source === 'tm' && tm ? 'tm' : props.source === 'mine' && hasMine ? 'mine' : 'quick';
  const useTm = source === 'tm' && tm !== null;
  const hasModel = source === 'quick' ? quick.ready : true;
  const labels = useTm ? tm.labels : source === 'quick' ? props.quickLabels : props.labels;
  const predict = source === 'quick' ? quick.predict : props.predict;
  /** The model answering now (quick mode counts as one model; an import or a new training is another). */
  const current: unknown = useTm ? tm : source === 'quick' ? 'quick' : hasMine ? props.mine : null;

  // Any change of model (trained, imported, restored, switched) clears the live answer.
  useEffect(() => setProbs(null), [source, tm, hasMine, props.mine]);

  // Live preview: one prediction per animation frame while a model exists. The camera is checked on
  // every frame (not only when it reported "ready"), so predictions follow the live video as soon as
  // a model exists; a failed prediction (a model replaced mid-frame) never stops the loop.
  useEffect(() => {
    if (!hasModel || still) return;
    let raf = 0;
    let stopped = false;
    const rate = createRateMeter();
    const loop = async () => {
      if (stopped) return;
      const v = webcam.current?.video;
      if (v && webcam.current?.ready() && !paused) {
        try {
          const values = useTm ? await tm.predict(v, mirror) : await predict({ image: v, mirror });
          if (stopped) return;
          if (values) {
            setProbs(values);
            setFps(rate());
          }
        } catch {
          // The next frame tries again with whatever model is current.
        }
      }
      raf = requestAnimationFrame(() => void loop());
    };
    raf = requestAnimationFrame(() => void loop());
    return () => {
      stopped = true;
      cancelAnimationFrame(raf);
    };
  }, [hasModel, camReady, still, paused, useTm, tm, mirror, predict, webcam]);

  /** Probabilities of a picture file on the model in use, or null (the problem is reported). */
  const classifyFile = useCallback(
    async (f: File): Promise<number[] | null> => {
      const decoded = await decodeImageFile(f);
      if (!('bitmap' in decoded)) {
        props.onProblem(imageProblemText(decoded, f.name, t));
        return null;
      }
      const bmp = decoded.bitmap;
      try {
        return useTm ? await tm.predict(bmp) : await predict({ image: bmp });
      } finally {
        bmp.close();
      }
    },
    [useTm, tm, predict, props, t],
  );

  const predictFile = useCallback(
    async (files: File[]) => {
      const f = files[0];
      if (!f) return;
      const values = await classifyFile(f);
      if (!values) return;
      setStill((prev) => {
        if (prev) URL.revokeObjectURL(prev.url);
        return { url: URL.createObjectURL(f), file: f, probs: values, model: current };
      });
    },
    [classifyFile, current],
  );

  // The test picture's answer belongs to the model that made it: when the model changes (another
  // import, a new training, switching source) it is recomputed, never shown under new labels.
  const stale = still !== null && still.model !== current;
  const stillFile = still?.file;
  useEffect(() => {
    if (!stale || !stillFile) return;
    const model = current;
    setStill((prev) => (prev ? { ...prev, probs: null, model } : prev));
    if (model === null) return;
    void classifyFile(stillFile).then((values) =>
      // Kept only if neither the picture nor the model changed meanwhile.
      setStill((prev) =>
        prev?.file === stillFile && prev.model === model ? { ...prev, probs: values } : prev,
      ),
    );
  }, [stale, stillFile, classifyFile, current]);

  const colors = labels.map((_, i) => classColor(i));
  const panel = (p: number[] | null, withFps: boolean, camOn = false) => (
    <PredictionPanel
      labels={labels}
      probabilities={p}
      colors={colors}
      kidsMode={kidsMode}
      speak={speak}
      onKidsMode={setKidsMode}
      onSpeak={setSpeak}
      fps={withFps ? fps : undefined}
      waiting={camOn ? t('teachx.thinking') : undefined}
    />
  );
  return (
    <Card
      title={t('image.preview')}
      className="space-y-3"
      actions={
        <ModelSourceToggle
          value={source}
          label={t('teachx.sourceLabel')}
          options={[
            { id: 'quick', label: t('teachx.quick') },
            { id: 'mine', label: t('teachx.trained'), disabled: !hasMine },
            ...(tm
              ? [{ id: 'tm' as const, label: t(tm.kind === 'tm' ? 'image.useTm' : 'teachx.importedModel') }]
              : []),
          ]}
          onChange={props.onSource}
        />
      }
    >
      {source === 'quick' && (
        <p className="text-sm text-slate-500" data-testid="quick-note">
          {t(quick.ready ? 'teachx.quickNote' : 'teachx.addExamples')}
        </p>
      )}
      {still ? (
        <div className="space-y-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: URL */}
          <img src={still.url} alt={t('image.uploadedPicture')} className="max-h-48 rounded-lg" />
          {panel(still.probs && still.probs.length === labels.length ? still.probs : null, false)}
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              URL.revokeObjectURL(still.url);
              setStill(null);
            }}
          >
            {t('image.backToWebcam')}
          </Button>
        </div>
      ) : (
        hasModel && (
          <div className="flex flex-wrap items-start gap-3">
            {camReady && <LiveView webcam={webcam} mirror={mirror} />}
            <div className="min-w-48 flex-1">
              {panel(probs && probs.length === labels.length ? probs : null, true, camReady)}
            </div>
          </div>
        )
      )}
      {hasModel && (
        <FileDrop
          accept="image/*"
          multiple={false}
          label={t('image.predictFile')}
          onFiles={(f) => void predictFile(f)}
          inputTestId="predict-file"
        />
      )}
    </Card>
  );
}
