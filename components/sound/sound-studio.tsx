'use client';
// The Sound studio: microphone and files → 1-second examples per class → the pretrained sound
// embedding + a dense head (default; seconds on any backend) or a spectrogram CNN trained from the
// clips (Advanced) → live recognition.
import { useEffect, useMemo, useRef, useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import {
  ClassList,
  ProjectFilesPanel,
  TrainPanel,
  useTeachableStudio,
  type FilesNotice,
} from '@/components/teachable';
import { useBackend } from '@/components/tf/backend-provider';
import { Alert, NEUTRAL_CLASS_COLOR, ProgressBar, classColor } from '@/components/ui';
import {
  SOUND_LEARNER_NAME,
  importSoundProjectFiles,
  isLegacySoundProject,
  migrateLegacySoundProject,
  type Spectrogram,
} from '@/lib/audio';
import {
  DEFAULT_SOUND_STUDIO_SETTINGS,
  createSoundFeatureExtractor,
  loadSoundEmbedding,
  resolveSoundStudioSettings,
  soundLearner,
  type SoundStudioModel,
  type SoundStudioSettings,
} from '@/lib/pretrained/sound-embedding';
import { newId } from '@/lib/ids';
import { deleteModelFromDb, exportModelZip, loadStoredModel } from '@/lib/persist';
import { emptyProject, type TeachableProject } from '@/lib/transfer';

import { ListenPanel } from './listen-panel';
import { MicPanel } from './mic-panel';
import { SoundClassControls } from './sound-class-controls';
import { SoundModelLayers, SoundSettings } from './sound-settings';
import { useMicrophone } from './use-microphone';
import { useSoundCapture } from './use-sound-capture';

/** Fewest examples per class before training is allowed (one may be held out for checking). */
const MIN_EXAMPLES = 3;
/** Where the studio's first version kept its trained model (read once, to migrate). */
const LEGACY_MODEL_KEY = 'sound-model';
const DEFAULT_THRESHOLD = 0.75;

/** Background noise in slate, then the palette. */
const colorOf = (i: number) => (i === 0 ? NEUTRAL_CLASS_COLOR : classColor(i - 1));

/** A project read from an older save or file, with the settings of this version filled in. */
function studioProject(p: TeachableProject<Partial<SoundStudioSettings> & { epochs: number }>) {
  return { ...p, settings: resolveSoundStudioSettings(p.settings) };
}

/** The whole studio; mounted in the browser only. */
export default function SoundStudio() {
  const t = useT();
  const { whenReady } = useBackend();
  const [ready, setReady] = useState(false);
  useEffect(() => void whenReady().then(() => setReady(true)), [whenReady]);
  // The embedding (160 KB) loads the first time it is needed: training or restoring a model.
  const learner = useMemo(
    () => soundLearner(async () => createSoundFeatureExtractor(await loadSoundEmbedding())),
    [],
  );
  const fresh = {
    settings: DEFAULT_SOUND_STUDIO_SETTINGS as SoundStudioSettings,
    className: (n: number) => t('sound.classes.defaultName', { n }),
    backgroundName: t('sound.classes.background'),
    options: { threshold: DEFAULT_THRESHOLD },
  };
  const studio = useTeachableStudio<Spectrogram, SoundStudioSettings, SoundStudioModel>(
    { learner: ready ? learner : null },
    {
      ...fresh,
      storageKey: 'sound',
      name: SOUND_LEARNER_NAME,
      featureSize: 0,
      migrate: async (raw) =>
        isLegacySoundProject(raw)
          ? studioProject(
              migrateLegacySoundProject(
                raw,
                (await loadStoredModel(LEGACY_MODEL_KEY).catch(() => undefined)) ?? null,
              ),
            )
          : null,
      blocker: (p) =>
        p.classes.some((c) => c.samples.length < MIN_EXAMPLES) ||
        !p.classes.some((c) => !c.background && c.samples.length > 0)
          ? t('sound.train.needClasses', { n: MIN_EXAMPLES })
          : null,
    },
  );
  const { project, run, model } = studio;

  const mic = useMicrophone();
  const [recordSeconds, setRecordSeconds] = useState(2);
  const capture = useSoundCapture(mic, recordSeconds, studio.addSamples);
  const [listening, setListening] = useState(false);
  const stopListening = useRef<(() => void) | null>(null);
  const [fileNotice, setFileNotice] = useState<FilesNotice | null>(null);

  if (!project) return <ProgressBar value={null} label={t('sound.loadingProject')} />;

  const busy = capture.recording !== null || capture.upload !== null || run.busy;
  const threshold =
    typeof project.options.threshold === 'number' ? project.options.threshold : DEFAULT_THRESHOLD;
  const message = (e: unknown) => errorTextNow(e);

  return (
    <div className="space-y-8">
      <MicPanel
        mic={mic}
        recordSeconds={recordSeconds}
        onRecordSeconds={setRecordSeconds}
        disabled={busy || listening}
      />

      <section aria-labelledby="classes-heading" className="space-y-4">
        <h2 id="classes-heading" className="text-xl font-semibold">
          {t('sound.classes.heading')}
        </h2>
        {capture.notices.map((n, i) => (
          <Alert
            key={i}
            kind={n.kind}
            onDismiss={() => capture.setNotices((all) => all.filter((_, j) => j !== i))}
            dismissLabel={t('ui.close')}
          >
            {n.text}
          </Alert>
        ))}
        <ClassList
          api={studio}
          busy={busy || listening}
          color={colorOf}
          cardTestId="sound-class"
          className="grid grid-cols-1 gap-4 lg:grid-cols-2"
          hint={(cls) => (
            <>
              {cls.background && <p>{t('sound.classes.backgroundHint')}</p>}
              {cls.samples.length < MIN_EXAMPLES && (
                <p className="text-xs text-amber-700">{t('sound.classes.needMore', { n: MIN_EXAMPLES })}</p>
              )}
            </>
          )}
          controls={(cls) => (
            <SoundClassControls
              inputId={cls.background ? 'background' : cls.id}
              recordSeconds={recordSeconds}
              recordingLeft={capture.recording?.classId === cls.id ? capture.recording.left : null}
              upload={capture.upload?.classId === cls.id ? capture.upload : null}
              onCancelUpload={capture.cancelUpload}
              busy={busy || listening}
              onRecord={() => void capture.record(cls.id)}
              onFiles={(files) => void capture.uploadFiles(cls, files)}
            />
          )}
        />
      </section>

      {/* Train with Listen beside it (one under the other on a phone): the answer is in view when training ends. */}
      <div className="grid gap-6 lg:grid-cols-2">
        <TrainPanel
          examples={studio.project?.classes.map((c) => c.samples.length)}
          run={run}
          blocker={studio.blocker}
          disabled={!studio.learner || busy || listening || studio.blocker !== null}
          onTrain={() => void studio.train()}
          preparingLabel={t('sound.train.preparing')}
          doneText={(r) =>
            r.validationAccuracy === null
              ? t('sound.train.doneNoVal')
              : t('sound.train.done', { acc: `${Math.round(r.validationAccuracy * 100)}%` })
          }
          errorText={(e) => t('sound.train.failed', { message: message(e) })}
          notice={studio.stale && model && <Alert kind="info">{t('sound.train.stale')}</Alert>}
          hood={
            <SoundSettings
              settings={resolveSoundStudioSettings(project.settings)}
              onSettings={studio.setSettings}
              disabled={run.busy}
            />
          }
          hoodFooter={model && <SoundModelLayers model={model} />}
        />

        <ListenPanel
          mic={mic}
          model={model}
          predict={studio.predict}
          labels={studio.modelLabels}
          colors={studio.modelLabels.map((_, i) => colorOf(i))}
          backgroundLabel={project.classes.find((c) => c.background)?.name}
          threshold={threshold}
          onThreshold={(v) => studio.setOption('threshold', v)}
          disabled={run.busy || capture.recording !== null}
          onListening={setListening}
          stopRef={stopListening}
        />
      </div>

      {fileNotice && (
        <Alert kind={fileNotice.kind} onDismiss={() => setFileNotice(null)} dismissLabel={t('ui.close')}>
          {fileNotice.render ? fileNotice.render(t) : fileNotice.text}
        </Alert>
      )}
      <ProjectFilesPanel
        studio={studio}
        ns="sound"
        fileStem="sound"
        busy={busy}
        accept=".zip,.json,.bin"
        multiple
        importTestId="import-model"
        parse={(files) =>
          studioProject(
            importSoundProjectFiles(
              files,
              emptyProject({ ...fresh, extractor: SOUND_LEARNER_NAME, featureSize: 0 }),
              newId,
            ),
          )
        }
        beforeReplace={async () => {
          stopListening.current?.();
          // A second tab of the studio never deletes what the first one keeps.
          if (!studio.openElsewhere) await deleteModelFromDb(LEGACY_MODEL_KEY).catch(() => undefined);
        }}
        exportModel={(m) =>
          exportModelZip(m.model, {
            ...m.metadata(),
            name: 'Sound model',
            backgroundIndex: project.classes.findIndex((c) => c.background),
          })
        }
        onNotice={setFileNotice}
      />
    </div>
  );
}
