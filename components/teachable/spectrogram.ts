// Painting log-mel spectrograms on a canvas: the heat colours shared by a clip's preview and the
// Sound studio's live view.
import type { Spectrogram } from '@/lib/audio';

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
export function paintColumn(img: ImageData, x: number, frame: Float32Array, bins: number): void {
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
