'use client';
// DigitImage: draws a 28×28 grey image (values 0–1, white ink on black, or inverted) large and pixelated.
import { useEffect, useRef } from 'react';

/** Props for {@link DigitImage}. */
export interface DigitImageProps {
  pixels: ArrayLike<number> | null;
  /** CSS size in pixels. Defaults to 112 (4× MNIST). */
  size?: number;
  label: string;
  /** Diverging colours for weights: negative red, positive blue. */
  signed?: boolean;
  /** Width/height of the image. Defaults to 28. */
  side?: number;
  /** 'white' draws the ink black on white paper, as a person writes. Defaults to 'black' (as MNIST stores it). */
  paper?: 'black' | 'white';
  testId?: string;
}

/** Renders MNIST-style pixels (or signed weights) to a small canvas. */
export function DigitImage({
  pixels,
  size = 112,
  label,
  signed = false,
  side = 28,
  paper = 'black',
  testId,
}: DigitImageProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current?.getContext('2d');
    if (!c) return;
    const img = c.createImageData(side, side);
    let scale = 1;
    if (signed && pixels) {
      let m = 1e-9;
      for (let i = 0; i < side * side; i++) m = Math.max(m, Math.abs(pixels[i]));
      scale = 1 / m;
    }
    for (let i = 0; i < side * side; i++) {
      const v = pixels ? pixels[i] : 0;
      const o = i * 4;
      if (signed) {
        const s = Math.max(-1, Math.min(1, v * scale));
        img.data[o] = s < 0 ? 255 : Math.round(255 * (1 - s));
        img.data[o + 1] = Math.round(255 * (1 - Math.abs(s)));
        img.data[o + 2] = s > 0 ? 255 : Math.round(255 * (1 + s));
      } else {
        const ink = Math.max(0, Math.min(1, v));
        const g = Math.round((paper === 'white' ? 1 - ink : ink) * 255);
        img.data[o] = g;
        img.data[o + 1] = g;
        img.data[o + 2] = g;
      }
      img.data[o + 3] = 255;
    }
    c.putImageData(img, 0, 0);
  }, [pixels, signed, side, paper]);
  return (
    <canvas
      ref={ref}
      width={side}
      height={side}
      role="img"
      aria-label={label}
      title={paper === 'white' ? label : undefined}
      data-testid={testId}
      style={{ width: size, height: size, imageRendering: 'pixelated' }}
      className={`rounded border ${paper === 'white' ? 'border-slate-200 bg-white' : 'border-slate-300 bg-black'}`}
    />
  );
}
