'use client';
// The preview slot of one example in a ClassCard, by payload: a picture thumbnail, or a sound
// clip's spectrogram with a play button. Each has its own delete button.
import { memo, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { playSamples } from '@/components/media/audio-file';
import { LogMelComputer } from '@/lib/audio';
import type { ClipPayload, PicturePayload, ProjectSample } from '@/lib/transfer/project';

import { drawSpectrogram } from './spectrogram';

/** Props shared by every preview. */
interface PreviewProps {
  sample: ProjectSample;
  /** 1-based position in its class, and the class name (for accessible names). */
  n: number;
  className: string;
  onDelete: () => void;
  disabled?: boolean;
}

/** A thumbnail from stored bytes; its object URL is revoked when it leaves the page. */
function PicturePreview({ payload, onDelete, disabled }: PreviewProps & { payload: PicturePayload }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!payload.bytes.length) return;
    const u = URL.createObjectURL(new Blob([new Uint8Array(payload.bytes)], { type: payload.type }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [payload.bytes, payload.type]);
  return (
    <li className="group relative h-14 w-14 shrink-0 overflow-hidden rounded-md bg-slate-200 pointer-coarse:h-24 pointer-coarse:w-24">
      {url && (
        // eslint-disable-next-line @next/next/no-img-element -- a local blob: URL, nothing to optimise
        <img src={url} alt="" className="h-full w-full object-cover" />
      )}
      <button
        type="button"
        disabled={disabled}
        onClick={onDelete}
        aria-label={t('teach.deleteSample')}
        // Touch screens have no hover: there the × is always shown, at finger size (44 px).
        className="absolute top-0 right-0 flex h-5 w-5 items-center justify-center rounded-bl-md bg-black/60 text-xs text-white opacity-0 group-hover:opacity-100 focus:opacity-100 pointer-coarse:h-11 pointer-coarse:w-11 pointer-coarse:text-lg pointer-coarse:opacity-100"
      >
        ×
      </button>
    </li>
  );
}

let thumbComputer: LogMelComputer | null = null;

/** A clip: a small picture of its spectrogram, a play button and a delete button. */
function ClipPreview({ payload, n, className, onDelete, disabled }: PreviewProps & { payload: ClipPayload }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    thumbComputer ??= new LogMelComputer();
    if (canvas.current && payload.sampleRate === thumbComputer.config.sampleRate)
      drawSpectrogram(canvas.current, thumbComputer.compute(payload.samples));
  }, [payload.samples, payload.sampleRate]);
  const play = t('sound.example.play', { n, cls: className });
  return (
    <li
      className="flex items-center gap-1 rounded-lg border border-slate-200 bg-slate-50 p-1"
      data-testid="sound-example"
      title={payload.file ? t('sound.example.fromFile', { name: payload.file }) : undefined}
    >
      <canvas
        ref={canvas}
        role="img"
        aria-label={play}
        className="h-10 w-12 rounded [image-rendering:pixelated]"
      />
      <button
        type="button"
        onClick={() => void playSamples(payload.samples, payload.sampleRate)}
        aria-label={play}
        className="rounded px-1.5 text-lg leading-none text-indigo-700 hover:bg-indigo-100"
      >
        ▶
      </button>
      <button
        type="button"
        onClick={onDelete}
        disabled={disabled}
        aria-label={t('sound.example.delete', { n, cls: className })}
        className="rounded px-1.5 text-lg leading-none text-rose-700 hover:bg-rose-100 disabled:text-slate-300"
      >
        ×
      </button>
    </li>
  );
}

/** The preview of any example; memoised so a class of 1,000 examples re-renders only what changed. */
export const SamplePreview = memo(function SamplePreview(props: PreviewProps) {
  const p = props.sample.payload;
  return p.kind === 'clip' ? (
    <ClipPreview {...props} payload={p} />
  ) : (
    <PicturePreview {...props} payload={p} />
  );
});
