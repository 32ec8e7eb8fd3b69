'use client';
// LearnPanel: "Learn from my MIDI". Pick melodies (uploaded .mid files or studio clips), fine-tune the
// melody model on them for a short while, compare the loss on held-out bars before and after, then
// generate with the tuned model, export it, or forget it.
import { useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { downloadFile } from '@/components/media/download';
import { FileDrop } from '@/components/media/file-drop';
import { useFileReading } from '@/components/media/use-file-reading';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, Button, FileProgress, ProgressBar, Select } from '@/components/ui';
import { FileError, MAX_MIDI_BYTES, checkFileSize, isCancelled, scanMidi } from '@/lib/files';
import { newId } from '@/lib/ids';
import { type Clip, midiToClipOffThread, type MelodySource } from '@/lib/music';

import { useMelodyTuning } from './use-melody-tuning';

/** Props of {@link LearnPanel}. */
export interface LearnPanelProps {
  clips: readonly Clip[];
  /** Length and temperature of melodies made with the tuned model (the studio's settings). */
  bars: number;
  temperature: number;
  qpm: number;
  onAddClip: (clip: Clip) => void;
  disabled?: boolean;
}

type Source = MelodySource & { name: string; id: string };
const DURATIONS = ['15', '30', '60'] as const;

/** The whole "Learn from my MIDI" tool. */
export function LearnPanel({ clips, bars, temperature, qpm, onAddClip, disabled = false }: LearnPanelProps) {
  const t = useT();
  const backend = useBackend();
  const tuning = useMelodyTuning();
  const { run, progress, tuned } = tuning;
  const [files, setFiles] = useState<Source[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [seconds, setSeconds] = useState<(typeof DURATIONS)[number]>('60');
  const [error, setError] = useState<string | null>(null);
  const reading = useFileReading();
  const melodies = clips.filter((c) => c.kind === 'melody');
  const sources: Source[] = [...files, ...melodies.filter((c) => picked.includes(c.id))];
  const busy = run.busy;
  const fmt = (x: number) => x.toFixed(3);

  const onFiles = async (list: File[]) => {
    setError(null);
    const added: Source[] = [];
    for (const f of list) {
      try {
        // The same checks as the studio's upload: size before reading, notes and length before parsing.
        checkFileSize(f.name, f.size, MAX_MIDI_BYTES, 'midi');
        const bytes = new Uint8Array(await f.arrayBuffer());
        scanMidi(bytes, f.name);
        // Parsed in a worker with progress; Cancel stops it and adds nothing.
        const c = await reading.run(f.name, (o) => midiToClipOffThread(bytes, f.name, o));
        added.push({ id: newId(), name: f.name, notes: c.notes, totalQuantizedSteps: c.totalQuantizedSteps });
      } catch (e) {
        if (isCancelled(e)) break;
        setError(e instanceof FileError ? e.text(t) : t('music.upload.error', { message: errorTextNow(e) }));
      }
    }
    setFiles((prev) => [...prev, ...added]);
  };

  const act = async (f: () => Promise<void>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(t('music.error', { message: errorTextNow(e) }));
    }
  };

  const result = run.state.result ?? tuned?.result ?? null;
  const runError = run.state.phase === 'error' ? errorTextNow(run.state.error) : null;

  return (
    <section
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
      aria-labelledby="music-learn"
      data-testid="learn"
    >
      <h2 id="music-learn" className="text-xl font-semibold">
        {t('musicform.learn')}
      </h2>
      <p className="text-slate-700">{t('musicform.learn.lead')}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <FileDrop
            accept=".mid,.midi,audio/midi"
            multiple
            label={t('musicform.learn.upload')}
            hint={t('musicform.learn.upload.hint')}
            onFiles={(f) => void onFiles(f)}
            inputTestId="learn-input"
            disabled={busy || disabled}
          />
          {reading.reading && (
            <FileProgress reading={reading.reading} onCancel={reading.cancel} testId="learn-progress" />
          )}
        </div>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{t('musicform.learn.clips')}</legend>
          {!melodies.length && <p className="text-slate-600">{t('musicform.learn.clips.none')}</p>}
          {melodies.map((c) => (
            <label key={c.id} className="flex min-h-11 items-center gap-2 sm:min-h-0">
              <input
                type="checkbox"
                checked={picked.includes(c.id)}
                onChange={(e) =>
                  setPicked((p) => (e.target.checked ? [...p, c.id] : p.filter((id) => id !== c.id)))
                }
                disabled={busy || disabled}
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="text-sm text-slate-700" data-testid="learn-sources">
        {t('musicform.learn.sources', { n: sources.length, names: sources.map((s) => s.name).join(', ') })}
      </p>
      {files.length > 0 && (
        <Button size="sm" variant="ghost" onClick={() => setFiles([])} disabled={busy}>
          {t('musicform.learn.clearFiles')}
        </Button>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <Select
          label={t('musicform.learn.duration')}
          value={seconds}
          onChange={setSeconds}
          options={DURATIONS.map((d) => ({ value: d, label: t('musicform.learn.seconds', { n: d }) }))}
          disabled={busy}
          data-testid="learn-duration"
        />
        <Button
          onClick={() => void act(() => tuning.tune(sources, Number(seconds)))}
          disabled={busy || disabled || !sources.length}
          data-testid="learn-go"
        >
          {t('musicform.learn.go')}
        </Button>
        {backend.name && backend.name !== 'wasm' && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => void backend.setPreference('wasm')}
            disabled={busy}
          >
            {t('musicform.learn.useWasm')}
          </Button>
        )}
      </div>
      {backend.name && backend.name !== 'wasm' && (
        <p className="text-sm text-slate-600">{t('musicform.learn.wasmHint', { backend: backend.name })}</p>
      )}
      {busy && (
        <div className="space-y-2" data-testid="learn-busy">
          <ProgressBar
            value={run.state.phase === 'training' ? (progress?.fraction ?? 0) : null}
            label={t(
              run.state.phase === 'training' ? 'musicform.learn.training' : 'musicform.learn.preparing',
              {
                steps: progress?.steps ?? 0,
              },
            )}
          />
          <Button variant="secondary" size="sm" onClick={run.cancel} data-testid="learn-cancel">
            {t('music.cancel')}
          </Button>
        </div>
      )}
      {run.state.phase === 'cancelled' && <Alert kind="info">{t('musicform.learn.cancelled')}</Alert>}
      {runError && <Alert kind="error">{t('music.error', { message: runError })}</Alert>}
      {error && <Alert kind="error">{error}</Alert>}
      {result && (
        <div
          className="space-y-2 rounded-xl bg-slate-50 p-3 text-sm"
          data-testid="learn-result"
          data-before={result.valLossBefore}
          data-after={result.valLossAfter}
          data-steps={result.steps}
        >
          <p>
            {t('musicform.learn.result', {
              before: fmt(result.valLossBefore),
              after: fmt(result.valLossAfter),
              steps: result.steps,
            })}
          </p>
          <p className="text-slate-600">{t('musicform.learn.result.hint')}</p>
          {tuned && (
            <p className="text-slate-600">
              {t('musicform.learn.saved', { names: tuned.sources.join(', ') })}
            </p>
          )}
        </div>
      )}
      {tuned && (
        <div className="flex flex-wrap gap-3">
          <Button
            onClick={() =>
              void act(async () => {
                const out = await tuning.generate(bars, temperature);
                onAddClip({ id: newId(), name: t('musicform.learn.clipName'), kind: 'melody', qpm, ...out });
              })
            }
            disabled={busy || disabled}
            data-testid="learn-generate"
          >
            {t('musicform.learn.generate')}
          </Button>
          <Button
            variant="secondary"
            onClick={() =>
              void act(async () =>
                downloadFile(await tuning.exportZip(), 'my-melody-model.zip', 'application/zip'),
              )
            }
            disabled={busy}
          >
            {t('musicform.learn.export')}
          </Button>
          <Button variant="ghost" onClick={() => void act(tuning.forget)} disabled={busy}>
            {t('musicform.learn.forget')}
          </Button>
        </div>
      )}
    </section>
  );
}
