'use client';
// "Under the hood" of the Sound studio: how a sound becomes a picture and what the network does,
// which network learns (the pretrained embedding + head, or a CNN from scratch), the augmentation
// switches, the training settings, and (after training) the network's layers.
import { useMemo } from 'react';
import type * as tf from '@tensorflow/tfjs';

import { useT } from '@/components/i18n/i18n-provider';
import { Button, ModelSummaryTable, Select, Slider } from '@/components/ui';
import { summarizeModel } from '@/lib/models';
import {
  soundSettingsFor,
  type SoundAugmentSwitches,
  type SoundModelKind,
  type SoundStudioSettings,
} from '@/lib/pretrained/sound-embedding';

/** Props for {@link SoundSettings}. */
export interface SoundSettingsProps {
  settings: SoundStudioSettings;
  onSettings: (s: Partial<SoundStudioSettings>) => void;
  disabled: boolean;
}

const SWITCHES: readonly (keyof SoundAugmentSwitches)[] = ['timeShift', 'noise', 'gain', 'speed'];

/** The explanations, the network choice, the augmentation switches and the three knobs. */
export function SoundSettings({ settings, onSettings, disabled }: SoundSettingsProps) {
  const t = useT();
  const embedding = settings.model === 'embedding';
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>{t('sound.hood.features')}</p>
      <Select<SoundModelKind>
        label={t('sound.hood.network')}
        hint={embedding ? t('sound.hood.networkEmbeddingHint') : t('sound.hood.networkCnnHint')}
        value={settings.model}
        options={[
          { value: 'embedding', label: t('sound.hood.networkEmbedding') },
          { value: 'cnn', label: t('sound.hood.networkCnn') },
        ]}
        disabled={disabled}
        // Each network starts from its own measured defaults (epochs, batch size, learning rate).
        onChange={(model) => onSettings({ ...soundSettingsFor(model), augment: settings.augment })}
        data-testid="sound-network"
      />
      <p>{embedding ? t('sound.hood.embedding') : t('sound.hood.model')}</p>
      {embedding && (
        <fieldset className="space-y-1" data-testid="sound-augment">
          <legend className="font-medium text-slate-800">{t('sound.hood.augment')}</legend>
          <p className="text-xs text-slate-600">{t('sound.hood.augmentHint')}</p>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {SWITCHES.map((k) => (
              <label key={k} className="flex min-h-11 items-center gap-2 sm:min-h-0">
                <input
                  type="checkbox"
                  checked={settings.augment[k]}
                  disabled={disabled}
                  onChange={(e) => onSettings({ augment: { ...settings.augment, [k]: e.target.checked } })}
                />
                {t(`sound.hood.augment.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
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
        onClick={() => onSettings(soundSettingsFor(settings.model))}
      >
        {t('sound.hood.reset')}
      </Button>
    </div>
  );
}

/** The layers of the trained network with their output shapes and weights. */
export function SoundModelLayers({ model }: { model: { model: tf.LayersModel } }) {
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
