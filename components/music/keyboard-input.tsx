'use client';
// KeyboardInput: play notes on the on-screen keyboard (each press adds a quarter note after the last one),
// then turn them into a clip.
import { useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui';
import { newId } from '@/lib/ids';
import type { Note } from '@/lib/music';

import { OnScreenKeyboard } from './on-screen-keyboard';
import type { StudioClip } from './studio-types';

/** Props for {@link KeyboardInput}. */
export interface KeyboardInputProps {
  /** Keys held on a connected MIDI keyboard (lit up). */
  active: ReadonlySet<number>;
  /** Sounds a key. */
  playKey: (pitch: number) => void;
  addClips: (made: StudioClip[]) => void;
  qpm: number;
}

/** The on-screen keyboard with its note count and "make a clip" / "clear" buttons. */
export function KeyboardInput({ active, playKey, addClips, qpm }: KeyboardInputProps) {
  const t = useT();
  const [keyNotes, setKeyNotes] = useState<Note[]>([]);
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">{t('music.keyboard')}</p>
      <OnScreenKeyboard
        label={t('music.keyboard')}
        active={active}
        onNote={(pitch) => {
          // Each key press adds a quarter note (4 steps) after the previous one.
          setKeyNotes((prev) => {
            const start = prev.length ? prev[prev.length - 1].quantizedEndStep : 0;
            return [
              ...prev,
              { pitch, quantizedStartStep: start, quantizedEndStep: start + 4, velocity: 100 },
            ];
          });
          playKey(pitch);
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
  );
}
