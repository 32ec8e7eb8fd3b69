'use client';
// ImageSource: pick a picture by file, camera snapshot, or a built-in; shows a thumbnail of the choice.
import { useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { FileDrop } from '@/components/media/file-drop';
import { Webcam, type WebcamHandle } from '@/components/media/webcam';
import { Alert, Button } from '@/components/ui';
import { FileError } from '@/lib/files';
import type { MessageKey } from '@/lib/i18n';
import { BUILTIN_IMAGES, type BuiltinImageId } from '@/lib/vision';

import { builtinCanvas, loadImageFile, resizeCanvas, type PickedImage } from './canvas-utils';

/** Props for {@link ImageSource}. */
export interface ImageSourceProps {
  title: string;
  value: PickedImage | null;
  onChange: (img: PickedImage) => void;
  builtins: readonly BuiltinImageId[];
  disabled?: boolean;
  /** Prefix of data-testids (file input, thumbnail, buttons). */
  testId: string;
}

/** A picture chooser with three ways in: upload, camera, built-in. */
export function ImageSource({ title, value, onChange, builtins, disabled, testId }: ImageSourceProps) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const [cameraOk, setCameraOk] = useState(false);
  const cam = useRef<WebcamHandle>(null);
  const thumb = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const c = thumb.current;
    if (!c || !value) return;
    const k = Math.min(1, 240 / Math.max(value.canvas.width, value.canvas.height));
    c.width = Math.round(value.canvas.width * k);
    c.height = Math.round(value.canvas.height * k);
    c.getContext('2d')?.drawImage(value.canvas, 0, 0, c.width, c.height);
  }, [value]);

  const onFiles = async (files: File[]) => {
    setError(null);
    try {
      onChange(await loadImageFile(files[0]));
    } catch (e) {
      setError(
        e instanceof FileError && e.key !== 'files.image.notImage'
          ? e.text(t)
          : t('dream.source.badFile', { name: files[0].name }),
      );
    }
  };

  const snap = () => {
    const v = cam.current?.video;
    if (!v || !cam.current?.ready()) return;
    // Mirror like the preview, so the photo looks the way the child saw it.
    const c = resizeCanvas(v, v.videoWidth, v.videoHeight);
    const m = document.createElement('canvas');
    m.width = c.width;
    m.height = c.height;
    const ctx = m.getContext('2d');
    if (!ctx) return;
    ctx.translate(m.width, 0);
    ctx.scale(-1, 1);
    ctx.drawImage(c, 0, 0);
    onChange({ canvas: m, name: 'camera' });
    setCamera(false);
  };

  const builtin = value?.builtin ? BUILTIN_IMAGES.find((b) => b.id === value.builtin) : undefined;

  return (
    <fieldset className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4" disabled={disabled}>
      <legend className="px-1 font-semibold">{title}</legend>
      <div className="flex min-h-24 items-center justify-center rounded-xl bg-slate-100">
        {value ? (
          <canvas
            ref={thumb}
            data-testid={`${testId}-thumb`}
            aria-label={value.name}
            className="max-h-48 max-w-full rounded-lg"
          />
        ) : (
          <p className="p-4 text-sm text-slate-500">{t('dream.source.none')}</p>
        )}
      </div>
      {builtin && (
        <p className="text-xs text-slate-500">
          {t('dream.source.builtinSource', { source: builtin.source })}
        </p>
      )}
      <FileDrop
        accept="image/*"
        multiple={false}
        label={t('dream.source.upload')}
        hint={t('dream.source.hint')}
        disabled={disabled}
        onFiles={(f) => void onFiles(f)}
        inputTestId={`${testId}-file`}
      />
      {error && (
        <Alert kind="error" onDismiss={() => setError(null)} dismissLabel="×">
          {error}
        </Alert>
      )}
      {camera ? (
        <div className="space-y-2">
          <Webcam
            ref={cam}
            mirror
            autoStart
            fallback={t('dream.cameraFallback')}
            onStatus={(s) => setCameraOk(s === 'ready')}
          />
          <div className="flex flex-wrap gap-2">
            <Button onClick={snap} disabled={!cameraOk} data-testid={`${testId}-snap`}>
              {t('dream.source.snap')}
            </Button>
            <Button variant="secondary" onClick={() => setCamera(false)}>
              {t('dream.source.closeCamera')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setCamera(true)} data-testid={`${testId}-camera`}>
          {t('dream.source.camera')}
        </Button>
      )}
      <div className="space-y-2">
        <p className="text-sm text-slate-700">{t('dream.source.builtin')}</p>
        <div className="flex flex-wrap gap-2">
          {builtins.map((id) => (
            <Button
              key={id}
              size="sm"
              variant={value?.builtin === id ? 'primary' : 'secondary'}
              aria-pressed={value?.builtin === id}
              data-testid={`${testId}-builtin-${id}`}
              onClick={() => void builtinCanvas(id).then(onChange)}
            >
              {t(`dream.img.${id}` as MessageKey)}
            </Button>
          ))}
        </div>
      </div>
    </fieldset>
  );
}
