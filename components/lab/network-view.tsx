'use client';
// The network drawn as TF Playground does: a mini heat map per input feature and per hidden neuron,
// and links coloured by the weight's sign and sized by its magnitude (hover or focus shows the value).
import { useEffect, useRef } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import {
  FEATURE_LABELS,
  MAX_HIDDEN_LAYERS,
  MAX_NEURONS,
  type FeatureName,
  type PlaygroundSnapshot,
} from '@/lib/lab';

import { css, divergingColor, paintMap } from './colors';

const NODE = 36;
const GAP = 10;
const COL = 96;
const TOP = 44;
/** Room on the left for the input features' names. */
const LEFT = 52;

function MiniMap({ size, values, label }: { size: number; values: Float32Array | undefined; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current && values) paintMap(ref.current, size, values, (v) => divergingColor(v));
  }, [size, values]);
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      title={label}
      className="rounded border border-slate-300 bg-slate-100"
      style={{ width: NODE, height: NODE }}
    />
  );
}

/** Props for {@link NetworkView}. */
export interface NetworkViewProps {
  features: FeatureName[];
  hidden: number[];
  outputs: number;
  snapshot: PlaygroundSnapshot | null;
  /** Show the layer and neuron +/− buttons. */
  editable: boolean;
  onHiddenChange: (hidden: number[]) => void;
}

/** Inputs, hidden layers and outputs as columns, with weighted links between them. */
export function NetworkView({
  features,
  hidden,
  outputs,
  snapshot,
  editable,
  onHiddenChange,
}: NetworkViewProps) {
  const t = useT();
  const columns = [features.length, ...hidden, outputs];
  const height = TOP + Math.max(...columns) * (NODE + GAP);
  const width = LEFT + (columns.length - 1) * COL + NODE + 8;
  const cy = (j: number) => TOP + j * (NODE + GAP) + NODE / 2;
  const cx = (c: number) => LEFT + c * COL;
  const weights = snapshot?.weights;
  const setLayer = (i: number, n: number) => onHiddenChange(hidden.map((v, k) => (k === i ? n : v)));

  return (
    <div className="space-y-2">
      {editable && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">{t('lab.pg.hiddenLayers', { n: hidden.length })}</span>
          <button
            type="button"
            className="rounded-lg border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-40"
            onClick={() => onHiddenChange([...hidden, hidden[hidden.length - 1] ?? 4])}
            disabled={hidden.length >= MAX_HIDDEN_LAYERS}
            aria-label={t('lab.pg.addLayer')}
            data-testid="add-layer"
          >
            +
          </button>
          <button
            type="button"
            className="rounded-lg border border-slate-300 px-2 py-0.5 hover:bg-slate-100 disabled:opacity-40"
            onClick={() => onHiddenChange(hidden.slice(0, -1))}
            disabled={hidden.length === 0}
            aria-label={t('lab.pg.removeLayer')}
            data-testid="remove-layer"
          >
            −
          </button>
        </div>
      )}
      <div className="overflow-x-auto">
        <div className="relative" style={{ width, height }} data-testid="network-view">
          <svg className="absolute inset-0" width={width} height={height} aria-hidden={!weights}>
            {weights?.map((layer, c) =>
              layer.kernel.map((row, i) =>
                row.map((w, j) => (
                  <line
                    key={`${c}-${i}-${j}`}
                    x1={cx(c) + NODE}
                    y1={cy(i)}
                    x2={cx(c + 1)}
                    y2={cy(j)}
                    stroke={css(divergingColor(w))}
                    strokeWidth={Math.min(7, 0.6 + Math.abs(w) * 1.6)}
                    strokeOpacity={0.85}
                  >
                    <title>{t('lab.pg.weight', { value: w.toFixed(3) })}</title>
                  </line>
                )),
              ),
            )}
          </svg>
          {columns.map((count, c) => {
            const isInput = c === 0;
            const isOutput = c === columns.length - 1;
            return (
              <div key={c} className="absolute" style={{ left: cx(c), top: 0 }}>
                <div className="flex h-9 w-24 -translate-x-6 flex-col items-center text-center text-xs text-slate-600">
                  {isInput ? t('lab.pg.inputs') : isOutput ? t('lab.pg.output') : t('lab.pg.layer', { n: c })}
                  {editable && !isInput && !isOutput && (
                    <span className="flex gap-1">
                      <button
                        type="button"
                        className="rounded border border-slate-300 px-1.5 leading-4 hover:bg-slate-100 disabled:opacity-40"
                        onClick={() => setLayer(c - 1, count + 1)}
                        disabled={count >= MAX_NEURONS}
                        aria-label={t('lab.pg.addNeuron', { n: c })}
                      >
                        +
                      </button>
                      <button
                        type="button"
                        className="rounded border border-slate-300 px-1.5 leading-4 hover:bg-slate-100 disabled:opacity-40"
                        onClick={() => setLayer(c - 1, count - 1)}
                        disabled={count <= 1}
                        aria-label={t('lab.pg.removeNeuron', { n: c })}
                      >
                        −
                      </button>
                    </span>
                  )}
                </div>
                {Array.from({ length: count }, (_, j) => (
                  <div key={j} className="absolute" style={{ top: cy(j) - NODE / 2, left: 0 }}>
                    {isOutput ? (
                      <div
                        className="flex items-center justify-center rounded-full border-2 border-slate-500 bg-white text-[10px]"
                        style={{ width: NODE, height: NODE }}
                        title={t('lab.pg.outputUnit', { n: j + 1 })}
                      >
                        {outputs > 1 ? j : 'ŷ'}
                      </div>
                    ) : (
                      <div className="relative">
                        <MiniMap
                          size={snapshot?.size ?? 2}
                          values={isInput ? snapshot?.inputs[j] : snapshot?.neurons[c - 1]?.[j]}
                          label={
                            isInput ? FEATURE_LABELS[features[j]] : t('lab.pg.neuron', { layer: c, n: j + 1 })
                          }
                        />
                        {isInput && (
                          <span className="absolute top-1/2 right-full mr-1 -translate-y-1/2 text-xs whitespace-nowrap text-slate-700">
                            {FEATURE_LABELS[features[j]]}
                          </span>
                        )}
                      </div>
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
