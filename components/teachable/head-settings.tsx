'use client';
// "Advanced" settings of a dense head: epochs, batch size, learning rate, held-out share and
// (for picture studios) augmentation.
import { useT } from '@/components/i18n/i18n-provider';
import { Button, Select, Slider } from '@/components/ui';
import { DEFAULT_HEAD_CONFIG } from '@/lib/transfer/constants';
import type { AugmentSettings } from '@/lib/transfer/project';
import type { HeadConfig } from '@/lib/transfer/types';

const BATCH_SIZES = ['8', '16', '32', '64', '128'] as const;
const COPIES = ['1', '2', '3', '4'] as const;

/** Props for {@link HeadSettings}. */
export interface HeadSettingsProps {
  settings: HeadConfig;
  onSettings: (s: Partial<HeadConfig>) => void;
  /** Omit to hide augmentation (studios whose inputs cannot be augmented). */
  augment?: AugmentSettings;
  onAugment?: (a: Partial<AugmentSettings>) => void;
  disabled?: boolean;
}

/** The head's training settings, each with a hint a teacher can read out. */
export function HeadSettings({ settings, onSettings, augment, onAugment, disabled }: HeadSettingsProps) {
  const t = useT();
  const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <div className="mt-3 grid gap-4 sm:grid-cols-2">
      <Slider
        label={t('teach.epochs')}
        value={settings.epochs}
        min={1}
        max={200}
        disabled={disabled}
        hint={t('teach.epochsHint')}
        onChange={(v) => onSettings({ epochs: Math.round(v) })}
      />
      <Select
        label={t('teach.batchSize')}
        value={String(settings.batchSize)}
        options={opts(BATCH_SIZES)}
        disabled={disabled}
        hint={t('teach.batchHint')}
        onChange={(v) => onSettings({ batchSize: Number(v) })}
      />
      <Slider
        label={t('teach.learningRate')}
        value={settings.learningRate}
        min={0.0001}
        max={0.1}
        log
        disabled={disabled}
        hint={t('teach.learningRateHint')}
        onChange={(v) => onSettings({ learningRate: v })}
      />
      <Slider
        label={t('teach.validation')}
        value={settings.validationSplit}
        min={0}
        max={0.5}
        step={0.05}
        disabled={disabled}
        format={(v) => `${Math.round(v * 100)}%`}
        hint={t('teach.validationHint')}
        onChange={(v) => onSettings({ validationSplit: Math.round(v * 100) / 100 })}
      />
      {augment && onAugment && (
        <fieldset className="space-y-2 text-sm sm:col-span-2" disabled={disabled}>
          <legend className="font-medium">{t('teach.augment')}</legend>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={augment.enabled}
              onChange={(e) => onAugment({ enabled: e.target.checked })}
            />
            {t('teach.augmentOn')}
          </label>
          {augment.enabled && (
            <div className="flex flex-wrap items-end gap-4 pl-6">
              {(['flip', 'crop', 'brightness'] as const).map((k) => (
                <label key={k} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={augment[k]}
                    onChange={(e) => onAugment({ [k]: e.target.checked })}
                  />
                  {t(`teach.augment.${k}`)}
                </label>
              ))}
              <Select
                label={t('teach.augmentCopies')}
                value={String(augment.copies)}
                options={opts(COPIES)}
                onChange={(v) => onAugment({ copies: Number(v) })}
              />
            </div>
          )}
          <p className="text-xs text-slate-500">{t('teach.augmentHint')}</p>
        </fieldset>
      )}
      <Button
        variant="ghost"
        size="sm"
        disabled={disabled}
        onClick={() =>
          onSettings({
            epochs: DEFAULT_HEAD_CONFIG.epochs,
            batchSize: DEFAULT_HEAD_CONFIG.batchSize,
            learningRate: DEFAULT_HEAD_CONFIG.learningRate,
            validationSplit: DEFAULT_HEAD_CONFIG.validationSplit,
          })
        }
      >
        {t('teach.resetDefaults')}
      </Button>
    </div>
  );
}
