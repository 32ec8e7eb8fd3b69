'use client';
// DrawingCanvas: draw with mouse, finger or pen in thick round strokes; undo the last stroke; clear.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef } from 'react';

type Point = { x: number; y: number };

/** What a parent can do with the canvas through its ref. */
export interface DrawingCanvasHandle {
  clear: () => void;
  undo: () => void;
  /** True when nothing is drawn. */
  isEmpty: () => boolean;
  /** The drawing as RGBA pixels (dark ink on a white background). */
  getImageData: () => ImageData | null;
  /** Replaces the drawing with an image (e.g. an example digit); it counts as one stroke for undo. */
  drawImage: (source: CanvasImageSource) => void;
}

/** Props for {@link DrawingCanvas}. */
export interface DrawingCanvasProps {
  /** Pixel size of the square drawing surface. Defaults to 280. */
  size?: number;
  /** Stroke width in canvas pixels. Defaults to size / 14 (like a marker on paper). */
  lineWidth?: number;
  /** Accessible name. */
  label: string;
  /** Called while drawing (at most once per animation frame) and when a stroke ends or is undone. */
  onChange?: (reason: 'drawing' | 'stroke-end' | 'undo' | 'clear') => void;
}

/** A square canvas for handwriting. Touch scrolling is disabled on it so a finger draws instead. */
export const DrawingCanvas = forwardRef<DrawingCanvasHandle, DrawingCanvasProps>(function DrawingCanvas(
  { size = 280, lineWidth, label, onChange },
  ref,
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<(Point[] | CanvasImageSource)[]>([]);
  const current = useRef<Point[] | null>(null);
  const frame = useRef<number | null>(null);
  const width = lineWidth ?? Math.round(size / 14);

  const ctx = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const drawStroke = useCallback(
    (c: CanvasRenderingContext2D, s: Point[] | CanvasImageSource) => {
      if (!Array.isArray(s)) {
        c.drawImage(s, 0, 0, size, size);
        return;
      }
      c.strokeStyle = '#000';
      c.fillStyle = '#000';
      c.lineWidth = width;
      c.lineCap = 'round';
      c.lineJoin = 'round';
      if (s.length === 1) {
        c.beginPath();
        c.arc(s[0].x, s[0].y, width / 2, 0, Math.PI * 2);
        c.fill();
        return;
      }
      c.beginPath();
      c.moveTo(s[0].x, s[0].y);
      for (const p of s.slice(1)) c.lineTo(p.x, p.y);
      c.stroke();
    },
    [size, width],
  );

  const redraw = useCallback(() => {
    const c = ctx();
    if (!c) return;
    c.fillStyle = '#fff';
    c.fillRect(0, 0, size, size);
    for (const s of strokes.current) drawStroke(c, s);
    if (current.current) drawStroke(c, current.current);
  }, [drawStroke, size]);

  useEffect(() => {
    redraw();
    return () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [redraw]);

  useImperativeHandle(
    ref,
    () => ({
      clear: () => {
        strokes.current = [];
        current.current = null;
        redraw();
        onChange?.('clear');
      },
      undo: () => {
        strokes.current.pop();
        redraw();
        onChange?.('undo');
      },
      isEmpty: () => strokes.current.length === 0 && !current.current,
      getImageData: () => ctx()?.getImageData(0, 0, size, size) ?? null,
      drawImage: (source) => {
        strokes.current = [source];
        redraw();
        onChange?.('stroke-end');
      },
    }),
    [onChange, redraw, size],
  );

  const toPoint = (e: React.PointerEvent<HTMLCanvasElement>): Point => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * size, y: ((e.clientY - rect.top) / rect.height) * size };
  };

  const scheduleChange = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      onChange?.('drawing');
    });
  };

  return (
    <canvas
      ref={canvas}
      width={size}
      height={size}
      role="img"
      aria-label={label}
      data-testid="drawing-canvas"
      className="aspect-square w-full max-w-[280px] cursor-crosshair touch-none rounded-xl border-2 border-slate-300 bg-white shadow-inner select-none"
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        current.current = [toPoint(e)];
        redraw();
      }}
      onPointerMove={(e) => {
        if (!current.current) return;
        const c = ctx();
        const p = toPoint(e);
        const prev = current.current[current.current.length - 1];
        current.current.push(p);
        if (c) drawStroke(c, [prev, p]);
        scheduleChange();
      }}
      onPointerUp={() => {
        if (!current.current) return;
        strokes.current.push(current.current);
        current.current = null;
        redraw();
        onChange?.('stroke-end');
      }}
      onPointerCancel={() => {
        current.current = null;
        redraw();
      }}
    />
  );
});
