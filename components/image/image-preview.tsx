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

import { decodeImageFile, imageProblemText } from './capture';

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
  /** Labels of the model trained here. */
  labels: string[];
  tm: { model: TeachableMachineModel; labels: string[] } | null;
  source: ImageModelSource;
  onSource: (s: ImageModelSource) => void;
  /** No predictions while the model trains. */
  paused: boolean;
  /** A picture could not be used (translated). */
  onProblem: (text: string) => void;
  backendName: string | null;
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
  const [still, setStill] = useState<{ url: string; probs: number[] } | null>(null);
  const [kidsMode, setKidsMode] = useState(false);
  const [speak, setSpeak] = useState(false);
  const useTm = source === 'tm' && tm !== null;
  const hasModel = source === 'tm' ? tm !== null : hasMine;
  const labels = useTm ? tm.labels : props.labels;

  useEffect(() => setProbs(null), [source, tm, hasMine]);

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

  const predictFile = useCallback(
    async (files: File[]) => {
      const f = files[0];
      if (!f) return;
      const decoded = await decodeImageFile(f);
      if (!('bitmap' in decoded)) return props.onProblem(imageProblemText(decoded, f.name, t));
      const bmp = decoded.bitmap;
      const values = useTm ? await tmPredict(tm.model, bmp) : await predict({ image: bmp });
      bmp.close();
      if (!values) return;
      setStill((prev) => {
        if (prev) URL.revokeObjectURL(prev.url);
        return { url: URL.createObjectURL(f), probs: values };
      });
    },
    [useTm, tm, predict, props, t],
  );

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
          {panel(still.probs, false)}
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
      {props.backendName && (
        <p className="text-xs text-slate-500">{t('image.backendNote', { name: props.backendName })}</p>
      )}
    </Card>
  );
}
