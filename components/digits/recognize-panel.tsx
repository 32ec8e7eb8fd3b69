'use client';
// RecognizePanel: draw a digit, see the 28×28 the network sees, ten probability bars and the answer.
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { DrawingCanvas, type DrawingCanvasHandle } from '@/components/media/drawing-canvas';
import { Alert, Button, ConfidenceBars, Select } from '@/components/ui';
import { calibrateProbabilities, DIGIT_LABELS, digitCalibration } from '@/lib/digits';

import { DigitImage } from './digit-image';
import type { DigitModelChoice, DigitModelInfo, useDigitModels } from './use-digit-models';

/** Props: the models hook (shared with the training panel) and the learner's drawings store. */
export interface RecognizePanelProps {
  models: ReturnType<typeof useDigitModels>;
  onAddDrawing: (pixels: Float32Array, label: number) => void;
  drawingCount: number;
  /** Loads a random MNIST test digit (for keyboard users and a quick demo). */
  randomExample: () => Promise<Float32Array | null>;
}

/** The "Draw and recognise" tab. */
export function RecognizePanel({ models, onAddDrawing, drawingCount, randomExample }: RecognizePanelProps) {
  const t = useT();
  const canvas = useRef<DrawingCanvasHandle>(null);
  const [choice, setChoice] = useState<DigitModelChoice>('digits-cnn');
  const [info, setInfo] = useState<DigitModelInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [seen, setSeen] = useState<Float32Array | null>(null);
  const [probs, setProbs] = useState<number[] | null>(null);
  const [latency, setLatency] = useState<number | null>(null);
  const [addLabel, setAddLabel] = useState(0);
  const [added, setAdded] = useState(false);
  const busy = useRef(false);
  const again = useRef(false);
  // True from a change of the drawing until the answer for it is shown (tests wait on it).
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let alive = true;
    setInfo(null);
    setLoadError(null);
    models.get(choice).then(
      (l) => alive && setInfo(l.info),
      (e: unknown) => alive && setLoadError(errorTextNow(e)),
    );
    return () => {
      alive = false;
    };
  }, [choice, models]);

  const recognize = useCallback(async () => {
    // One prediction at a time; if strokes arrive meanwhile, run once more at the end.
    setPending(true);
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      do {
        again.current = false;
        const image = canvas.current?.getImageData();
        if (!image) break;
        const { preprocessDigit } = await import('@/lib/vision');
        const pixels = preprocessDigit(image);
        setSeen(pixels);
        setAdded(false);
        if (!pixels) {
          setProbs(null);
          break;
        }
        const loaded = await models.get(choice);
        const { predictDigit } = await import('@/lib/digits');
        const t0 = performance.now();
        const p = await predictDigit(loaded.model, pixels);
        setLatency(performance.now() - t0);
        // Temperature-scaled for the shipped models (docs/digits-models.md), unchanged for 'mine'.
        setProbs(calibrateProbabilities(p, digitCalibration(choice).temperature));
      } while (again.current);
    } catch (e) {
      setLoadError(errorTextNow(e));
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, [choice, models]);

  useEffect(() => {
    void recognize();
  }, [recognize]);

  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  const sure = probs ? probs[best] >= digitCalibration(choice).unsureBelow : false;

  const showExample = async () => {
    const pixels = await randomExample();
    if (!pixels) return;
    // Draw the white-on-black example as black ink on white paper, the way a person draws.
    const c = document.createElement('canvas');
    c.width = 28;
    c.height = 28;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = 255 - Math.round(pixels[i] * 255);
      img.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
    canvas.current?.drawImage(c);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[auto_1fr]">
      <div className="space-y-3">
        <DrawingCanvas ref={canvas} label={t('digits.canvas')} onChange={() => void recognize()} />
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => canvas.current?.undo()}>
            {t('digits.undo')}
          </Button>
          <Button variant="secondary" onClick={() => canvas.current?.clear()}>
            {t('digits.clear')}
          </Button>
          <Button variant="ghost" onClick={() => void showExample()}>
            {t('digits.example')}
          </Button>
        </div>
        <Select
          id="digits-model-select"
          label={t('digits.model')}
          value={choice}
          onChange={setChoice}
          options={[
            { value: 'digits-mlp', label: t('digits.model.mlp') },
            { value: 'digits-cnn', label: t('digits.model.cnn') },
            ...(models.hasMine ? [{ value: 'mine' as const, label: t('digits.model.mine') }] : []),
          ]}
        />
        {/* Numbers for teachers, closed for children. */}
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer">{t('teach.underTheHood')}</summary>
          <p data-testid="digits-model-info">
            {info
              ? t('digits.model.info', {
                  params: info.params.toLocaleString(),
                  accuracy: info.testAccuracy === null ? '?' : `${(info.testAccuracy * 100).toFixed(1)}%`,
                })
              : loadError
                ? ''
                : t('digits.model.loading')}
          </p>
          {latency !== null && <p>{t('digits.latency', { ms: latency.toFixed(1) })}</p>}
        </details>
        {loadError && <Alert kind="error">{t('digits.model.error', { message: loadError })}</Alert>}
      </div>
      <div className="space-y-5">
        <div className="flex flex-wrap items-start gap-6">
          <div className="space-y-1">
            <h3 className="text-sm font-medium">{t('digits.seen')}</h3>
            <DigitImage pixels={seen} label={t('digits.seen')} />
            <p className="max-w-56 text-xs text-slate-500">{t('digits.seenHint')}</p>
          </div>
          <div className="space-y-1" aria-live="polite">
            <h3 className="text-sm font-medium">{t('digits.answer')}</h3>
            {probs ? (
              <>
                <p
                  className="text-7xl leading-none font-bold text-indigo-700"
                  data-testid="digits-answer"
                  data-settled={!pending}
                >
                  {best}
                </p>
                {!sure && (
                  <p className="text-sm text-amber-700" data-testid="digits-unsure">
                    {t('digits.notSure', { digit: best })}
                  </p>
                )}
              </>
            ) : (
              <p className="text-slate-500" data-testid="digits-empty">
                {t('digits.empty')}
              </p>
            )}
          </div>
        </div>
        <ConfidenceBars
          title={t('digits.probabilities')}
          labels={DIGIT_LABELS}
          values={probs ?? new Array(10).fill(0)}
        />
        <div className="flex flex-wrap items-center gap-2 rounded-xl bg-slate-100 p-3 text-sm">
          <label htmlFor="digits-add-label">{t('digits.addDrawing')}</label>
          <Select
            id="digits-add-label"
            wrapperClassName="w-20"
            value={String(addLabel)}
            onChange={(v) => setAddLabel(Number(v))}
            options={DIGIT_LABELS.map((d) => ({ value: d, label: d }))}
          />
          <Button
            size="sm"
            variant="secondary"
            disabled={!seen}
            onClick={() => {
              if (!seen) return;
              onAddDrawing(seen, addLabel);
              setAdded(true);
            }}
          >
            {t('digits.addDrawing.button', { digit: addLabel })}
          </Button>
          <span className="text-slate-600" data-testid="digits-drawing-count">
            {added
              ? t('digits.addDrawing.done', { count: drawingCount })
              : t('digits.myDrawings', { count: drawingCount })}
          </span>
        </div>
      </div>
    </div>
  );
}
