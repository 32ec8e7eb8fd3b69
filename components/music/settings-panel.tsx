'use client';
// SettingsPanel: length, variations, temperature, tempo, scale and chords for the Music studio's generators.
import { useT } from '@/components/i18n/i18n-provider';
import { Card, Field, Select, Slider } from '@/components/ui';
import { DEFAULT_QPM, LIMITS, type MelodyForm, type ScaleName, SCALES } from '@/lib/music';

import { FormSelect } from './form-select';

const NOTE_NAMES = ['C', 'C♯', 'D', 'E♭', 'E', 'F', 'F♯', 'G', 'A♭', 'A', 'B♭', 'B'];

/** Everything the generate buttons read. */
export interface MusicSettings {
  bars: number;
  variations: number;
  temperature: number;
  qpm: number;
  scale: ScaleName | 'none';
  /** Pitch class of the scale's tonic (0 = C). */
  tonic: number;
  /** A chord progression such as "C G Am F" (empty: the plain melody model). */
  chords: string;
  /** Form of a long fresh melody (components/music/form-select.tsx). */
  form: MelodyForm;
}

export const DEFAULT_MUSIC_SETTINGS: Readonly<MusicSettings> = Object.freeze({
  bars: 2,
  variations: 1,
  temperature: 1,
  qpm: DEFAULT_QPM,
  scale: 'none',
  tonic: 0,
  chords: '',
  form: 'free',
});

/** Props for {@link SettingsPanel}. */
export interface SettingsPanelProps {
  settings: MusicSettings;
  onChange: (patch: Partial<MusicSettings>) => void;
  /** Show the chord progression field (the chord model is served). */
  chordsAvailable: boolean;
  disabled: boolean;
}

/** The studio's settings card. */
export function SettingsPanel({ settings: s, onChange, chordsAvailable, disabled }: SettingsPanelProps) {
  const t = useT();
  return (
    <Card title={t('music.settings')}>
      <div className="grid gap-4 md:grid-cols-2">
        <Slider
          label={t('music.bars')}
          value={s.bars}
          min={LIMITS.bars[0]}
          max={LIMITS.bars[1]}
          onChange={(bars) => onChange({ bars })}
          hint={t('music.bars.hint')}
          disabled={disabled}
        />
        <Slider
          label={t('music.variations')}
          value={s.variations}
          min={LIMITS.variations[0]}
          max={LIMITS.variations[1]}
          onChange={(variations) => onChange({ variations })}
          hint={t('music.variations.hint')}
          disabled={disabled}
        />
        <Slider
          label={t('music.temperature')}
          value={s.temperature}
          min={LIMITS.temperature[0]}
          max={LIMITS.temperature[1]}
          step={0.1}
          format={(v) => v.toFixed(1)}
          onChange={(temperature) => onChange({ temperature })}
          hint={t('music.temperature.hint')}
          disabled={disabled}
        />
        <Slider
          label={t('music.tempo')}
          value={s.qpm}
          min={40}
          max={220}
          onChange={(qpm) => onChange({ qpm })}
          format={(v) => t('music.tempo.value', { qpm: v })}
          hint={t('music.tempo.hint')}
        />
        <div className="flex flex-wrap items-end gap-3 md:col-span-2">
          <Select
            label={t('music.scale')}
            value={s.scale}
            onChange={(scale) => onChange({ scale })}
            options={[
              { value: 'none' as const, label: t('music.scale.none') },
              ...(Object.keys(SCALES) as ScaleName[]).map((v) => ({
                value: v,
                label: t(`music.scale.${v}`),
              })),
            ]}
            disabled={disabled}
            wrapperClassName="min-w-40"
          />
          <Select
            label={t('music.key')}
            value={String(s.tonic)}
            onChange={(v) => onChange({ tonic: Number(v) })}
            options={NOTE_NAMES.map((n, i) => ({ value: String(i), label: n }))}
            disabled={disabled || s.scale === 'none'}
            wrapperClassName="min-w-24"
          />
          <p className="text-sm text-slate-600">{t('music.scale.hint')}</p>
        </div>
        <FormSelect
          value={s.form}
          onChange={(form) => onChange({ form })}
          bars={s.bars}
          disabled={disabled}
        />
        {chordsAvailable && (
          <Field label={t('music.chords')} hint={t('music.chords.hint')} className="md:col-span-2">
            {(id) => (
              <input
                id={id}
                className="block min-h-11 w-full rounded-lg border border-slate-300 px-2 py-1 sm:min-h-0"
                value={s.chords}
                onChange={(e) => onChange({ chords: e.target.value })}
                placeholder="C G Am F"
                disabled={disabled}
              />
            )}
          </Field>
        )}
      </div>
    </Card>
  );
}
