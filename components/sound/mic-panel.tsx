'use client';
// The Sound studio's microphone section: input and record length, on / off, the live spectrogram
// and the loudness meter.
import { useT } from '@/components/i18n/i18n-provider';
import { Alert, Button, Card, Select } from '@/components/ui';

import { LiveSpectrogram } from './spectrogram-view';
import type { Microphone } from './use-microphone';

/** Record lengths offered, in seconds. */
export const RECORD_CHOICES = ['1', '2', '4', '8'] as const;

/** Props for {@link MicPanel}. */
export interface MicPanelProps {
  mic: Microphone;
  recordSeconds: number;
  onRecordSeconds: (s: number) => void;
  /** The on/off button waits while something records, trains or listens. */
  disabled: boolean;
}

/** Microphone controls and what it hears. */
export function MicPanel({ mic, recordSeconds, onRecordSeconds, disabled }: MicPanelProps) {
  const t = useT();
  return (
    <Card
      title={t('sound.mic.heading')}
      className="space-y-3"
      actions={
        <div className="flex flex-wrap items-end gap-3">
          {mic.devices.length > 1 && (
            <Select
              label={t('sound.mic.input')}
              value={mic.deviceId}
              options={mic.devices.map((d, i) => ({
                value: d.deviceId,
                label: d.label || `${t('sound.mic.defaultInput')} ${i + 1}`,
              }))}
              onChange={mic.choose}
            />
          )}
          <Select
            label={t('sound.record.seconds')}
            value={String(recordSeconds) as (typeof RECORD_CHOICES)[number]}
            options={RECORD_CHOICES.map((s) => ({ value: s, label: `${s} s` }))}
            onChange={(v) => onRecordSeconds(Number(v))}
          />
          <Button
            variant={mic.on ? 'secondary' : 'primary'}
            onClick={() => void (mic.on ? mic.stop() : mic.start(mic.deviceId))}
            disabled={disabled}
          >
            {mic.on ? t('sound.mic.stop') : t('sound.mic.start')}
          </Button>
        </div>
      }
    >
      {mic.error && <Alert kind="error">{mic.error}</Alert>}
      <LiveSpectrogram
        mic={mic.mic}
        active={mic.on}
        label={t('sound.mic.spectrogram')}
        levelLabel={t('sound.mic.level')}
      />
      <p className="text-xs text-slate-500">{t('sound.mic.spectrogram')}</p>
    </Card>
  );
}
