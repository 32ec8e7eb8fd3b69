// ConfidenceBars: one bar per class showing how sure the model is, the winner highlighted.
import { classColor } from './palette';

/** Props for {@link ConfidenceBars}. `values` are probabilities 0–1 in label order. */
export interface ConfidenceBarsProps {
  labels: readonly string[];
  values: readonly number[];
  /** Accessible name of the group, e.g. "Prediction". */
  title: string;
  /** Colours per class (CSS); cycles a built-in palette by default. */
  colors?: readonly string[];
}

/** Horizontal bars with percentages; updates smoothly as predictions stream in. */
export function ConfidenceBars({ labels, values, title, colors }: ConfidenceBarsProps) {
  const best = values.length ? values.indexOf(Math.max(...values)) : -1;
  return (
    <div role="group" aria-label={title} className="space-y-2" data-testid="confidence-bars">
      {labels.map((label, i) => {
        const v = values[i] ?? 0;
        const pct = Math.round(v * 100);
        const color = colors?.[i] ?? classColor(i);
        return (
          <div
            key={`${label}-${i}`}
            className="flex items-center gap-3"
            data-label={label}
            data-value={v.toFixed(4)}
          >
            <span
              className={`w-28 truncate text-sm ${i === best ? 'font-bold text-slate-900' : 'text-slate-700'}`}
              title={label}
            >
              {label}
            </span>
            <div
              className="h-6 flex-1 overflow-hidden rounded-lg bg-slate-100"
              role="meter"
              aria-label={label}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct}
            >
              <div
                className="h-full rounded-lg transition-[width] duration-150"
                style={{ width: `${pct}%`, background: color }}
              />
            </div>
            <span className="w-12 text-right font-mono text-sm tabular-nums">{pct}%</span>
          </div>
        );
      })}
    </div>
  );
}
