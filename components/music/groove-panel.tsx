'use client';
// GroovePanel: the Music studio's Groove (humanise a drum clip) and Drumify (rhythm → full beat) tools, run
// by our GrooVAE checkpoints in Magenta's MusicVAE. Shown only where the model files are served.
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { Alert, Button, ProgressBar, Slider } from '@/components/ui';
import { newId } from '@/lib/ids';
import {
  type Clip,
  drumifyClip,
  GROOVE_STEPS,
  type GrooveModel,
  grooveClip,
  LIMITS,
  type Note,
  secondsPerStep,
  tapsToNotes,
} from '@/lib/music';

import { useMusicModels } from './use-music-models';

type GrooveModelId = 'groovae_2bar_humanize' | 'groovae_2bar_tap';
const MODEL_IDS: readonly GrooveModelId[] = ['groovae_2bar_humanize', 'groovae_2bar_tap'];

/** Props for {@link GroovePanel}. */
export interface GroovePanelProps {
  /** The studio's clips; Groove offers the drum clips, Drumify all of them. */
  clips: readonly Clip[];
  /** Studio tempo (quarter notes per minute): taps are read and new clips made at this tempo. */
  qpm: number;
  /** Receives each new clip (the studio adds and selects it). */
  onAddClip: (clip: Clip) => void;
  /** True while the studio is busy with something else. */
  disabled?: boolean;
}

interface Busy {
  label: string;
  done: number;
  total: number;
}

