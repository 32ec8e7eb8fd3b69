'use client';
// CnnStackEditor: the CNN lab's layer palette and the editable stack (reorder, remove, tune each layer).
import { useT } from '@/components/i18n/i18n-provider';
import { Button, Slider } from '@/components/ui';
import type { CnnLabLayer, CnnLabLayerKind } from '@/lib/lab';

const KINDS: CnnLabLayerKind[] = ['conv', 'maxPool', 'avgPool', 'dense', 'dropout'];

/** Props: the stack, which layers have a problem, and the edits the lab applies. */
export interface CnnStackEditorProps {
  stack: readonly CnnLabLayer[];
  /** Indices of layers the shape check rejected (drawn in red). */
  badLayers: ReadonlySet<number>;
  busy: boolean;
  /** False when the stack is full. */
  canAdd: boolean;
  onAdd: (kind: CnnLabLayerKind) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  onEdit: (index: number, patch: Partial<CnnLabLayer>) => void;
}

/** The "Build your network" panel. */
export function CnnStackEditor({
  stack,
  badLayers,
  busy,
  canAdd,
  onAdd,
  onMove,
  onRemove,
  onEdit,
}: CnnStackEditorProps) {
  const t = useT();
  return (
    <section
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
      aria-labelledby="cnn-build"
    >
      <h2 id="cnn-build" className="font-semibold">
        {t('lab.cnn.build')}
      </h2>
      <div role="group" aria-label={t('lab.cnn.palette')} className="flex flex-wrap gap-2">
        {KINDS.map((k) => (
          <Button
            key={k}
            size="sm"
            variant="secondary"
            disabled={busy || !canAdd}
            onClick={() => onAdd(k)}
            data-testid={`cnn-add-${k}`}
            title={t(`lab.cnn.kindHint.${k}`)}
          >
            + {t(`lab.cnn.kind.${k}`)}
          </Button>
        ))}
      </div>
      <p className="text-xs text-slate-600">{t('lab.cnn.paletteHint')}</p>
      <ol className="space-y-2" data-testid="cnn-stack">
        <li className="rounded-lg bg-slate-50 px-2 py-1 text-sm text-slate-600">{t('lab.cnn.input')}</li>
        {stack.map((l, i) => (
          <li
            key={i}
            data-testid={`cnn-layer-${i}`}
            className={`space-y-2 rounded-lg border p-2 ${badLayers.has(i) ? 'border-rose-400 bg-rose-50' : 'border-slate-200'}`}
          >
            <div className="flex items-center gap-1">
              <span className="flex-1 text-sm font-medium">
                {i + 1}. {t(`lab.cnn.kind.${l.kind}`)}
              </span>
              <Button
                size="sm"
                variant="ghost"
                disabled={busy || i === 0}
                onClick={() => onMove(i, -1)}
                aria-label={t('lab.cnn.up', { n: i + 1 })}
              >
                ↑
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={busy || i === stack.length - 1}
                onClick={() => onMove(i, 1)}
                aria-label={t('lab.cnn.down', { n: i + 1 })}
              >
                ↓
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={busy}
                onClick={() => onRemove(i)}
                aria-label={t('lab.cnn.remove', { n: i + 1 })}
                data-testid={`cnn-remove-${i}`}
              >
                ✕
              </Button>
            </div>
            <LayerSettings layer={l} busy={busy} onEdit={(patch) => onEdit(i, patch)} />
          </li>
        ))}
        <li className="rounded-lg bg-slate-50 px-2 py-1 text-sm text-slate-600">{t('lab.cnn.output')}</li>
      </ol>
    </section>
  );
}

/** The sliders of one layer, by kind. */
function LayerSettings({
  layer: l,
  busy,
  onEdit,
}: {
  layer: CnnLabLayer;
  busy: boolean;
  onEdit: (patch: Partial<CnnLabLayer>) => void;
}) {
  const t = useT();
  const square = (v: number) => `${v}×${v}`;
  if (l.kind === 'conv') {
    return (
      <>
        <Slider
          label={t('lab.cnn.filters')}
          value={l.filters}
          min={1}
          max={32}
          disabled={busy}
          onChange={(filters) => onEdit({ filters })}
        />
        <Slider
          label={t('lab.cnn.kernel')}
          value={l.kernelSize}
          min={1}
          max={7}
          disabled={busy}
          onChange={(kernelSize) => onEdit({ kernelSize })}
          format={square}
        />
      </>
    );
  }
  if (l.kind === 'maxPool' || l.kind === 'avgPool') {
    return (
      <Slider
        label={t('lab.cnn.pool')}
        value={l.poolSize}
        min={2}
        max={8}
        disabled={busy}
        onChange={(poolSize) => onEdit({ poolSize })}
        format={square}
      />
    );
  }
  if (l.kind === 'dense') {
    return (
      <Slider
        label={t('lab.cnn.units')}
        value={l.units}
        min={4}
        max={256}
        step={4}
        disabled={busy}
        onChange={(units) => onEdit({ units })}
      />
    );
  }
  if (l.kind !== 'dropout') return null;
  return (
    <Slider
      label={t('lab.cnn.rate')}
      value={l.rate}
      min={0}
      max={0.8}
      step={0.05}
      disabled={busy}
      onChange={(rate) => onEdit({ rate })}
      format={(v) => `${Math.round(v * 100)}%`}
    />
  );
}
