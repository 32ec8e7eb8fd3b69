'use client';
// The Pose studio's preview: the classifier's guess for the best pose of every analysed frame,
// from the model trained here or an imported one (with the keypoint model it was trained on).
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { readNamedBytes } from '@/components/media/download';
import { describeFileError } from '@/lib/files';
import {
  ModelSourceToggle,
  PredictionPanel,
  createRateMeter,
  noticeOf,
  type FilesNotice,
  type QuickModel,
} from '@/components/teachable';
import { Card, classColor } from '@/components/ui';
import { createPoseFeatureExtractor, readPoseModelMetadata, type Pose, type PoseModelName } from '@/lib/pose';
import { HeadModel, loadTransferModel } from '@/lib/transfer';

import type { PoseFrame, SubscribeFrames } from './types';
import { MIN_POSE_SCORE, bestPose } from './use-pose-recording';

/** Which model the preview uses: quick mode (kNN on the examples), the trained one or an imported one. */
export type PoseModelSource = 'quick' | 'mine' | 'imported';

/**
 * A pose model imported from files (it keeps its own normalisation); `importFiles` switches the
 * keypoint model to the one it was trained with and reports through `onNotice`.
 */
export function useImportedPoseModel(
  onKeypointModel: (m: PoseModelName) => void,
  onNotice: (n: FilesNotice) => void,
  onLoaded: () => void,
) {
  const t = useT();
  const [imported, setImported] = useState<HeadModel<Pose> | null>(null);
  useEffect(() => () => imported?.dispose(), [imported]);
  const importFiles = useCallback(
    async (files: File[]) => {
      try {
        const { model, metadata } = await loadTransferModel(await Promise.all(files.map(readNamedBytes)));
        let pose: ReturnType<typeof readPoseModelMetadata>;
        try {
          pose = readPoseModelMetadata(metadata);
        } catch (e) {
          model.dispose();
          throw e;
        }
        setImported(new HeadModel(createPoseFeatureExtractor(pose.normalization), model, metadata.labels));
        // The classifier learned from this model's keypoints, so use the same model.
        onKeypointModel(pose.keypointModel);
        onLoaded();
        const count = metadata.labels.length;
        const keypoints = pose.keypointModel;
        onNotice(
          noticeOf(
            'success',
            (tr) => tr('pose.modelImported', { count, model: tr(`pose.model.${keypoints}`) }),
            t,
          ),
        );
      } catch (e) {
        onNotice(noticeOf('error', (tr) => tr('pose.importError', { message: describeFileError(e, tr) }), t));
      }
    },
    [onKeypointModel, onLoaded, onNotice, t],
  );
  return { imported, importFiles };
}

/** Props for {@link PosePreview}. */
export interface PosePreviewProps {
  subscribe: SubscribeFrames;
  /** The model trained here. */
  predict: (pose: Pose) => Promise<number[] | null>;
  hasMine: boolean;
  labels: string[];
  /** Quick mode over the project's examples, and the class names it answers with. */
  quick: QuickModel<Pose>;
  quickLabels: string[];
  imported: HeadModel<Pose> | null;
  source: PoseModelSource;
  onSource: (s: PoseModelSource) => void;
  /** No predictions while training or adding photos. */
  paused: boolean;
}

/** The preview card: model choice, bars, kids' mode and speech. */
export function PosePreview({
  subscribe,
  predict: predictMine,
  hasMine,
  labels,
  quick,
  quickLabels,
  imported,
  source: chosen,
  onSource,
  paused,
}: PosePreviewProps) {
  const t = useT();
  const [probs, setProbs] = useState<number[] | null>(null);
  const [fps, setFps] = useState<number | null>(null);
  const [kidsMode, setKidsMode] = useState(false);
  const [speak, setSpeak] = useState(false);
  // A missing trained (or imported) model falls back to quick mode.
  const source: PoseModelSource =
    chosen === 'imported' && imported ? 'imported' : chosen === 'mine' && hasMine ? 'mine' : 'quick';
  const useImported = source === 'imported' && imported !== null;
  const hasModel = source === 'quick' ? quick.ready : true;
  const shown = useImported ? [...imported.labels] : source === 'quick' ? quickLabels : labels;
  const predict = source === 'quick' ? quick.predict : predictMine;

  const live = useRef({ useImported, imported, hasModel, paused, predict });
  live.current = { useImported, imported, hasModel, paused, predict };
  useEffect(() => setProbs(null), [source, imported]);

  // Classify the best pose of each analysed frame (one at a time, so slow backends never pile up).
  useEffect(() => {
    let predicting = false;
    const rate = createRateMeter();
    return subscribe((frame: PoseFrame) => {
      const L = live.current;
      if (!L.hasModel || L.paused || predicting) return;
      const pose = bestPose(frame.poses);
      if (!pose || pose.score < MIN_POSE_SCORE) {
        setProbs(null);
        return;
      }
      predicting = true;
      const p = L.useImported && L.imported ? L.imported.predict(pose) : L.predict(pose);
      void p
        .then((values) => {
          setProbs(values);
          if (values) setFps(rate());
        })
        .catch(() => setProbs(null))
        .finally(() => {
          predicting = false;
        });
    });
  }, [subscribe]);

  return (
    <Card
      title={t('pose.preview')}
      level={3}
      className="space-y-3"
      actions={
        <ModelSourceToggle
          value={source}
          label={t('teachx.sourceLabel')}
          options={[
            { id: 'quick', label: t('teachx.quick') },
            { id: 'mine', label: t('teachx.trained'), disabled: !hasMine },
            ...(imported ? [{ id: 'imported' as const, label: t('pose.useImported') }] : []),
          ]}
          onChange={onSource}
        />
      }
    >
      {source === 'quick' && (
        <p className="text-sm text-slate-500" data-testid="quick-note">
          {t(quick.ready ? 'teachx.quickNote' : 'teachx.addExamples')}
        </p>
      )}
      {hasModel ? (
        <PredictionPanel
          labels={shown}
          probabilities={probs && probs.length === shown.length ? probs : null}
          colors={shown.map((_, i) => classColor(i))}
          kidsMode={kidsMode}
          speak={speak}
          onKidsMode={setKidsMode}
          onSpeak={setSpeak}
          fps={fps}
        />
      ) : null}
    </Card>
  );
}
