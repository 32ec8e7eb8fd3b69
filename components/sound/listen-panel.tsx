'use client';
// Live recognition: every quarter second the last full second of microphone sound becomes a
// spectrogram and the model's guess; a class "fires" when it is sure enough.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Button, Card, ConfidenceBars, Slider } from '@/components/ui';
import {
  AUDIO_SAMPLE_RATE,
  EXAMPLE_SAMPLES,
  LogMelComputer,
  StreamingLogMel,
  type SpectrogramConfig,
  type Spectrogram,
} from '@/lib/audio';

import type { Microphone } from './use-microphone';

/** Live recognition checks the last second every this many samples (250 ms): windows overlap by 75%. */
const LISTEN_HOP = AUDIO_SAMPLE_RATE / 4;
const FRAMES_PER_EXAMPLE = new LogMelComputer().compute(new Float32Array(EXAMPLE_SAMPLES)).frames;

/** Props for {@link ListenPanel}. */
export interface ListenPanelProps {
  mic: Microphone;
  /** The live model (embedding + head or CNN); only its spectrogram settings are read here. */
  model: { spectrogramConfig: SpectrogramConfig } | null;
  predict: (spec: Spectrogram) => Promise<number[] | null>;
  labels: string[];
  colors: string[];
  /** Name of the Background class (it never "fires"). */
  backgroundLabel: string | undefined;
  threshold: number;
  onThreshold: (v: number) => void;
  /** Listening cannot start while training or recording. */
  disabled: boolean;
  onListening: (on: boolean) => void;
  /** Receives the function that stops listening (for imports and resets). */
  stopRef: React.MutableRefObject<(() => void) | null>;
}

/** Start / stop listening, what was heard, the bars and the threshold. */
export function ListenPanel(p: ListenPanelProps) {
  const t = useT();
  const { mic, model, predict, labels, threshold } = p;
  const [listening, setListening] = useState(false);
  const [probs, setProbs] = useState<number[] | null>(null);
  const off = useRef<(() => void) | null>(null);
  const onListening = p.onListening;

  const stop = useCallback(() => {
    off.current?.();
    off.current = null;
    setListening(false);
    onListening(false);
  }, [onListening]);
  p.stopRef.current = stop;
  useEffect(() => stop, [stop]);
  // A new model (trained or imported) starts with empty bars and its own labels.
  useEffect(() => setProbs(null), [model]);

  const start = async () => {
    if (!model || !(await mic.ensure())) return;
    const stream = new StreamingLogMel(FRAMES_PER_EXAMPLE, model.spectrogramConfig);
    let since = 0;
    let busy = false;
    off.current = mic.mic.onChunk((chunk) => {
      stream.push(chunk);
      since += chunk.length;
      if (since < LISTEN_HOP || busy) return;
      const spec = stream.latest();
      if (!spec) return;
      since = 0;
      busy = true;
      predict(spec)
        .then((values) => values && setProbs(values))
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    });
    setListening(true);
    onListening(true);
  };

  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  const fired =
    probs && best >= 0 && probs[best]! >= threshold && labels[best] !== p.backgroundLabel
      ? labels[best]!
      : null;
  return (
    <Card
      title={t('sound.listen.heading')}
      className="space-y-4"
      actions={
        <Button
          onClick={() => void (listening ? stop() : start())}
          disabled={!model || p.disabled}
          variant={listening ? 'secondary' : 'primary'}
        >
          {listening ? t('sound.listen.stop') : t('sound.listen.start')}
        </Button>
      }
    >
      {!model && <p className="text-sm text-slate-600">{t('sound.listen.needModel')}</p>}
      {model && (
        <>
          <p className="text-sm text-slate-600">{t('sound.listen.explain')}</p>
          <div
            className="rounded-xl bg-slate-50 p-4 text-center text-2xl font-bold"
            aria-live="polite"
            data-testid="heard"
            data-label={fired ?? ''}
          >
            {fired ? t('sound.listen.heard', { label: fired }) : t('sound.listen.nothing')}
            {fired && (
              <span className="mt-1 block text-base font-medium text-slate-600" data-testid="heard-sure">
                {t('sound.listen.sure', { pct: `${Math.round(probs![best]! * 100)}%` })}
              </span>
            )}
          </div>
          <ConfidenceBars
            title={t('sound.listen.bars')}
            labels={labels}
            values={probs && probs.length === labels.length ? probs : labels.map(() => 0)}
            colors={p.colors}
          />
          <Slider
            label={t('sound.listen.threshold')}
            hint={t('sound.listen.thresholdHint')}
            value={threshold}
            min={0.5}
            max={0.99}
            step={0.01}
            format={(v) => `${Math.round(v * 100)}%`}
            onChange={p.onThreshold}
          />
        </>
      )}
    </Card>
  );
}
