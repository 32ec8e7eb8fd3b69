'use client';
// The "walk the code space" box of the autoencoder labs: two sliders pick a point of the 2-D code map;
// the caller decodes it and shows the result (a digit, a table row) as children.
import type { ReactNode } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Slider } from '@/components/ui';

export interface LatentWalkProps {
  walk: [number, number];
  onWalk: (next: [number, number]) => void;
  /** One line saying what the decoded point shows. */
  explain: string;
  children?: ReactNode;
}

export function LatentWalk({ walk, onWalk, explain, children }: LatentWalkProps) {
  const t = useT();
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-3">
      <h3 className="font-medium">{t('lab.ae.walk')}</h3>
      <p className="text-xs text-slate-600">{explain}</p>
      {([0, 1] as const).map((axis) => (
        <Slider
          key={axis}
          label={t(axis === 0 ? 'lab.ae.walkX' : 'lab.ae.walkY')}
          value={walk[axis]}
          min={-1}
          max={1}
          step={0.05}
          onChange={(v) => onWalk(axis === 0 ? [v, walk[1]] : [walk[0], v])}
          format={(v) => v.toFixed(2)}
        />
      ))}
      {children}
    </div>
  );
}
