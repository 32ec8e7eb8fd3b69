'use client';
// MusicStudio: generate melodies and drum beats with our Magenta checkpoints, continue a tune (uploaded
// .mid, a studio clip or notes from the on-screen keyboard), play clips with Tone and save them as MIDI.
// State lives in hooks (clips, player, task, generation); each card is its own component.
import { useCallback, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { useLessonFile } from '@/components/lesson/lesson-store';
import { FileDrop } from '@/components/media/file-drop';
import { useFileReading } from '@/components/media/use-file-reading';
import { OpenElsewhereNote, StudioLock } from '@/components/storage';
import { Alert, Button, FileProgress, ProgressBar } from '@/components/ui';
import {
  FileError,
  MAX_MIDI_BYTES as MAX_MIDI_FILE_BYTES,
  checkFileSize,
  isCancelled,
  scanMidi,
} from '@/lib/files';
import { newId } from '@/lib/ids';
import {
  midiToClipOffThread,
  type SequenceContinuer,
  type SequenceInterpolator,
  type SequenceVarier,
} from '@/lib/music';

import { ClipList } from './clip-list';
import { GroovePanel } from './groove-panel';
import { HarmonyPanel } from './harmony-panel';
import { KeyboardInput } from './keyboard-input';
import { LearnPanel } from './learn-panel';
import { MidiPanel } from './midi-panel';
import { DEFAULT_MUSIC_SETTINGS, type MusicSettings, SettingsPanel } from './settings-panel';
import type { StudioClip } from './studio-types';
import { useClipPlayer } from './use-clip-player';
import { useClipStore } from './use-clip-store';
import { type RnnId, useGenerate } from './use-generate';
import { useMidi } from './use-midi';
import { useMusicModels } from './use-music-models';
import { useMusicTask } from './use-music-task';
import { VaePanel } from './vae-panel';

const MODEL_IDS = ['melody_rnn', 'drum_rnn', 'chord_melody_rnn', 'mel_2bar_vae'] as const;

/** The whole Music studio; a second tab of it shows the clips but saves nothing. */
export function MusicStudio() {
  return (
    <StudioLock name="music">
      <MusicStudioBody />
    </StudioLock>
  );
}

function MusicStudioBody() {
  const t = useT();
  const { available, get: getMusicModel } = useMusicModels(MODEL_IDS);
  const [settings, setSettings] = useState<MusicSettings>({ ...DEFAULT_MUSIC_SETTINGS });
  const store = useClipStore();
  const { clips, selected, addClips } = store;
  const task = useMusicTask();
  const { busy, message, setMessage } = task;
  const player = useClipPlayer((m) => setMessage({ kind: 'error', text: t('music.error', { message: m }) }));
  // Web MIDI: send clips to a device, record a MIDI keyboard into a new (selected) clip.
  const midi = useMidi({ qpm: settings.qpm, loop: player.loop, onRecorded: (clip) => addClips([clip]) });

  const getRnn = useCallback((id: RnnId) => getMusicModel<SequenceContinuer>(id), [getMusicModel]);
  const getVae = useCallback(
    () => getMusicModel<SequenceInterpolator & SequenceVarier>('mel_2bar_vae'),
    [getMusicModel],
  );
  const generate = useGenerate(settings, getRnn, task, addClips);
  const reading = useFileReading();
  const readFile = reading.run;

  const onUpload = useCallback(
    async (files: File[]) => {
      setMessage(null);
      const added: StudioClip[] = [];
      for (const file of files) {
        try {
          // Size first (before reading), then a quick count of notes and length (before parsing).
          checkFileSize(file.name, file.size, MAX_MIDI_FILE_BYTES, 'midi');
          const bytes = new Uint8Array(await file.arrayBuffer());
          scanMidi(bytes, file.name);
          // Parsed in a worker with progress; Cancel stops it and adds nothing.
          const imported = await readFile(file.name, (o) => midiToClipOffThread(bytes, file.name, o));
          added.push({ id: newId(), name: file.name.replace(/\.midi?$/i, ''), ...imported });
        } catch (e) {
          if (isCancelled(e)) break;
          setMessage({
            kind: 'error',
            text: e instanceof FileError ? e.text(t) : t('music.upload.error', { message: errorTextNow(e) }),
          });
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
    [addClips, setMessage, t, readFile],
  );
  // A lesson link's `project=/lessons/tune.mid` opens as a clip once saved clips are restored.
  useLessonFile(store.loaded, (f) => onUpload([new File([f.data.slice()], f.name, { type: 'audio/midi' })]));

  const canMelody = available.melody_rnn === 'yes';
  const canDrums = available.drum_rnn === 'yes';
  const disabled = busy !== null;
  const missing = (['melody_rnn', 'drum_rnn'] as const).filter((m) => available[m] === 'no');

  return (
    <div className="space-y-6" data-testid="music-studio" data-audio-state={player.audioState}>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t('music.title')}</h1>
        <p className="text-slate-700">{t('music.lead')}</p>
      </header>
      <OpenElsewhereNote />

      <SettingsPanel
        settings={settings}
        onChange={(patch) => setSettings((s) => ({ ...s, ...patch }))}
        chordsAvailable={available.chord_melody_rnn === 'yes'}
        disabled={disabled}
      />

      <section
        className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4"
        aria-labelledby="music-make"
      >
        <h2 id="music-make" className="text-xl font-semibold">
          {t('music.make')}
        </h2>
        <div className="flex flex-wrap gap-3">
          <Button
            onClick={() => void generate('melody', null, t('music.name.melody'))}
            disabled={disabled || !canMelody}
          >
            {t('music.generate.melody')}
          </Button>
          <Button
            onClick={() => void generate('drums', null, t('music.name.drums'))}
            disabled={disabled || !canDrums}
          >
            {t('music.generate.drums')}
          </Button>
          <Button
            variant="secondary"
            onClick={() =>
              selected &&
              void generate(selected.kind, selected, t('music.name.continued', { name: selected.name }))
            }
            disabled={disabled || !selected || !(selected.kind === 'drums' ? canDrums : canMelody)}
          >
            {selected ? t('music.continue.selected', { name: selected.name }) : t('music.continue.none')}
          </Button>
        </div>
        {missing.length > 0 && (
          <Alert kind="warning">{t('music.unavailable', { models: missing.join(', ') })}</Alert>
        )}
        <VaePanel
          clips={clips}
          availability={available.mel_2bar_vae}
          getVae={getVae}
          task={task}
          addClips={addClips}
          qpm={settings.qpm}
          temperature={settings.temperature}
          disabled={disabled}
        />
        {busy && (
          <div className="space-y-2" data-testid="music-busy">
            <ProgressBar value={busy.total ? busy.done / busy.total : 0} label={busy.label} />
            <Button variant="secondary" size="sm" onClick={task.cancel}>
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
          <div className="space-y-2">
            <FileDrop
              accept=".mid,.midi,audio/midi"
              multiple={false}
              label={t('music.upload')}
              hint={t('music.upload.hint')}
              onFiles={(f) => void onUpload(f)}
              inputTestId="midi-input"
              disabled={disabled}
            />
            {reading.reading && (
              <FileProgress reading={reading.reading} onCancel={reading.cancel} testId="midi-progress" />
            )}
          </div>
          <KeyboardInput
            active={midi.liveKeys}
            playKey={player.playKey}
            addClips={addClips}
            qpm={settings.qpm}
          />
        </div>
      </section>

      <HarmonyPanel
        clips={clips}
        chords={settings.chords}
        onAddClip={(c) => addClips([c])}
        disabled={disabled}
      />
      <LearnPanel {...{ clips, disabled, ...settings }} onAddClip={(c) => addClips([c])} />

      <GroovePanel clips={clips} qpm={settings.qpm} onAddClip={(c) => addClips([c])} disabled={disabled} />

      <MidiPanel midi={midi} />

      <ClipList store={store} player={player} midi={midi} qpm={settings.qpm} />

      <footer className="space-y-1 text-xs text-slate-600">
        <p>{t('music.credit.melody')}</p>
        <p>{t('music.credit.drums')}</p>
      </footer>
    </div>
  );
}
