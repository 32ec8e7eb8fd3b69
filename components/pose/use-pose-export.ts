'use client';
// The Pose studio's exports: the head with its metadata (as before, importable back) plus one HTML
// page that runs MoveNet + the head anywhere offline (tf.min.js, pose-detection.min.js, MoveNet
// and the head inlined), in the language the studio is shown in.
import * as tf from '@tensorflow/tfjs';
import { strToU8 } from 'fflate';
import { useCallback } from 'react';

import { useLocale, useT } from '@/components/i18n/i18n-provider';
import { downloadFile } from '@/components/media/download';
import { classColor } from '@/components/ui';
import { captureArtifacts, zipFiles, type NamedBytes } from '@/lib/persist';
import {
  POSE_MODELS,
  makePoseModelMetadata,
  type Pose,
  type PoseModelName,
  type PoseNormalization,
} from '@/lib/pose';
import { exportTransferModelFiles, type HeadModel } from '@/lib/transfer';
import { standalonePosePage } from '@/lib/transfer';

import { MIN_POSE_SCORE } from './use-pose-recording';

async function text(url: string): Promise<string> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.text();
}

function joinWeights(data: tf.io.WeightData | undefined): Uint8Array {
  const list = data ? (Array.isArray(data) ? data : [data]) : [];
  const out = new Uint8Array(list.reduce((s, b) => s + b.byteLength, 0));
  let o = 0;
  for (const b of list) {
    out.set(new Uint8Array(b), o);
    o += b.byteLength;
  }
  return out;
}

/** `exportModel` (zip: head + metadata + page) and `exportPage` (the HTML file alone). */
export function usePoseExport(keypointModel: PoseModelName, normalization: PoseNormalization) {
  const t = useT();
  const { locale } = useLocale();

  /** The page, or null for PoseNet (the page runs MoveNet only). */
  const page = useCallback(
    async (m: HeadModel<Pose>, labels: string[]): Promise<string | null> => {
      if (keypointModel === 'posenet') return null;
      const url = POSE_MODELS[keypointModel].url;
      const [movenet, tfjs, poseDetection, head] = await Promise.all([
        tf.io.http(url).load!(),
        text('/vendor/tf.min.js'),
        text('/vendor/pose-detection.min.js'),
        captureArtifacts(m.model),
      ]);
      return standalonePosePage({
        lang: locale,
        texts: {
          title: labels.join(' · '),
          camera: t('teachx.page.camera'),
          picture: t('teachx.page.picture'),
          loading: t('teachx.page.loading'),
          noCamera: t('teachx.page.noCamera'),
          made: t('teachx.page.made'),
        },
        labels,
        colors: labels.map((_, i) => classColor(i)),
        tfjs,
        poseDetection,
        movenet: {
          modelJson: {
            modelTopology: movenet.modelTopology,
            format: movenet.format,
            signature: movenet.signature,
            weightsManifest: [{ paths: ['weights.bin'], weights: movenet.weightSpecs ?? [] }],
          },
          weights: joinWeights(movenet.weightData),
        },
        movenetType: keypointModel === 'movenet-thunder' ? 'SinglePose.Thunder' : 'SinglePose.Lightning',
        head: {
          modelTopology: head.modelTopology,
          weightSpecs: head.weightSpecs,
          weights: joinWeights(head.weightData),
        },
        minScore: normalization.minScore,
        minPoseScore: MIN_POSE_SCORE,
      });
    },
    [keypointModel, normalization, locale, t],
  );

  const exportModel = useCallback(
    async (m: HeadModel<Pose>, labels: string[]) => {
      const files: NamedBytes[] = await exportTransferModelFiles(
        m.model,
        makePoseModelMetadata({ labels, keypointModel, normalization }),
      );
      const html = await page(m, labels);
      return zipFiles(html ? [...files, { name: 'model.html', data: strToU8(html) }] : files);
    },
    [keypointModel, normalization, page],
  );

  const exportPage = useCallback(
    async (m: HeadModel<Pose>, labels: string[]) => {
      const html = await page(m, labels);
      if (html) downloadFile(strToU8(html), 'pose-model.html', 'text/html');
    },
    [page],
  );

  return { exportModel, exportPage, canExportPage: keypointModel !== 'posenet' };
}
