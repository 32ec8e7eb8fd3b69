'use client';
// FormSelect: picks the form (free, AABA, AABB) of a long generated melody.
import { useT } from '@/components/i18n/i18n-provider';
import { Select } from '@/components/ui';
import { formFits, MELODY_FORMS, type MelodyForm } from '@/lib/music';

/** Props of {@link FormSelect}. */
export interface FormSelectProps {
  value: MelodyForm;
  onChange: (form: MelodyForm) => void;
  /** The length chosen in bars; a form needs a multiple of 4 from 8 to 32. */
  bars: number;
  disabled?: boolean;
}

/** The form drop-down with its explanation; says so when the length cannot carry a form. */
export function FormSelect({ value, onChange, bars, disabled }: FormSelectProps) {
  const t = useT();
  const fits = formFits(bars);
  return (
    <Select<MelodyForm>
      label={t('musicform.form')}
      value={value}
      onChange={onChange}
      options={MELODY_FORMS.map((f) => ({ value: f, label: t(`musicform.form.${f}`) }))}
      hint={value !== 'free' && !fits ? t('musicform.form.needsBars') : t('musicform.form.hint')}
      disabled={disabled}
      data-testid="melody-form"
      wrapperClassName="md:col-span-2"
    />
  );
}
