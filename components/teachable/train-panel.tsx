'use client';
// The Train panel of every teachable studio: train / cancel, progress, the outcome, the studio's
// settings ("Advanced") and "Under the hood" (curves, per-class accuracy, confusion matrix).
import { useErrorText } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { ModelCard } from '@/components/lesson/model-card';
import type { TrainingRun } from '@/components/training';
import { Alert, Button, Card, ProgressBar } from '@/components/ui';
import { MIN_EXAMPLES_TO_HOLD_OUT } from '@/lib/transfer/constants';
import type { TrainSummary } from '@/lib/transfer/types';

import { TrainResults } from './train-results';

/** Props for {@link TrainPanel}. */
export interface TrainPanelProps {
  run: TrainingRun<TrainSummary>;
  /** A translated reason training cannot start, shown instead of running. */
  blocker: string | null;
  disabled?: boolean;
  onTrain: () => void;
  /** The studio's settings, in a closed "Advanced" section. */
  settings?: React.ReactNode;
  /** Explanations (and settings) shown first in "Under the hood", which is then always there. */
  hood?: React.ReactNode;
  /** Shown last in "Under the hood" (e.g. the model's layers). */
  hoodFooter?: React.ReactNode;
  /** Label of the progress bar before the first epoch. Defaults to the augmentation message. */
  preparingLabel?: string;
  /** The success message. Defaults to rounds and seconds. */
  doneText?: (summary: TrainSummary) => string;
  /** The failure message. Defaults to "Training did not work: …". */
  errorText?: (error: unknown) => string;
  /** A note under the outcome (e.g. "your examples changed since"). */
  notice?: React.ReactNode;
  /** Examples per class (in label order), for the kids' model card shown after training. */
  examples?: number[];
}

/** Train button with progress, settings and the results a teacher can explain. */
export function TrainPanel({
  run,
  blocker,
  disabled,
  onTrain,
  settings,
  hood,
  hoodFooter,
  preparingLabel,
  doneText,
  errorText,
  notice,
  examples,
}: TrainPanelProps) {
  const t = useT();
  const errorMessage = useErrorText();
  const { state, busy } = run;
  const r = state.result;
  return (
    <Card title={t('teach.trainTitle')} className="space-y-4">
      <div className="flex flex-wrap gap-2">
        {busy ? (
          <Button variant="danger" onClick={run.cancel} data-testid="cancel-training">
            {t('teach.cancelTraining')}
          </Button>
        ) : (
          <Button size="lg" onClick={onTrain} disabled={disabled} data-testid="train-button">
            {state.phase === 'done' ? t('teach.retrain') : t('teach.train')}
          </Button>
        )}
      </div>
      {blocker && !busy && <Alert kind="warning">{blocker}</Alert>}
      {state.phase === 'preparing' && (
        <ProgressBar value={state.progress} label={preparingLabel ?? t('teach.augmenting')} />
      )}
      {state.phase === 'training' && state.epoch === 0 && (
        // The first round also sets up the engine (compiling shaders, allocating), which can take
        // as long as many later rounds: say so rather than sit at "0 of 50".
        <ProgressBar value={null} label={t('teach.gettingReady')} />
      )}
      {state.phase === 'training' && state.epoch > 0 && (
        <ProgressBar
          value={state.epochs ? state.epoch / state.epochs : null}
          label={t('teach.training')}
          detail={t('teach.epochOf', { epoch: state.epoch, epochs: state.epochs })}
        />
      )}
      <div data-testid="train-status" data-status={state.phase} className="space-y-2">
        {state.phase === 'done' && r && (
          <Alert kind="success">
            <span data-testid="training-done">
              {doneText
                ? doneText(r)
                : t('teach.trained', { seconds: (r.ms / 1000).toFixed(1), epochs: r.epochsRun })}
            </span>
          </Alert>
        )}
        {state.phase === 'done' && r?.tooFewToTest && (
          <p className="text-sm text-slate-700" data-testid="accuracy-needs-more">
            {t('teach.accuracyNeedsMore', { count: r.counts.train, min: MIN_EXAMPLES_TO_HOLD_OUT })}
          </p>
        )}
        {state.phase === 'cancelled' && (
          <Alert kind="info">{t('teach.cancelled', { epochs: r?.epochsRun ?? state.epoch })}</Alert>
        )}
        {state.phase === 'error' && (
          <Alert kind="error">
            {errorText
              ? errorText(state.error)
              : t('teach.trainError', { message: errorMessage(state.error) })}
          </Alert>
        )}
        {!busy && notice}
      </div>
      {state.phase === 'done' && r && examples && (
        <ModelCard
          labels={r.labels}
          examples={examples}
          confusion={r.confusion}
          validationAccuracy={r.validationAccuracy}
        />
      )}
      {settings && (
        <details className="rounded-xl border border-slate-200 p-3" data-lesson-panel="settings">
          <summary className="cursor-pointer font-medium">{t('teach.advanced')}</summary>
          {settings}
        </details>
      )}
      {(hood || state.history.loss.length > 0 || r) && (
        // Closed by default: children see the answer and the preview; teachers open the numbers.
        <details
          className="rounded-xl border border-slate-200 p-3"
          data-testid="under-the-hood"
          data-lesson-panel="details"
        >
          <summary className="cursor-pointer font-medium">{t('teach.underTheHood')}</summary>
          <div className="mt-3 space-y-4">
            {hood}
            {(state.history.loss.length > 0 || r) && <TrainResults state={state} />}
            {hoodFooter}
          </div>
        </details>
      )}
    </Card>
  );
}
