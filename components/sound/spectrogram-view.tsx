'use client';
// Spectrogram pictures: a scrolling live view of the microphone and small pictures of examples.
import { useEffect, useRef } from 'react';

import { LogMelComputer, StreamingLogMel, type Spectrogram } from '@/lib/audio';
import type { MicrophoneCapture } from '@/components/media/microphone';

/** Log-mel values (natural log of energy) shown from black (quiet) to white (loud). */
const LOW = Math.log(1e-6);
const HIGH = Math.log(0.05);

/** A heat colour for v in [0, 1]: black → purple → orange → yellow-white. */
function heat(v: number): [number, number, number] {
  const x = Math.max(0, Math.min(1, v));
  return [
    Math.round(255 * Math.min(1, x * 1.6)),
    Math.round(255 * Math.max(0, x * 1.4 - 0.4)),
    Math.round(255 * (x < 0.5 ? x * 1.2 : Math.max(0, (x - 0.75) * 4))),
  ];
}

function level(logMel: number): number {
  return (logMel - LOW) / (HIGH - LOW);
}

/** Paints one frame (bins low→high) as a column at x, low pitches at the bottom. */
function paintColumn(img: ImageData, x: number, frame: Float32Array, bins: number): void {
  for (let b = 0; b < bins; b++) {
    const [r, g, bl] = heat(level(frame[b]!));
    const y = bins - 1 - b;
    const o = (y * img.width + x) * 4;
    img.data[o] = r;
    img.data[o + 1] = g;
    img.data[o + 2] = bl;
    img.data[o + 3] = 255;
  }
}

/** Draws a whole spectrogram into a canvas of frames × bins pixels (CSS scales it). */
export function drawSpectrogram(canvas: HTMLCanvasElement, spec: Spectrogram): void {
  canvas.width = spec.frames;
  canvas.height = spec.bins;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(spec.frames, spec.bins);
  for (let t = 0; t < spec.frames; t++)
    paintColumn(img, t, spec.data.subarray(t * spec.bins, (t + 1) * spec.bins), spec.bins);
  ctx.putImageData(img, 0, 0);
}

let thumbComputer: LogMelComputer | null = null;

/** A small picture of one example's spectrogram. */
export function ExampleSpectrogram({ samples, label }: { samples: Float32Array; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    thumbComputer ??= new LogMelComputer();
    if (ref.current) drawSpectrogram(ref.current, thumbComputer.compute(samples));
  }, [samples]);
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      className="h-10 w-12 rounded [image-rendering:pixelated]"
    />
  );
}

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
