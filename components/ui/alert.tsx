// Alert: a short message box for errors, warnings and good news, announced to screen readers.

/** Props for {@link Alert}. */
export interface AlertProps {
  kind?: 'error' | 'warning' | 'info' | 'success';
  children: React.ReactNode;
  onDismiss?: () => void;
  dismissLabel?: string;
}

const STYLES = {
  error: 'border-rose-300 bg-rose-50 text-rose-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  info: 'border-sky-300 bg-sky-50 text-sky-900',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-900',
};

/** A coloured message; errors use role="alert", others role="status". */
export function Alert({ kind = 'info', children, onDismiss, dismissLabel }: AlertProps) {
  return (
    <div
      role={kind === 'error' ? 'alert' : 'status'}
      data-kind={kind}
      className={`flex items-start justify-between gap-3 rounded-xl border px-4 py-3 text-sm ${STYLES[kind]}`}
    >
      <div>{children}</div>
      {onDismiss && (
        <button type="button" onClick={onDismiss} className="shrink-0 underline" aria-label={dismissLabel}>
          ×
        </button>
      )}
    </div>
  );
}
