// Slider: a labelled range input that always shows its value.
import { useId } from 'react';

/** Props for {@link Slider}. */
export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  /** Formats the shown value; defaults to the number itself. */
  format?: (value: number) => string;
  /** A short explanation shown under the slider. */
  hint?: string;
  disabled?: boolean;
  /** Use a log scale (for learning rates). */
  log?: boolean;
}

/** A range input with its label and current value, keyboard accessible. */
export function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  format,
  hint,
  disabled,
  log,
}: SliderProps) {
  const id = useId();
  const shown = format ? format(value) : String(value);
  const toPos = (v: number) => (log ? Math.log10(v) : v);
  const fromPos = (p: number) => (log ? Number((10 ** p).toPrecision(2)) : p);
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
        <output htmlFor={id} className="font-mono text-slate-700 tabular-nums">
          {shown}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={toPos(min)}
        max={toPos(max)}
        step={log ? 0.1 : step}
        value={toPos(value)}
        disabled={disabled}
        aria-valuetext={shown}
        onChange={(e) => onChange(fromPos(Number(e.target.value)))}
        className="w-full accent-indigo-600"
      />
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
