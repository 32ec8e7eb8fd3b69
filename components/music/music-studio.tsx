'use client';
// MusicStudio: generate melodies and drum beats with our Magenta checkpoints, continue a tune (uploaded
// .mid, a studio clip or notes from the on-screen keyboard), play clips with Tone and save them as MIDI.
import { useCallback, useEffect, useRef, useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { downloadFile } from '@/components/media/download';
import { FileDrop } from '@/components/media/file-drop';
import { Alert, Button, ProgressBar, Slider } from '@/components/ui';
import { InputError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import {
  type Clip,
  clipToMidiWithHarmony as clipToMidi,
  constrainToScale,
  DEFAULT_QPM,
  fitToRange,
  generateClipWithForm,
  interpolateMelodies,
  type MelodyForm,
  varyMelody,
  type SequenceInterpolator,
  type SequenceVarier,
  LIMITS,
  makeMonophonic,
  MELODY_MAX_PITCH,
  MELODY_MIN_PITCH,
  midiToClip,
  type Note,
  type ScaleName,
  SCALES,
  type SequenceContinuer,
  stepsToBars,
  toTimedSequence,
  withHarmony,
} from '@/lib/music';

import { FormSelect } from './form-select';
import { GroovePanel } from './groove-panel';
import { HarmonyPanel } from './harmony-panel';
import { LearnPanel } from './learn-panel';
import { MidiPanel, MidiSendButton } from './midi-panel';
import { OnScreenKeyboard } from './on-screen-keyboard';
import { PianoRoll } from './piano-roll';
import { useMidi } from './use-midi';
import { useMusicModels } from './use-music-models';

const CLIPS_KEY = 'music/clips';
const NOTE_NAMES = ['C', 'C♯', 'D', 'E♭', 'E', 'F', 'F♯', 'G', 'A♭', 'A', 'B♭', 'B'];
type ModelId = 'melody_rnn' | 'drum_rnn' | 'chord_melody_rnn';
const MODEL_IDS = ['melody_rnn', 'drum_rnn', 'chord_melody_rnn', 'mel_2bar_vae'] as const;

interface Busy {
  label: string;
  done: number;
  total: number;
}

/** A stored clip may also remember where its continuation starts. */
type StudioClip = Clip & { continuesAt?: number };

/** Safe file name from a clip name. */
function fileName(name: string): string {
  return `${name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'clip'}.mid`;
}

/** The whole Music studio. */
/** A select of the studio's melody clips (the VAE tools take melodies only). */
function MelodySelect(props: {
  label: string;
  placeholder: string;
  clips: readonly StudioClip[];
  value: string;
  onChange: (id: string) => void;
  disabled: boolean;
}) {
  return (
    <label className="flex flex-col text-sm">
      {props.label}
      <select
        className="rounded-lg border border-slate-300 px-2 py-1"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        disabled={props.disabled}
      >
        <option value="">{props.placeholder}</option>
        {props.clips
          .filter((c) => c.kind === 'melody')
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </select>
    </label>
  );
}

export function MusicStudio() {
  const t = useT();
  const { available, get: getMusicModel } = useMusicModels(MODEL_IDS);
  const [clips, setClips] = useState<StudioClip[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [bars, setBars] = useState(2);
  const [variations, setVariations] = useState(1);
  const [temperature, setTemperature] = useState(1);
  const [qpm, setQpm] = useState(DEFAULT_QPM);
  const [scale, setScale] = useState<ScaleName | 'none'>('none');
  const [tonic, setTonic] = useState(0);
  const [loop, setLoop] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<{
    kind: 'error' | 'warning' | 'success' | 'info';
    text: string;
  } | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const [playhead, setPlayhead] = useState<number | null>(null);
  const [audioState, setAudioState] = useState('none');
  const [keyNotes, setKeyNotes] = useState<Note[]>([]);
  const [interpA, setInterpA] = useState('');
  const [interpB, setInterpB] = useState('');
  const [interpSteps, setInterpSteps] = useState(3);
  const [chords, setChords] = useState('');
  const [varyId, setVaryId] = useState('');
  const [varyCount, setVaryCount] = useState(4);
  const [similarity, setSimilarity] = useState(0.8);
  const [form, setForm] = useState<MelodyForm>('free');

  const cancel = useRef(false);
  const loopRef = useRef(loop);
  loopRef.current = loop;
  const player = useRef<import('@magenta/music/es6/core').Player | null>(null);
  const tone = useRef<typeof import('tone') | null>(null);
  const core = useRef<typeof import('@magenta/music/es6/core') | null>(null);
  const keySynth = useRef<import('tone').PolySynth | null>(null);

  // Restore saved clips, check which checkpoints are served, and preload Tone so Play can start the
  // AudioContext synchronously inside the click (browsers only allow it during a user gesture).
  useEffect(() => {
    let alive = true;
    void import('@/lib/persist')
      .then((p) => p.loadProject<StudioClip[]>(CLIPS_KEY))
      .then((stored) => {
        if (!alive) return;
        if (stored?.length) {
          setClips(stored);
          setSelectedId(stored[stored.length - 1].id);
        }
      })
      .catch(() => undefined)
      .finally(() => alive && setLoaded(true));
    void Promise.all([import('tone'), import('@magenta/music/es6/core')]).then(([toneModule, coreModule]) => {
      tone.current = toneModule;
      core.current = coreModule;
    });
    return () => {
      alive = false;
      player.current?.stop();
      keySynth.current?.dispose();
    };
  }, []);

  // Autosave every change after the first load (so an empty start never overwrites saved clips).
  useEffect(() => {
    if (!loaded) return;
    void import('@/lib/persist').then((p) => p.saveProject(CLIPS_KEY, clips)).catch(() => undefined);
  }, [clips, loaded]);

  const selected = clips.find((c) => c.id === selectedId) ?? null;

  const getModel = useCallback((id: ModelId) => getMusicModel<SequenceContinuer>(id), [getMusicModel]);

  const addClips = useCallback((made: StudioClip[]) => {
    setClips((prev) => [...prev, ...made]);
    if (made.length) setSelectedId(made[made.length - 1].id);
  }, []);

  // Web MIDI: send clips to a device, record a MIDI keyboard into a new (selected) clip.
  const midi = useMidi({ qpm, loop, onRecorded: (clip) => addClips([clip]) });

  /** Runs the model `variations` times; each result becomes a clip. Cancel stops between variations. */
  const run = useCallback(
    async (kind: 'melody' | 'drums', primer: StudioClip | null, baseName: string) => {
      setMessage(null);
      cancel.current = false;
      const total = variations;
      setBusy({ label: t('music.busy.loading'), done: 0, total });
      try {
        // A chord progression switches melodies to the chord-conditioned model; chords are spread evenly over the clip.
        const progression = kind === 'melody' ? chords.split(/[\s,|]+/).filter(Boolean) : [];
        const rnn = await getModel(
          kind === 'drums' ? 'drum_rnn' : progression.length ? 'chord_melody_rnn' : 'melody_rnn',
        );
        let primerNotes: Note[] | undefined;
        if (primer) {
          if (kind === 'melody') {
            const fit = fitToRange(
              makeMonophonic(primer.notes.filter((n) => !n.isDrum)),
              MELODY_MIN_PITCH,
              MELODY_MAX_PITCH,
            );
            primerNotes = fit.notes;
            if (fit.transposedBy !== 0 || fit.clipped > 0) {
              setMessage({
                kind: 'warning',
                text: t('music.range.fitted', {
                  shift: fit.transposedBy,
                  clipped: fit.clipped,
                  lo: MELODY_MIN_PITCH,
                  hi: MELODY_MAX_PITCH,
                }),
              });
            }
          } else {
            primerNotes = primer.notes.filter((n) => n.isDrum);
          }
          if (!primerNotes.length) throw new InputError(t('music.continue.empty'), primer.name);
        }
        const made: StudioClip[] = [];
        for (let v = 0; v < total; v++) {
          if (cancel.current) break;
          setBusy({ label: t('music.busy.generating', { n: v + 1, total }), done: v, total });
          // Let the progress paint before the model takes the main thread.
          await new Promise((r) => setTimeout(r, 0));
          const out = await generateClipWithForm(rnn, {
            form,
            kind,
            bars,
            temperature,
            primer: primerNotes,
            primerSteps: primer?.totalQuantizedSteps,
            ...(progression.length ? { chordProgression: progression } : {}),
          });
          let notes = out.notes;
          if (kind === 'melody' && scale !== 'none')
            notes = constrainToScale(notes, tonic, scale, MELODY_MIN_PITCH, MELODY_MAX_PITCH).notes;
          made.push({
            id: newId(),
            name: `${baseName} ${v + 1}`,
            kind,
            notes,
            totalQuantizedSteps: out.totalQuantizedSteps,
            qpm,
            ...(primer ? { continuesAt: primer.totalQuantizedSteps } : {}),
          });
        }
        addClips(made);
        if (cancel.current) setMessage({ kind: 'info', text: t('music.cancelled', { n: made.length }) });
      } catch (e) {
        setMessage({ kind: 'error', text: t('music.error', { message: (e as Error).message }) });
      } finally {
        setBusy(null);
      }
    },
    [addClips, bars, chords, form, getModel, qpm, scale, t, temperature, tonic, variations],
  );

  /** The 2-bar MusicVAE, loaded once on first use. */
  const getVae = useCallback(
    () => getMusicModel<SequenceInterpolator & SequenceVarier>('mel_2bar_vae'),
    [getMusicModel],
  );

  /** Morphs clip A into clip B with the 2-bar MusicVAE; the result is one new clip. */
  const interpolate = useCallback(async () => {
    const a = clips.find((c) => c.id === interpA);
    const b = clips.find((c) => c.id === interpB);
    if (!a || !b) return;
    setMessage(null);
    setBusy({ label: t('music.busy.loading'), done: 0, total: 1 });
    try {
      const model = await getVae();
      setBusy({ label: t('music.busy.interpolating'), done: 0, total: 1 });
      await new Promise((r) => setTimeout(r, 0));
      const out = await interpolateMelodies(
        model,
        a.notes,
        b.notes,
        interpSteps,
        temperature > 0 ? temperature : 0.5,
      );
      addClips([
        {
          id: newId(),
          name: t('music.name.interpolated', { a: a.name, b: b.name }),
          kind: 'melody',
          notes: out.notes,
          totalQuantizedSteps: out.totalQuantizedSteps,
          qpm,
        },
      ]);
    } catch (e) {
      setMessage({ kind: 'error', text: t('music.error', { message: (e as Error).message }) });
    } finally {
      setBusy(null);
    }
  }, [addClips, clips, getVae, interpA, interpB, interpSteps, qpm, t, temperature]);

  /** Variations of a melody near it in the VAE's code space; each becomes a clip. */
  const vary = useCallback(async () => {
    const src = clips.find((c) => c.id === varyId);
    if (!src) return;
    setMessage(null);
    setBusy({ label: t('music.busy.loading'), done: 0, total: 1 });
    try {
      const model = await getVae();
      setBusy({ label: t('music.busy.varying'), done: 0, total: 1 });
      await new Promise((r) => setTimeout(r, 0));
      const out = await varyMelody(
        model,
        src.notes,
        varyCount,
        similarity,
        temperature > 0 ? temperature : 0.5,
      );
      addClips(
        out.map((v, i) => ({
          id: newId(),
          name: t('music.name.variation', { name: src.name, n: i + 1 }),
          kind: 'melody' as const,
          notes: v.notes,
          totalQuantizedSteps: v.totalQuantizedSteps,
          qpm,
        })),
      );
    } catch (e) {
      setMessage({ kind: 'error', text: t('music.error', { message: (e as Error).message }) });
    } finally {
      setBusy(null);
    }
  }, [addClips, clips, getVae, qpm, similarity, t, temperature, varyCount, varyId]);

  const onUpload = useCallback(
    async (files: File[]) => {
      setMessage(null);
      const added: StudioClip[] = [];
      for (const file of files) {
        try {
          const imported = midiToClip(new Uint8Array(await file.arrayBuffer()), file.name);
          added.push({ id: newId(), name: file.name.replace(/\.midi?$/i, ''), ...imported });
        } catch (e) {
          setMessage({ kind: 'error', text: t('music.upload.error', { message: (e as Error).message }) });
        }
      }
      if (added.length) {
        addClips(added);
        setMessage({
          kind: 'success',
          text: t('music.upload.done', { n: added[0].notes.length, name: added[0].name }),
        });
      }
    },
    [addClips, t],
  );

  const stop = useCallback(() => {
    player.current?.stop();
    setPlaying(null);
    setPlayhead(null);
  }, []);

  const play = useCallback(
    (clip: StudioClip) => {
      const Tone = tone.current;
      const mm = core.current;
      if (!Tone || !mm) return;
      // Starting the AudioContext here, inside the click, is what browsers require.
      void Tone.start().then(() => setAudioState(Tone.getContext().state));
      setAudioState(Tone.getContext().state);
      player.current?.stop();
      const p =
        player.current ??
        new mm.Player(false, {
          run: (n: { quantizedStartStep?: number | null }) => setPlayhead(n.quantizedStartStep ?? null),
          stop: () => undefined,
        });
      player.current = p;
      setPlaying(clip.id);
      const once = (): Promise<void> =>
        // Played times, not a quantized sequence, so grooved clips keep their micro-timing.
        p.start(toTimedSequence(withHarmony(clip), clip.totalQuantizedSteps, clip.qpm)).then(() => {
          if (loopRef.current && player.current === p && p.getPlayState() === 'stopped') return once();
        });
      once()
        .catch((e: Error) => setMessage({ kind: 'error', text: t('music.error', { message: e.message }) }))
        .finally(() => {
          setPlaying((cur) => (cur === clip.id ? null : cur));
          setPlayhead(null);
        });
    },
    [t],
  );

  const exportClip = (clip: StudioClip) => downloadFile(clipToMidi(clip), fileName(clip.name), 'audio/midi');
  const exportAll = async () => {
    const { zipFiles } = await import('@/lib/persist');
    const used = new Set<string>();
    const files = clips.map((c) => {
      let name = fileName(c.name);
      for (let i = 2; used.has(name); i++) name = fileName(`${c.name}-${i}`);
      used.add(name);
      return { name, data: clipToMidi(c) };
    });
    downloadFile(zipFiles(files), 'music-clips.zip', 'application/zip');
  };
  const remove = (id: string) => {
    if (playing === id) stop();
    setClips((prev) => prev.filter((c) => c.id !== id));
    if (selectedId === id) setSelectedId(null);
  };

  const canMelody = available.melody_rnn === 'yes';
  const canDrums = available.drum_rnn === 'yes';
  const disabled = busy !== null;

  return (
    <div className="space-y-6" data-testid="music-studio" data-audio-state={audioState}>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t('music.title')}</h1>
        <p className="text-slate-700">{t('music.lead')}</p>
      </header>

      <section
        className="grid gap-4 rounded-2xl border border-slate-200 bg-white p-4 md:grid-cols-2"
        aria-labelledby="music-settings"
      >
        <h2 id="music-settings" className="text-xl font-semibold md:col-span-2">
          {t('music.settings')}
        </h2>
        <Slider
          label={t('music.bars')}
          value={bars}
          min={LIMITS.bars[0]}
          max={LIMITS.bars[1]}
          onChange={setBars}
          hint={t('music.bars.hint')}
          disabled={disabled}
        />
        <Slider
          label={t('music.variations')}
          value={variations}
          min={LIMITS.variations[0]}
          max={LIMITS.variations[1]}
          onChange={setVariations}
          hint={t('music.variations.hint')}
          disabled={disabled}
        />
        <Slider
          label={t('music.temperature')}
          value={temperature}
          min={LIMITS.temperature[0]}
          max={LIMITS.temperature[1]}
          step={0.1}
          format={(v) => v.toFixed(1)}
          onChange={setTemperature}
          hint={t('music.temperature.hint')}
          disabled={disabled}
        />
        <Slider
          label={t('music.tempo')}
          value={qpm}
          min={40}
          max={220}
          onChange={setQpm}
          format={(v) => t('music.tempo.value', { qpm: v })}
          hint={t('music.tempo.hint')}
        />
        <div className="flex flex-wrap items-end gap-3 md:col-span-2">
          <label className="flex flex-col text-sm">
            {t('music.scale')}
            <select
              className="rounded-lg border border-slate-300 px-2 py-1"
              value={scale}
              onChange={(e) => setScale(e.target.value as ScaleName | 'none')}
              disabled={disabled}
            >
              <option value="none">{t('music.scale.none')}</option>
              {(Object.keys(SCALES) as ScaleName[]).map((s) => (
                <option key={s} value={s}>
                  {t(`music.scale.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t('music.key')}
            <select
              className="rounded-lg border border-slate-300 px-2 py-1"
              value={tonic}
              onChange={(e) => setTonic(Number(e.target.value))}
              disabled={disabled || scale === 'none'}
            >
              {NOTE_NAMES.map((n, i) => (
                <option key={n} value={i}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <p className="text-sm text-slate-600">{t('music.scale.hint')}</p>
        </div>
        <FormSelect value={form} onChange={setForm} bars={bars} disabled={disabled} />
        {available.chord_melody_rnn === 'yes' && (
          <label className="flex flex-col gap-1 text-sm md:col-span-2">
            {t('music.chords')}
            <input
              className="rounded-lg border border-slate-300 px-2 py-1"
              value={chords}
              onChange={(e) => setChords(e.target.value)}
              placeholder="C G Am F"
              disabled={disabled}
            />
            <span className="text-slate-600">{t('music.chords.hint')}</span>
          </label>
        )}
      </section>

      <section
        className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
        aria-labelledby="music-make"
      >
        <h2 id="music-make" className="text-xl font-semibold">
          {t('music.make')}
        </h2>
        <div className="flex flex-wrap gap-3">
          <Button
            onClick={() => void run('melody', null, t('music.name.melody'))}
            disabled={disabled || !canMelody}
          >
            {t('music.generate.melody')}
          </Button>
          <Button
            onClick={() => void run('drums', null, t('music.name.drums'))}
            disabled={disabled || !canDrums}
          >
            {t('music.generate.drums')}
          </Button>
          <Button
            variant="secondary"
            onClick={() =>
              selected &&
              void run(selected.kind, selected, t('music.name.continued', { name: selected.name }))
            }
            disabled={disabled || !selected || !(selected.kind === 'drums' ? canDrums : canMelody)}
          >
            {selected ? t('music.continue.selected', { name: selected.name }) : t('music.continue.none')}
          </Button>
        </div>
        {(available.melody_rnn === 'no' || available.drum_rnn === 'no') && (
          <Alert kind="warning">
            {t('music.unavailable', {
              models: (['melody_rnn', 'drum_rnn'] as const).filter((m) => available[m] === 'no').join(', '),
            })}
          </Alert>
        )}
        {available.mel_2bar_vae === 'no' ? (
          <Alert kind="info">{t('music.interpolate.unavailable')}</Alert>
        ) : (
          <fieldset
            className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 p-3"
            data-testid="interpolate"
          >
            <legend className="px-1 font-medium">{t('music.interpolate')}</legend>
            {(
              [
                ['music.interpolate.a', interpA, setInterpA],
                ['music.interpolate.b', interpB, setInterpB],
              ] as const
            ).map(([key, value, set]) => (
              <MelodySelect
                key={key}
                label={t(key)}
                placeholder={t('music.interpolate.choose')}
                clips={clips}
                value={value}
                onChange={set}
                disabled={disabled}
              />
            ))}
            <div className="min-w-48">
              <Slider
                label={t('music.interpolate.steps')}
                value={interpSteps}
                min={1}
                max={16}
                onChange={setInterpSteps}
                disabled={disabled}
              />
            </div>
            <Button
              onClick={() => void interpolate()}
              disabled={disabled || available.mel_2bar_vae !== 'yes' || !interpA || !interpB}
            >
              {t('music.interpolate.go')}
            </Button>
            <p className="w-full text-sm text-slate-600">{t('music.interpolate.hint')}</p>
          </fieldset>
        )}
        {available.mel_2bar_vae !== 'no' && (
          <fieldset
            className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 p-3"
            data-testid="vary"
          >
            <legend className="px-1 font-medium">{t('music.vary')}</legend>
            <MelodySelect
              label={t('music.vary.clip')}
              placeholder={t('music.interpolate.choose')}
              clips={clips}
              value={varyId}
              onChange={setVaryId}
              disabled={disabled}
            />
            <div className="min-w-40">
              <Slider
                label={t('music.vary.count')}
                value={varyCount}
                min={1}
                max={16}
                onChange={setVaryCount}
                disabled={disabled}
              />
            </div>
            <div className="min-w-40">
              <Slider
                label={t('music.vary.similarity')}
                value={similarity}
                min={0}
                max={1}
                step={0.05}
                format={(v) => v.toFixed(2)}
                onChange={(v) => setSimilarity(Number(v.toFixed(2)))}
                disabled={disabled}
              />
            </div>
            <Button
              onClick={() => void vary()}
              disabled={disabled || available.mel_2bar_vae !== 'yes' || !varyId}
              data-testid="vary-go"
            >
              {t('music.vary.go')}
            </Button>
            <p className="w-full text-sm text-slate-600">{t('music.vary.hint')}</p>
          </fieldset>
        )}
        {busy && (
          <div className="space-y-2" data-testid="music-busy">
            <ProgressBar value={busy.total ? busy.done / busy.total : 0} label={busy.label} />
            <Button variant="secondary" size="sm" onClick={() => (cancel.current = true)}>
              {t('music.cancel')}
            </Button>
          </div>
        )}
        {message && (
          <Alert kind={message.kind} onDismiss={() => setMessage(null)} dismissLabel={t('music.dismiss')}>
            <span data-testid="music-message">{message.text}</span>
          </Alert>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <FileDrop
            accept=".mid,.midi,audio/midi"
            multiple={false}
            label={t('music.upload')}
            hint={t('music.upload.hint')}
            onFiles={(f) => void onUpload(f)}
            inputTestId="midi-input"
            disabled={disabled}
          />
          <div className="space-y-2">
            <p className="text-sm font-medium">{t('music.keyboard')}</p>
            <OnScreenKeyboard
              label={t('music.keyboard')}
              active={midi.liveKeys}
              onNote={(pitch) => {
                // Each key press adds a quarter note (4 steps) after the previous one.
                setKeyNotes((prev) => {
                  const start = prev.length ? prev[prev.length - 1].quantizedEndStep : 0;
                  return [
                    ...prev,
                    { pitch, quantizedStartStep: start, quantizedEndStep: start + 4, velocity: 100 },
                  ];
                });
                const Tone = tone.current;
                if (Tone) {
                  void Tone.start().then(() => setAudioState(Tone.getContext().state));
                  keySynth.current ??= new Tone.PolySynth(Tone.Synth).toDestination();
                  keySynth.current.triggerAttackRelease(Tone.Frequency(pitch, 'midi').toFrequency(), '8n');
                }
              }}
            />
            <p className="text-sm text-slate-600">{t('music.keyboard.count', { n: keyNotes.length })}</p>
            <div className="flex gap-2">
              <Button
                size="sm"
                variant="secondary"
                disabled={!keyNotes.length}
                onClick={() => {
                  const steps = Math.ceil(keyNotes[keyNotes.length - 1].quantizedEndStep / 16) * 16;
                  addClips([
                    {
                      id: newId(),
                      name: t('music.name.keyboard'),
                      kind: 'melody',
                      notes: keyNotes,
                      totalQuantizedSteps: steps,
                      qpm,
                    },
                  ]);
                  setKeyNotes([]);
                }}
              >
                {t('music.keyboard.use')}
              </Button>
              <Button size="sm" variant="ghost" disabled={!keyNotes.length} onClick={() => setKeyNotes([])}>
                {t('music.keyboard.clear')}
              </Button>
            </div>
          </div>
        </div>
      </section>

      <HarmonyPanel clips={clips} chords={chords} onAddClip={(c) => addClips([c])} disabled={disabled} />
      <LearnPanel {...{ clips, bars, temperature, qpm, disabled }} onAddClip={(c) => addClips([c])} />
      <GroovePanel clips={clips} qpm={qpm} onAddClip={(c) => addClips([c])} disabled={disabled} />

      <MidiPanel midi={midi} />

      <section
        className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
        aria-labelledby="music-clips"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="music-clips" className="text-xl font-semibold">
            {t('music.clips', { n: clips.length })}
          </h2>
          <div className="flex items-center gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} />
              {t('music.loop')}
            </label>
            <Button size="sm" variant="secondary" disabled={!clips.length} onClick={() => void exportAll()}>
              {t('music.exportAll')}
            </Button>
          </div>
        </div>
        {!clips.length && <p className="text-slate-600">{t('music.clips.empty')}</p>}
        <ul className="space-y-3">
          {clips.map((c) => {
            const isSel = c.id === selectedId;
            return (
              <li
                key={c.id}
                data-testid="clip"
                data-kind={c.kind}
                className={`space-y-2 rounded-xl border p-3 ${isSel ? 'border-indigo-500 ring-2 ring-indigo-200' : 'border-slate-200'}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <label className="flex items-center gap-2 font-medium">
                    <input
                      type="radio"
                      name="music-selected"
                      checked={isSel}
                      onChange={() => setSelectedId(c.id)}
                    />
                    {c.name}
                  </label>
                  <span className="text-sm text-slate-600">
                    {t('music.clip.info', {
                      notes: c.notes.length,
                      bars: stepsToBars(c.totalQuantizedSteps).toFixed(
                        stepsToBars(c.totalQuantizedSteps) % 1 ? 1 : 0,
                      ),
                    })}
                  </span>
                  <span className="ml-auto flex flex-wrap gap-2">
                    {playing === c.id ? (
                      <Button size="sm" onClick={stop}>
                        {t('music.stop')}
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        onClick={() => play({ ...c, qpm })}
                        aria-label={t('music.play.named', { name: c.name })}
                      >
                        {t('music.play')}
                      </Button>
                    )}
                    <Button size="sm" variant="secondary" onClick={() => exportClip({ ...c, qpm })}>
                      {t('music.export')}
                    </Button>
                    <MidiSendButton midi={midi} clip={{ ...c, qpm }} />
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => remove(c.id)}
                      aria-label={t('music.delete.named', { name: c.name })}
                    >
                      {t('music.delete')}
                    </Button>
                  </span>
                </div>
                <PianoRoll
                  notes={withHarmony(c)}
                  totalSteps={c.totalQuantizedSteps}
                  playhead={playing === c.id ? playhead : null}
                  marker={c.continuesAt ?? null}
                  label={t('music.clip.info', {
                    notes: c.notes.length,
                    bars: stepsToBars(c.totalQuantizedSteps),
                  })}
                  height={isSel ? 160 : 80}
                  testId="piano-roll"
                />
              </li>
            );
          })}
        </ul>
        {playing && (
          <p className="text-sm text-slate-600" data-testid="music-playing">
            {t('music.playing', { state: audioState })}
          </p>
        )}
      </section>

      <footer className="space-y-1 text-xs text-slate-600">
        <p>{t('music.credit.melody')}</p>
        <p>{t('music.credit.drums')}</p>
      </footer>
    </div>
  );
}
