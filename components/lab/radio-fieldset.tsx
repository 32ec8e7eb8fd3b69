'use client';
// RadioFieldset: a labelled group of radio buttons, one per option, as the autoencoder labs use them.

/** Props for {@link RadioFieldset}. */
export interface RadioFieldsetProps<V extends string> {
  /** The group's name, read by screen readers (shown unless `compact`). */
  legend: string;
  /** The radio inputs' `name`. */
  name: string;
  options: readonly V[];
  value: V;
  onChange: (value: V) => void;
  labelOf: (value: V) => string;
  /** Test id of each input: `${testIdPrefix}-${option}`; none when left out. */
  testIdPrefix?: string;
  /** A small one-line row under a heading, its legend for screen readers only. */
  compact?: boolean;
}

/** A fieldset of radio buttons with its legend. */
export function RadioFieldset<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  labelOf,
  testIdPrefix,
  compact = false,
}: RadioFieldsetProps<V>) {
  return (
    <fieldset className={compact ? 'mt-1 flex flex-wrap gap-3 text-xs' : 'space-y-1 text-sm'}>
      <legend className={compact ? 'sr-only' : 'font-medium'}>{legend}</legend>
      {options.map((o) => (
        <label key={o} className={`flex items-center ${compact ? 'gap-1' : 'gap-2'}`}>
          <input
            type="radio"
            name={name}
            checked={value === o}
            onChange={() => onChange(o)}
            data-testid={testIdPrefix && `${testIdPrefix}-${o}`}
          />
          {labelOf(o)}
        </label>
      ))}
    </fieldset>
  );
}
