// Select: the app's one drop-down, labelled, full width, with a hint line and ≥ 44 px on touch.
import { useId } from 'react';

/** One choice of a {@link Select}. */
export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

/** Props for {@link Select}. Extra props (id, data-testid, aria-*) go to the `<select>`. */
export interface SelectProps<V extends string> extends Omit<
  React.SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'children'
> {
  /** Visible label; omit only when `aria-label` or a surrounding label names the control. */
  label?: React.ReactNode;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  /** A short explanation under the control. */
  hint?: React.ReactNode;
  /** Extra classes for the wrapper. */
  wrapperClassName?: string;
}

/** Base classes for a select; exported for the rare control that must stay a raw `<select>`. */
export const SELECT_CLASS =
  'mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 disabled:bg-slate-100 disabled:text-slate-500 sm:min-h-0';

/** A native `<select>` with its label (keyboard and screen-reader friendly by construction). */
export function Select<V extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  wrapperClassName = '',
  className = '',
  id: idProp,
  ...rest
}: SelectProps<V>) {
  const autoId = useId();
  const id = idProp ?? autoId;
  return (
    <div className={`text-sm ${wrapperClassName}`}>
      {label !== undefined && (
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
      )}
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        className={`${SELECT_CLASS} ${className}`}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
    </div>
  );
}
