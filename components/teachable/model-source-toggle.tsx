'use client';
// Which model the preview uses: the one trained here, or one the user imported. Two pressed-state
// buttons in a labelled group (shared by the Image and Pose studios).
import { Button } from '@/components/ui';

export interface ModelSourceToggleProps<S extends string> {
  value: S;
  options: readonly { id: S; label: string; disabled?: boolean }[];
  /** Accessible name of the group. */
  label: string;
  onChange: (value: S) => void;
}

export function ModelSourceToggle<S extends string>({
  value,
  options,
  label,
  onChange,
}: ModelSourceToggleProps<S>) {
  return (
    <div className="flex gap-1 text-sm" role="group" aria-label={label}>
      {options.map((o) => (
        <Button
          key={o.id}
          size="sm"
          variant={value === o.id ? 'primary' : 'secondary'}
          onClick={() => onChange(o.id)}
          aria-pressed={value === o.id}
          disabled={o.disabled}
          data-testid={`model-source-${o.id}`}
        >
          {o.label}
        </Button>
      ))}
    </div>
  );
}
