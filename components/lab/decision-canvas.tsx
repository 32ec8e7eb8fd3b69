'use client';
// The decision boundary: the network's output over the plane as a heat map, with the data points on top.
import { useEffect, useMemo, useRef } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { DOMAIN, type LabDataset, type PlaygroundSnapshot, pointsToDraw } from '@/lib/lab';

import { css, outputColorFn, paintMap, pointColor } from './colors';

/** Props for {@link DecisionCanvas}. */
export interface DecisionCanvasProps {
  snapshot: PlaygroundSnapshot | null;
  dataset: LabDataset;
  showTest: boolean;
  /** Pixel size of the square. */
  px: number;
  label: string;
}

/** Heat map (one canvas, redrawn per frame) and points (a second canvas, redrawn when data changes). */
export function DecisionCanvas({ snapshot, dataset, showTest, px, label }: DecisionCanvasProps) {
  const t = useT();
  const heat = useRef<HTMLCanvasElement>(null);
  const dots = useRef<HTMLCanvasElement>(null);
  // A big table (up to 50,000 rows) draws 1 in every `step` points, the same step for train and test.
  const drawn = useMemo(() => pointsToDraw(dataset.train, showTest ? dataset.test : []), [dataset, showTest]);

  useEffect(() => {
    if (!snapshot || !heat.current) return;
    paintMap(
      heat.current,
      snapshot.size,
      snapshot.output,
      outputColorFn(snapshot, dataset.problem, dataset.numClasses),
    );
  }, [snapshot, dataset]);

  useEffect(() => {
    const c = dots.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = px * dpr;
    c.height = px * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, px, px);
    const toPx = (v: number) => ((v + DOMAIN) / (2 * DOMAIN)) * px;
    const draw = (pts: LabDataset['train'], stroke: string) => {
      for (const p of pts) {
        ctx.beginPath();
        ctx.arc(toPx(p.x1), px - toPx(p.x2), 3.5, 0, 2 * Math.PI);
        ctx.fillStyle = css(pointColor(p, dataset.problem));
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = stroke;
        ctx.stroke();
      }
    };
    draw(drawn.train, '#ffffff');
    // Test points get a dark ring so learners can tell them apart from training points.
    draw(drawn.test, '#111827');
  }, [dataset.problem, drawn, px]);

  return (
    <div className="shrink-0" style={{ width: px }}>
      <div
        className="relative overflow-hidden rounded-lg border border-slate-300"
        style={{ width: px, height: px }}
      >
        <canvas
          ref={heat}
          role="img"
          aria-label={label}
          data-testid="boundary-canvas"
          className="absolute inset-0 h-full w-full"
          style={{ imageRendering: 'auto' }}
        />
        <canvas ref={dots} className="absolute inset-0 h-full w-full" aria-hidden="true" />
      </div>
      {drawn.step > 1 && (
        <p className="mt-1 text-xs text-slate-600" data-testid="points-sampled">
          {t('lab.pg.pointsSampled', {
            step: drawn.step,
            shown: (drawn.train.length + drawn.test.length).toLocaleString('en-US'),
            total: drawn.total.toLocaleString('en-US'),
          })}
        </p>
      )}
    </div>
  );
}
