'use client';
// The Image studio's exports: one standalone model (backbone + pooling + head fused into one tfjs
// graph, with the preprocessing inside) with metadata.json and a README, and a single HTML page
// that runs it anywhere offline, in the language the studio is shown in.
import * as tf from '@tensorflow/tfjs';
import { strToU8 } from 'fflate';
import { useCallback } from 'react';

import { useLocale, useT } from '@/components/i18n/i18n-provider';
import { downloadFile } from '@/components/media/download';
import { classColor } from '@/components/ui';
import { zipFiles } from '@/lib/persist';
import {
  CENTERNET_MODEL_URL,
  type HeadModel,
  type ImageFeatureExtractor,
  type ImageFrame,
} from '@/lib/transfer';
import { buildStandaloneImageExport, standaloneImageFiles } from '@/lib/transfer';
import { standaloneImagePage } from '@/lib/transfer';

/** Where tf.min.js is served (copied by scripts/copy-models.mjs; only read to inline into pages). */
export const VENDOR_TFJS_URL = '/vendor/tf.min.js';

/** `exportModel` (the zip) and `exportPage` (the HTML file alone) for a trained image model. */
export function useImageExport(extractor: ImageFeatureExtractor | null) {
  const t = useT();
  const { locale } = useLocale();

  const build = useCallback(
    async (m: HeadModel<ImageFrame>, labels: string[]) => {
      if (!extractor) throw new Error(t('image.loadingModel'));
      const [backbone, tfjs] = await Promise.all([
        tf.io.http(CENTERNET_MODEL_URL).load!(),
        fetch(VENDOR_TFJS_URL).then((r) => {
          if (!r.ok) throw new Error(`${VENDOR_TFJS_URL}: ${r.status}`);
          return r.text();
        }),
      ]);
      const { model, meta } = buildStandaloneImageExport({
        backbone,
        head: m.model,
        labels,
        extractor: extractor.name,
        spec: extractor.spec,
        inputSize: extractor.inputSize,
      });
      const html = standaloneImagePage({
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
        model,
        tfjs,
      });
      return { files: standaloneImageFiles(model, meta, html), html };
    },
    [extractor, locale, t],
  );

  const exportModel = useCallback(
    async (m: HeadModel<ImageFrame>, labels: string[]) => zipFiles((await build(m, labels)).files),
    [build],
  );

  const exportPage = useCallback(
    async (m: HeadModel<ImageFrame>, labels: string[]) => {
      const { html } = await build(m, labels);
      downloadFile(strToU8(html), 'image-model.html', 'text/html');
    },
    [build],
  );

  return { exportModel, exportPage };
}
