'use client';
// TrainStop: the lab's Train button, which reads "Training…" while a run goes, and a Stop button beside it.
import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui';

/** Props for {@link TrainStop}. */
export interface TrainStopProps {
  running: boolean;
  /** Besides running, anything else that keeps Train disabled (no data yet). */
  disabled?: boolean;
  onTrain: () => void;
  onStop: () => void;
  /** Text of the Train button when idle. */
  trainLabel: string;
  trainTestId: string;
  stopTestId?: string;
}

/** Train and Stop, as every lab tab shows them. */
export function TrainStop({
  running,
  disabled,
  onTrain,
  onStop,
  trainLabel,
  trainTestId,
  stopTestId,
}: TrainStopProps) {
  const t = useT();
  return (
    <div className="flex gap-2">
      <Button onClick={onTrain} disabled={running || disabled} data-testid={trainTestId}>
        {running ? t('lab.seq.training') : trainLabel}
      </Button>
      {running && (
        <Button variant="secondary" onClick={onStop} data-testid={stopTestId}>
          {t('lab.seq.stop')}
        </Button>
      )}
    </div>
  );
}
