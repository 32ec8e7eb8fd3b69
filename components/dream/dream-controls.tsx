'use client';
// Controls both picture tools share: the settings sliders, the output-size chooser and the end-of-run message.
import { useT, type TFunction } from '@/components/i18n/i18n-provider';
import { Alert, Button, Select, Slider } from '@/components/ui';
import type { MessageKey } from '@/lib/i18n';
import { OUTPUT_SIZES } from '@/lib/vision';

import type { Outcome } from './use-picture-run';

/** Message keys that have a `.hint` message beside them. */
type HintedKey = { [M in MessageKey]: `${M}.hint` extends MessageKey ? M : never }[MessageKey];

/** One numeric setting's slider: labelled by `message`, explained by `message.hint`. */
export interface SettingSlider<K extends string> {
  setting: K;
  message: HintedKey;
  min: number;
  max: number;
  step?: number;
  log?: boolean;
  /** Decimal places the chosen value is rounded to (fractional steps drift). */
  decimals?: number;
  format?: (value: number, t: TFunction) => string;
}

/** The sliders of a settings object, one {@link Slider} each, in the given order. */
export function SettingSliders<K extends string>({
  sliders,
  values,
  onChange,
}: {
  sliders: readonly SettingSlider<K>[];
  values: Record<K, number>;
  onChange: (setting: K, value: number) => void;
}) {
  const t = useT();
  return (
    <>
      {sliders.map(({ setting, message, min, max, step, log, decimals, format }) => (
        <Slider
          key={setting}
          label={t(message)}
          hint={t(`${message}.hint`)}
          value={values[setting]}
          min={min}
          max={max}
          step={step}
          log={log}
          format={format && ((v) => format(v, t))}
          onChange={(v) => onChange(setting, decimals === undefined ? v : Number(v.toFixed(decimals)))}
        />
      ))}
    </>
  );
}

/** The output-size chooser, with a warning on engines without a graphics card. */
export function SizeSelect({
  value,
  onChange,
  gpu,
  backend,
  testId,
}: {
  value: number;
  onChange: (v: number) => void;
  gpu: boolean;
  backend: string | null;
  testId: string;
}) {
  const t = useT();
  return (
    <Select
      label={t('dream.size')}
      value={String(value)}
      data-testid={testId}
      onChange={(v) => onChange(Number(v))}
      options={OUTPUT_SIZES.map((s) => ({ value: String(s), label: t('kids.px', { n: s }) }))}
      hint={
        <>
          {t('dream.size.hint')}
          {!gpu && backend && value > 256 && (
            <span className="block text-amber-700">{t('dream.size.slow', { backend })}</span>
          )}
        </>
      }
    />
  );
}

/** What happened at the end of a run: timing, cancel note, or an error with a smaller-size retry. */
export function OutcomeAlert({
  outcome,
  doneKey,
  onRetry,
}: {
  outcome: Outcome | null;
  doneKey: MessageKey;
  onRetry: (size: number) => void;
}) {
  const t = useT();
  if (!outcome) return null;
  if (outcome.kind === 'done')
    return (
      <Alert kind="success">
        {t(doneKey, { seconds: (outcome.seconds ?? 0).toFixed(1), ms: Math.round(outcome.msPerStep ?? 0) })}
      </Alert>
    );
  if (outcome.kind === 'cancelled') return <Alert kind="info">{t('dream.cancelled')}</Alert>;
  if (outcome.kind === 'oom')
    return (
      <Alert kind="error">
        <p>{t('dream.oom', { size: outcome.size ?? '' })}</p>
        {outcome.smaller && (
          <Button size="sm" className="mt-2" onClick={() => onRetry(outcome.smaller!)}>
            {t('dream.oom.retry', { size: outcome.smaller })}
          </Button>
        )}
      </Alert>
    );
  return <Alert kind="error">{t('dream.failed', { message: outcome.message ?? '' })}</Alert>;
}