/** Groove and Drumify, with a 2-bar tap grid. */
export function GroovePanel({ clips, qpm, onAddClip, disabled = false }: GroovePanelProps) {
  const t = useT();
  const [grooveId, setGrooveId] = useState('');
  const [drumifyId, setDrumifyId] = useState('');
  const [temperature, setTemperature] = useState(0);
  const [taps, setTaps] = useState<Note[]>([]);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info' | 'success'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const tapStart = useRef<number | null>(null);
  const tapTimes = useRef<number[]>([]);
  const tapBase = useRef<Note[]>([]);

  // "Where models exist": both checkpoint folders must be served.
  const models = useMusicModels(MODEL_IDS);
  const available = MODEL_IDS.some((id) => models.available[id] === 'no')
    ? 'no'
    : MODEL_IDS.every((id) => models.available[id] === 'yes')
      ? 'yes'
      : 'checking';
  const getModel = models.get;
  useEffect(() => () => abort.current?.abort(), []);

  const run = useCallback(
    async (mode: 'groove' | 'drumify', source: Pick<Clip, 'notes' | 'totalQuantizedSteps'>, name: string) => {
      setMessage(null);
      const ctrl = new AbortController();
      abort.current = ctrl;
      setBusy({ label: t('groove.busy.loading'), done: 0, total: 1 });
      try {
        const vae = await getModel<GrooveModel>(
          mode === 'groove' ? 'groovae_2bar_humanize' : 'groovae_2bar_tap',
        );
        if (ctrl.signal.aborted) throw Object.assign(new Error('Cancelled.'), { name: 'AbortError' });
        const chunks = Math.ceil(source.totalQuantizedSteps / GROOVE_STEPS);
        const label = (k: number) =>
          t('groove.busy.working', {
            from: 2 * k + 1,
            to: Math.min(2 * k + 2, Math.ceil(source.totalQuantizedSteps / 16)),
          });
        setBusy({ label: label(0), done: 0, total: chunks });
        await new Promise((r) => setTimeout(r, 0));
        const options = {
          temperature,
          signal: ctrl.signal,
          onProgress: (done: number, total: number) =>
            setBusy({ label: label(Math.min(done, total - 1)), done, total }),
        };
        const input = { notes: source.notes, totalQuantizedSteps: source.totalQuantizedSteps, qpm };
        const out =
          mode === 'groove' ? await grooveClip(vae, input, options) : await drumifyClip(vae, input, options);
        onAddClip({
          id: newId(),
          name,
          kind: 'drums',
          notes: out.notes,
          totalQuantizedSteps: out.totalQuantizedSteps,
          qpm,
        });
        setMessage({ kind: 'success', text: t('groove.done', { name, n: out.notes.length }) });
      } catch (e) {
        const err = e as Error;
        setMessage(
          err.name === 'AbortError'
            ? { kind: 'info', text: t('groove.cancelled') }
            : { kind: 'error', text: t('groove.error', { message: errorTextNow(err) }) },
        );
      } finally {
        abort.current = null;
        setBusy(null);
      }
    },
    [getModel, onAddClip, qpm, t, temperature],
  );

  const tap = () => {
    const now = performance.now() / 1000;
    // A pause longer than two bars (or a click on the grid) starts a new run of taps; the squares
    // already set stay, and a tap on a set square replaces it with its played timing.
    if (tapStart.current === null || now - tapStart.current > GROOVE_STEPS * secondsPerStep(qpm)) {
      tapStart.current = now;
      tapTimes.current = [];
      tapBase.current = taps;
    }
    tapTimes.current.push(now - tapStart.current);
    const played = tapsToNotes(tapTimes.current, qpm);
    const steps = new Set(played.map((n) => n.quantizedStartStep));
    setTaps(
      [...tapBase.current.filter((n) => !steps.has(n.quantizedStartStep)), ...played].sort(
        (a, b) => a.quantizedStartStep - b.quantizedStartStep,
      ),
    );
  };
  const toggleStep = (step: number) => {
    tapStart.current = null;
    setTaps((prev) =>
      prev.some((n) => n.quantizedStartStep === step)
        ? prev.filter((n) => n.quantizedStartStep !== step)
        : [...prev, ...tapsToNotes([step * secondsPerStep(qpm)], qpm)].sort(
            (a, b) => a.quantizedStartStep - b.quantizedStartStep,
          ),
    );
  };

  if (available !== 'yes') {
    return (
      <section
        className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4"
        data-testid="groove-panel"
      >
        <h2 className="text-xl font-semibold">{t('groove.title')}</h2>
        <Alert kind={available === 'no' ? 'warning' : 'info'}>
          {t(available === 'no' ? 'groove.unavailable' : 'groove.checking')}
        </Alert>
      </section>
    );
  }

  const drumClips = clips.filter((c) => c.kind === 'drums');
  const grooveClipChosen = drumClips.find((c) => c.id === grooveId);
  const drumifySource = clips.find((c) => c.id === drumifyId);
  const off = disabled || busy !== null;
  const tapped = new Map(taps.map((n) => [n.quantizedStartStep, n]));

  return (
    <section
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4"
      aria-labelledby="groove-title"
      data-testid="groove-panel"
    >
      <div className="space-y-1">
        <h2 id="groove-title" className="text-xl font-semibold">
          {t('groove.title')}
        </h2>
        <p className="text-slate-700">{t('groove.lead')}</p>
      </div>
      <div className="max-w-md">
        <Slider
          label={t('groove.temperature')}
          value={temperature}
          min={LIMITS.temperature[0]}
          max={LIMITS.temperature[1]}
          step={0.1}
          format={(v) => v.toFixed(1)}
          onChange={setTemperature}
          hint={t('groove.temperature.hint')}
          disabled={off}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset className="space-y-3 rounded-xl border border-slate-200 p-3" data-testid="groove-groove">
          <legend className="px-1 font-medium">{t('groove.groove')}</legend>
          {drumClips.length ? (
            <label className="flex flex-col text-sm">
              {t('groove.groove.clip')}
              <select
                className="rounded-lg border border-slate-300 px-2 py-1"
                value={grooveId}
                onChange={(e) => setGrooveId(e.target.value)}
                disabled={off}
              >
                <option value="">{t('groove.choose')}</option>
                {drumClips.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="text-sm text-slate-600">{t('groove.groove.none')}</p>
          )}
          <Button
            disabled={off || !grooveClipChosen}
            onClick={() =>
              grooveClipChosen &&
              void run('groove', grooveClipChosen, t('groove.name.groove', { name: grooveClipChosen.name }))
            }
          >
            {t('groove.groove.go')}
          </Button>
        </fieldset>

        <fieldset className="space-y-3 rounded-xl border border-slate-200 p-3" data-testid="groove-drumify">
          <legend className="px-1 font-medium">{t('groove.drumify')}</legend>
          <label className="flex flex-col text-sm">
            {t('groove.drumify.source')}
            <select
              className="rounded-lg border border-slate-300 px-2 py-1"
              value={drumifyId}
              onChange={(e) => setDrumifyId(e.target.value)}
              disabled={off}
            >
              <option value="">{t('groove.drumify.taps')}</option>
              {clips.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <p className="text-sm text-slate-600">{t('groove.drumify.hint')}</p>
          {!drumifySource && (
            <div className="space-y-2">
              <p className="text-sm font-medium" id="groove-grid-label">
                {t('groove.tap.grid')}
              </p>
              <div
                className="grid grid-cols-16 gap-1 xl:grid-cols-32"
                role="group"
                aria-labelledby="groove-grid-label"
                data-testid="tap-grid"
              >
                {Array.from({ length: GROOVE_STEPS }, (_, s) => {
                  const n = tapped.get(s);
                  return (
                    <button
                      key={s}
                      type="button"
                      aria-pressed={!!n}
                      aria-label={t('groove.tap.step', { n: s + 1 })}
                      disabled={off}
                      onClick={() => toggleStep(s)}
                      className={`h-7 min-w-0 rounded border focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 ${
                        n
                          ? 'border-orange-600 bg-orange-500'
                          : s % 4 === 0
                            ? 'border-slate-400 bg-slate-100'
                            : 'border-slate-300 bg-white'
                      }`}
                    />
                  );
                })}
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <Button size="sm" variant="secondary" onClick={tap} disabled={off} data-testid="tap-button">
                  {t('groove.tap.button')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={off || !taps.length}
                  onClick={() => {
                    tapStart.current = null;
                    setTaps([]);
                  }}
                >
                  {t('groove.tap.clear')}
                </Button>
                <span className="text-sm text-slate-600" aria-live="polite">
                  {t('groove.tap.count', { n: taps.length })}
                </span>
              </div>
              <p className="text-sm text-slate-600">{t('groove.tap.hint')}</p>
            </div>
          )}
          <Button
            disabled={off}
            onClick={() => {
              if (drumifySource)
                void run('drumify', drumifySource, t('groove.name.drumify', { name: drumifySource.name }));
              else if (!taps.length) setMessage({ kind: 'error', text: t('groove.tap.empty') });
              else
                void run(
                  'drumify',
                  { notes: taps, totalQuantizedSteps: GROOVE_STEPS },
                  t('groove.name.taps'),
                );
            }}
          >
            {t('groove.drumify.go')}
          </Button>
        </fieldset>
      </div>
      {busy && (
        <div className="space-y-2" data-testid="groove-busy">
          <ProgressBar value={busy.total ? busy.done / busy.total : 0} label={busy.label} />
          <Button variant="secondary" size="sm" onClick={() => abort.current?.abort()}>
            {t('groove.cancel')}
          </Button>
        </div>
      )}
      {message && (
        <Alert kind={message.kind} onDismiss={() => setMessage(null)} dismissLabel={t('music.dismiss')}>
          <span data-testid="groove-message">{message.text}</span>
        </Alert>
      )}
      <p className="text-xs text-slate-600">{t('groove.credit')}</p>
    </section>
  );
}
