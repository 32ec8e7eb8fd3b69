'use client';
// Generating and continuing clips with the studio's MusicRNNs: `variations` runs, each a new clip, with a
// chord progression switching melodies to the chord-conditioned model and the scale applied afterwards.
import { useCallback } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { InputError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import {
  constrainToScale,
  fitToRange,
  generateClipWithForm,
  makeMonophonic,
  MELODY_MAX_PITCH,
  MELODY_MIN_PITCH,
  type Note,
  type SequenceContinuer,
} from '@/lib/music';

import type { MusicSettings } from './settings-panel';
import { type StudioClip, yieldToPaint } from './studio-types';
import type { MusicTask } from './use-music-task';

export type RnnId = 'melody_rnn' | 'drum_rnn' | 'chord_melody_rnn';

/** The melody notes of a primer, moved into the model's range (with a warning when moved or clipped). */
function melodyPrimer(primer: StudioClip, warn: (shift: number, clipped: number) => void): Note[] {
  const fit = fitToRange(
    makeMonophonic(primer.notes.filter((n) => !n.isDrum)),
    MELODY_MIN_PITCH,
    MELODY_MAX_PITCH,
  );
  if (fit.transposedBy !== 0 || fit.clipped > 0) warn(fit.transposedBy, fit.clipped);
  return fit.notes;
}

/** Returns `generate(kind, primer, baseName)`: runs the model and adds each result as a clip. */
export function useGenerate(
  settings: MusicSettings,
  getModel: (id: RnnId) => Promise<SequenceContinuer>,
  task: MusicTask,
  addClips: (made: StudioClip[]) => void,
) {
  const t = useT();
  const { runTask, setMessage } = task;
  return useCallback(
    (kind: 'melody' | 'drums', primer: StudioClip | null, baseName: string) =>
      runTask(async ({ progress, cancelled }) => {
        const { bars, chords, qpm, scale, temperature, tonic, variations: total } = settings;
        progress(t('music.busy.loading'), 0, total);
        const progression = kind === 'melody' ? chords.split(/[\s,|]+/).filter(Boolean) : [];
        const rnn = await getModel(
          kind === 'drums' ? 'drum_rnn' : progression.length ? 'chord_melody_rnn' : 'melody_rnn',
        );
        let primerNotes: Note[] | undefined;
        if (primer) {
          primerNotes =
            kind === 'melody'
              ? melodyPrimer(primer, (shift, clipped) =>
                  setMessage({
                    kind: 'warning',
                    text: t('music.range.fitted', {
                      shift,
                      clipped,
                      lo: MELODY_MIN_PITCH,
                      hi: MELODY_MAX_PITCH,
                    }),
                  }),
                )
              : primer.notes.filter((n) => n.isDrum);
          if (!primerNotes.length) throw new InputError(t('music.continue.empty'), primer.name);
        }
        const made: StudioClip[] = [];
        for (let v = 0; v < total; v++) {
          if (cancelled()) break;
          progress(t('music.busy.generating', { n: v + 1, total }), v, total);
          await yieldToPaint();
          const out = await generateClipWithForm(rnn, {
            form: settings.form,
            kind,
            bars,
            temperature,
            primer: primerNotes,
            primerSteps: primer?.totalQuantizedSteps,
            timeSignature: primer?.timeSignature,
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
            // A continuation keeps its primer's meter; the key is the chosen scale's, else the primer's.
            ...(primer?.timeSignature ? { timeSignature: primer.timeSignature } : {}),
            ...(kind === 'melody' && (scale === 'major' || scale === 'minor')
              ? { keySignature: { tonic, mode: scale } }
              : primer?.keySignature
                ? { keySignature: primer.keySignature }
                : {}),
          });
        }
        addClips(made);
        if (cancelled()) setMessage({ kind: 'info', text: t('music.cancelled', { n: made.length }) });
      }),
    [addClips, getModel, runTask, setMessage, settings, t],
  );
}
