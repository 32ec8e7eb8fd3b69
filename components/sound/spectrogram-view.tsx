'use client';
// The scrolling live spectrogram of the microphone and its loudness meter (a clip's own picture is
// the teachable kit's SamplePreview).
import { useEffect, useRef } from 'react';

import type { MicrophoneCapture } from '@/components/media/microphone';
import { paintColumn } from '@/components/teachable/spectrogram';
import { StreamingLogMel } from '@/lib/audio';

/** How many frames (20 ms each) the live view shows: 6 seconds. */
const LIVE_FRAMES = 300;

/** The live scrolling spectrogram and a loudness meter of a running microphone. */
export function LiveSpectrogram({
  mic,
  active,
  label,
  levelLabel,
}: {
  mic: MicrophoneCapture;
  active: boolean;
  label: string;
  levelLabel: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const meter = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!active) return;
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const stream = new StreamingLogMel(1);
    const bins = stream.computer.config.numMelBins;
    c.width = LIVE_FRAMES;
    c.height = bins;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, LIVE_FRAMES, bins);
    const off = mic.onChunk((chunk) => {
      const frames = stream.push(chunk);
      const n = frames.length / bins;
      if (!n) return;
      // Scroll left by n pixels, then paint the new columns at the right edge.
      ctx.drawImage(c, -n, 0);
      const img = ctx.createImageData(n, bins);
      for (let t = 0; t < n; t++) paintColumn(img, t, frames.subarray(t * bins, (t + 1) * bins), bins);
      ctx.putImageData(img, LIVE_FRAMES - n, 0);
    });
    let raf = 0;
    const tick = () => {
      const db = mic.levelDb;
      const v = Number.isFinite(db) ? Math.max(0, Math.min(1, (db + 60) / 60)) : 0;
      if (meter.current) {
        meter.current.style.width = `${Math.round(v * 100)}%`;
        meter.current.parentElement?.setAttribute('aria-valuenow', String(Math.round(v * 100)));
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => {
      off();
      cancelAnimationFrame(raf);
    };
  }, [mic, active]);

  return (
    <div className="space-y-2">
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        data-testid="live-spectrogram"
        className="h-32 w-full rounded-lg bg-black [image-rendering:pixelated]"
      />
      <div className="flex items-center gap-2 text-sm text-slate-700">
        <span className="w-24">{levelLabel}</span>
        <div
          className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200"
          role="meter"
          aria-label={levelLabel}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={0}
          data-testid="level-meter"
        >
          <div
            ref={meter}
            className="h-full rounded-full bg-gradient-to-r from-emerald-500 via-amber-400 to-rose-500"
            style={{ width: '0%' }}
          />
        </div>
      </div>
    </div>
  );
}
