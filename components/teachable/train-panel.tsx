'use client';
// The Train panel: train / cancel, progress, the Advanced settings, and "Under the hood" results.
import { useT } from '@/components/i18n/i18n-provider';
import { Alert, Button, ConfusionMatrix, ProgressBar, Slider, TrainingCurves } from '@/components/ui';
import type { AugmentSettings } from '@/lib/transfer/project';
import type { HeadConfig } from '@/lib/transfer/types';

import type { TrainingState } from './use-head-training';

/** Props for {@link TrainPanel}. */
export interface TrainPanelProps {
  settings: HeadConfig;
  onSettings: (s: Partial<HeadConfig>) => void;
  /** Omit to hide augmentation (studios whose inputs cannot be augmented). */
  augment?: AugmentSettings;
  onAugment?: (a: Partial<AugmentSettings>) => void;
  state: TrainingState;
  /** A translated reason training cannot start, shown instead of running. */
  blocker: string | null;
  disabled?: boolean;
  onTrain: () => void;
  onCancel: () => void;
}

const BATCH_SIZES = [8, 16, 32, 64, 128];

/** Train button with progress, advanced settings and the results a teacher can explain. */
export function TrainPanel({
  settings,
  onSettings,
  augment,
  onAugment,
  state,
  blocker,
  disabled,
  onTrain,
  onCancel,
}: TrainPanelProps) {
  const t = useT();
  const running = state.status === 'training' || state.status === 'preparing';
  const r = state.result;
  return (
    <section
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="train-title"
    >
      <h2 id="train-title" className="text-lg font-semibold">
        {t('teach.trainTitle')}
      </h2>
      <div className="flex flex-wrap gap-2">
        {running ? (
          <Button variant="danger" onClick={onCancel} data-testid="cancel-training">
            {t('teach.cancelTraining')}
          </Button>
        ) : (
          <Button size="lg" onClick={onTrain} disabled={disabled} data-testid="train-button">
            {state.status === 'done' ? t('teach.retrain') : t('teach.train')}
          </Button>
        )}
      </div>
      {blocker && !running && <Alert kind="warning">{blocker}</Alert>}
      {state.status === 'preparing' && (
        <ProgressBar value={state.prepareProgress} label={t('teach.augmenting')} />
      )}
      {state.status === 'training' && (
        <ProgressBar
          value={state.epochs ? state.epoch / state.epochs : null}
          label={t('teach.training')}
          detail={t('teach.epochOf', { epoch: state.epoch, epochs: state.epochs })}
        />
      )}
      {state.status === 'done' && r && (
        <Alert kind="success">
          <span data-testid="training-done">
            {t('teach.trained', { seconds: (r.ms / 1000).toFixed(1), epochs: r.epochsRun })}
          </span>
        </Alert>
      )}
      {state.status === 'cancelled' && (
        <Alert kind="info">{t('teach.cancelled', { epochs: r?.epochsRun ?? state.epoch })}</Alert>
      )}
      {state.status === 'error' && (
        <Alert kind="error">
          {t('teach.trainError', {
            message: state.error instanceof Error ? state.error.message : String(state.error),
          })}
        </Alert>
      )}

      <details className="rounded-xl border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium">{t('teach.advanced')}</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <Slider
            label={t('teach.epochs')}
            value={settings.epochs}
            min={1}
            max={200}
            disabled={running}
            hint={t('teach.epochsHint')}
            onChange={(v) => onSettings({ epochs: Math.round(v) })}
          />
          <label className="space-y-1 text-sm">
            <span className="block font-medium text-slate-800">{t('teach.batchSize')}</span>
            <select
              className="w-full rounded-lg border border-slate-300 px-2 py-1"
              value={settings.batchSize}
              disabled={running}
              onChange={(e) => onSettings({ batchSize: Number(e.target.value) })}
            >
              {BATCH_SIZES.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
            <span className="block text-xs text-slate-500">{t('teach.batchHint')}</span>
          </label>
          <Slider
            label={t('teach.learningRate')}
            value={settings.learningRate}
            min={0.0001}
            max={0.1}
            log
            disabled={running}
            hint={t('teach.learningRateHint')}
            onChange={(v) => onSettings({ learningRate: v })}
          />
          <Slider
            label={t('teach.validation')}
            value={settings.validationSplit}
            min={0}
            max={0.5}
            step={0.05}
            disabled={running}
            format={(v) => `${Math.round(v * 100)}%`}
            hint={t('teach.validationHint')}
            onChange={(v) => onSettings({ validationSplit: Math.round(v * 100) / 100 })}
          />
          {augment && onAugment && (
            <fieldset className="space-y-2 text-sm sm:col-span-2" disabled={running}>
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
                <div className="flex flex-wrap gap-4 pl-6">
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
                  <label className="flex items-center gap-2">
                    {t('teach.augmentCopies')}
                    <select
                      value={augment.copies}
                      onChange={(e) => onAugment({ copies: Number(e.target.value) })}
                      className="rounded border px-1"
                    >
                      {[1, 2, 3, 4].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              )}
              <p className="text-xs text-slate-500">{t('teach.augmentHint')}</p>
            </fieldset>
          )}
          <Button
            variant="ghost"
            size="sm"
            disabled={running}
            onClick={() =>
              onSettings({ epochs: 50, batchSize: 16, learningRate: 0.001, validationSplit: 0.15 })
            }
          >
            {t('teach.resetDefaults')}
          </Button>
        </div>
      </details>

      {(state.history.loss.length > 0 || r) && (
        <details className="rounded-xl border border-slate-200 p-3" open>
          <summary className="cursor-pointer font-medium">{t('teach.underTheHood')}</summary>
          <div className="mt-3 space-y-4">
            <p className="text-sm text-slate-600">{t('teach.curvesExplain')}</p>
            <TrainingCurves history={state.history} />
            {r && (
              <>
                <p className="text-sm" data-testid="training-time">
                  {t('teach.timeAndCounts', {
                    seconds: (r.ms / 1000).toFixed(1),
                    train: r.counts.train,
                    validation: r.counts.validation,
                  })}
                </p>
                {r.counts.validation > 0 ? (
                  <div className="grid gap-4 md:grid-cols-2">
                    <table className="self-start text-sm" data-testid="per-class-accuracy">
                      <caption className="mb-1 text-left font-medium">{t('teach.perClass')}</caption>
                      <tbody>
                        {state.labels.map((l, i) => (
                          <tr key={`${l}-${i}`}>
                            <th scope="row" className="pr-3 text-left font-normal">
                              {l}
                            </th>
                            <td className="tabular-nums">
                              {r.perClassAccuracy[i] === null
                                ? '—'
                                : `${Math.round((r.perClassAccuracy[i] ?? 0) * 100)}%`}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <ConfusionMatrix
                      labels={state.labels}
                      matrix={r.confusion}
                      title={t('teach.confusion')}
                      caption={t('teach.confusionExplain')}
                      trueLabel={t('teach.actual')}
                      predictedLabel={t('teach.predicted')}
                    />
                  </div>
                ) : (
                  <p className="text-sm text-slate-500">{t('teach.noValidation')}</p>
                )}
              </>
            )}
          </div>
        </details>
      )}
    </section>
  );
}
