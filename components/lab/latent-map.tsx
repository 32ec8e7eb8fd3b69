'use client';
// LatentMap: the autoencoder labs' 2-D code map: one dot per example, a marker at the walked point,
// and a click that moves the marker there. Points outside the box are drawn on its edge.
import { useEffect, useRef, type ReactNode } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import type { MapBounds } from '@/lib/lab';

/** One legend entry under the map. */
export interface LatentMapLegendItem {
  color: string;
  text: string;
}

/** Props for {@link LatentMap}. */
export interface LatentMapProps {
  points: readonly [number, number][];
  bounds: MapBounds;
  /** CSS colour of point `i`. */
  colorOf: (i: number) => string;
  /** Marker position, each axis -1 … 1 across the box. */
  walk: [number, number];
  onWalk: (next: [number, number]) => void;
  label: string;
  testId: string;
  legend: readonly LatentMapLegendItem[];
}

const SIZE = 280;

/** A clickable canvas map of codes with its colour legend. */
export function LatentMap({ points, bounds, colorOf, walk, onWalk, label, testId, legend }: LatentMapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const S = c.width;
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, S, S);
    ctx.globalAlpha = 0.75;
    points.forEach(([px, py], i) => {
      ctx.fillStyle = colorOf(i);
      ctx.beginPath();
      ctx.arc(
        clamp((px - bounds.x0) / (bounds.x1 - bounds.x0 || 1)) * (S - 8) + 4,
        S - 4 - clamp((py - bounds.y0) / (bounds.y1 - bounds.y0 || 1)) * (S - 8),
        3,
        0,
        2 * Math.PI,
      );
      ctx.fill();
    });
    ctx.globalAlpha = 1;
    const wx = ((walk[0] + 1) / 2) * (S - 8) + 4;
    const wy = S - 4 - ((walk[1] + 1) / 2) * (S - 8);
    ctx.strokeStyle = '#111827';
    ctx.lineWidth = 2;
    ctx.strokeRect(wx - 6, wy - 6, 12, 12);
  }, [points, bounds, colorOf, walk]);

  return (
    <>
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        className="mt-2 w-full max-w-[280px] cursor-crosshair rounded border border-slate-200"
        role="img"
        aria-label={label}
        data-testid={testId}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          onWalk([((e.clientX - r.left) / r.width) * 2 - 1, 1 - ((e.clientY - r.top) / r.height) * 2]);
        }}
      />
      <ul className="mt-2 flex flex-wrap gap-2 text-xs">
        {legend.map((l) => (
          <li key={l.text} className="inline-flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded-full" style={{ background: l.color }} />
            {l.text}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Props for {@link LatentMapCard}. */
export interface LatentMapCardProps extends LatentMapProps {
  /** The code size: 2 is the map itself, more is flattened by PCA (said in the heading). */
  bottleneck: number;
  /** The heading of a 2-number code. */
  title: string;
  /** Controls between the heading and the map (how to colour it). */
  children?: ReactNode;
}

/** The map in its card, headed by what it shows. */
export function LatentMapCard({ bottleneck, title, children, ...map }: LatentMapCardProps) {
  const t = useT();
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3">
      <h3 className="font-medium">{bottleneck === 2 ? title : t('lab.ae.mapPca', { n: bottleneck })}</h3>
      {children}
      <LatentMap {...map} />
    </div>
  );
}
