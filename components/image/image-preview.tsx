'use client';
// The Image studio's preview: live predictions on the webcam (one per animation frame), a test
// picture, kids' mode, and the choice between the model trained here and a Teachable Machine one.
import { useCallback, useEffect, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import type { WebcamHandle } from '@/components/media/webcam';
import { ModelSourceToggle, PredictionPanel, createRateMeter } from '@/components/teachable';
import { Button, Card, classColor } from '@/components/ui';
import {
  predictTeachableMachine,
  type ImageFrame,
  type ImageInput,
  type TeachableMachineModel,
} from '@/lib/transfer';

import { decodeImageFile } from './capture';

/** Which model the preview uses. */
export type ImageModelSource = 'mine' | 'tm';

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
  tm: { model: TeachableMachineModel; labels: string[] } | null;
  source: ImageModelSource;
  onSource: (s: ImageModelSource) => void;
  /** No predictions while the model trains. */
  paused: boolean;
  /** A picture could not be used (translated). */
  onProblem: (text: string) => void;
}

function tmPredict(tm: TeachableMachineModel, image: ImageInput, mirror = false) {
  return predictTeachableMachine(tm, image, mirror);
}

/** The preview card. */
export function ImagePreview(props: ImagePreviewProps) {
  const { webcam, camReady, mirror, predict, hasMine, tm, source, paused } = props;
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
  const useTm = source === 'tm' && tm !== null;
  const hasModel = source === 'tm' ? tm !== null : hasMine;
  const labels = useTm ? tm.labels : props.labels;
  /** The model answering now: the imported one or the one trained here. */
  const current: unknown = useTm ? tm : hasMine ? props.mine : null;

  // Any change of model (trained, imported, restored, switched) clears the live answer.
  useEffect(() => setProbs(null), [source, tm, hasMine, props.mine]);

  // Live preview: one prediction per animation frame while a model and the camera are ready.
  useEffect(() => {
    if (!hasModel || !camReady || still) return;
    let raf = 0;
    let stopped = false;
    const rate = createRateMeter();
    const loop = async () => {
      if (stopped) return;
      const v = webcam.current?.video;
      if (v && webcam.current?.ready() && !paused) {
        const values = useTm ? await tmPredict(tm.model, v, mirror) : await predict({ image: v, mirror });
        if (stopped) return;
        if (values) {
          setProbs(values);
          setFps(rate());
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
      if ('problem' in decoded) {
        props.onProblem(t(`image.file.${decoded.problem}`, { name: f.name }));
        return null;
      }
      const bmp = decoded.bitmap;
      try {
        return useTm ? await tmPredict(tm.model, bmp) : await predict({ image: bmp });
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
  const panel = (p: number[] | null, withFps: boolean) => (
    <PredictionPanel
      labels={labels}
      probabilities={p}
      colors={colors}
      kidsMode={kidsMode}
      speak={speak}
      onKidsMode={setKidsMode}
      onSpeak={setSpeak}
      fps={withFps ? fps : undefined}
    />
  );
  return (
    <Card
      title={t('image.preview')}
      className="space-y-3"
      actions={
        tm && (
          <ModelSourceToggle
            value={source}
            label={t('image.modelSource')}
            options={[
              { id: 'mine', label: t('image.useMine') },
              { id: 'tm', label: t('image.useTm') },
            ]}
            onChange={props.onSource}
          />
        )
      }
    >
      {!hasModel && <p className="text-sm text-slate-500">{t('image.trainFirst')}</p>}
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
        hasModel && panel(probs && probs.length === labels.length ? probs : null, true)
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
