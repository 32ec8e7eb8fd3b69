// ProgressBar: how far a long job has come, for eyes and screen readers.

/** Props for {@link ProgressBar}. `value` is 0–1; null shows an indeterminate bar. */
export interface ProgressBarProps {
  value: number | null;
  label: string;
  /** Text after the bar, e.g. "epoch 3 / 50". */
  detail?: string;
}

/** A labelled progress bar. */
export function ProgressBar({ value, label, detail }: ProgressBarProps) {
  const pct = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span className="tabular-nums">{detail ?? (pct === null ? '' : `${pct}%`)}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full bg-indigo-600 transition-[width] ${pct === null ? 'w-1/3 animate-pulse' : ''}`}
          style={pct === null ? undefined : { width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
