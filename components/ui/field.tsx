// Field: a label, one control and an optional hint, laid out the same way everywhere.
import { useId } from 'react';

/** Props for {@link Field}. `children` receives the id to put on the control. */
export interface FieldProps {
  label: React.ReactNode;
  hint?: React.ReactNode;
  className?: string;
  children: (id: string) => React.ReactNode;
}

/** Labels any control (number input, text input, checkbox group) consistently. */
export function Field({ label, hint, className = '', children }: FieldProps) {
  const id = useId();
  return (
    <div className={`space-y-1 text-sm ${className}`}>
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      {children(id)}
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
    </div>
  );
}
