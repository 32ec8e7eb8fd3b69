'use client';
// "Under the hood" of the Sound studio: how a sound becomes a picture and what the network does,
// the training settings, and (after training) the network's layers.
import { useMemo } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Button, ModelSummaryTable, Slider } from '@/components/ui';
import { DEFAULT_SOUND_TRAIN_SETTINGS, type SoundClassifier, type SoundTrainSettings } from '@/lib/audio';
import { summarizeModel } from '@/lib/models';

/** Props for {@link SoundSettings}. */
export interface SoundSettingsProps {
  settings: SoundTrainSettings;
  onSettings: (s: Partial<SoundTrainSettings>) => void;
  disabled: boolean;
}

/** The explanations and the three settings a child may change. */
export function SoundSettings({ settings, onSettings, disabled }: SoundSettingsProps) {
  const t = useT();
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>{t('sound.hood.features')}</p>
      <p>{t('sound.hood.model')}</p>
      <div className="grid gap-4 md:grid-cols-3">
        <Slider
          label={t('sound.hood.epochs')}
          hint={t('sound.hood.epochsHint')}
          value={settings.epochs}
          min={5}
          max={100}
          step={5}
          disabled={disabled}
          onChange={(epochs) => onSettings({ epochs })}
        />
        <Slider
          label={t('sound.hood.learningRate')}
          hint={t('sound.hood.learningRateHint')}
          value={settings.learningRate}
          min={0.0001}
          max={0.01}
          log
          disabled={disabled}
          onChange={(learningRate) => onSettings({ learningRate })}
        />
        <Slider
          label={t('sound.hood.batchSize')}
          hint={t('sound.hood.batchSizeHint')}
          value={settings.batchSize}
          min={4}
          max={64}
          step={4}
          disabled={disabled}
          onChange={(batchSize) => onSettings({ batchSize })}
        />
      </div>
      <Button
        variant="ghost"
        size="sm"
        disabled={disabled}
        onClick={() => onSettings(DEFAULT_SOUND_TRAIN_SETTINGS)}
      >
        {t('sound.hood.reset')}
      </Button>
    </div>
  );
}

/** The layers of the trained network with their output shapes and weights. */
export function SoundModelLayers({ model }: { model: SoundClassifier }) {
  const t = useT();
  const s = useMemo(() => summarizeModel(model.model), [model]);
  return (
    <div className="text-sm">
      <h3 className="font-medium">{t('sound.hood.summary')}</h3>
      <ModelSummaryTable
        rows={s.layers}
        totalText={t('sound.hood.total', { n: s.totalParams.toLocaleString() })}
        layerHeader={t('sound.hood.layer')}
        outputHeader={t('sound.hood.output')}
        paramsHeader={t('sound.hood.params')}
      />
    </div>
  );
}
