'use client';
// HarmonyPanel: puts a chord track under a melody clip (block or broken chords of a progression); the
// new clip plays both and exports the chords as a second MIDI track.
import { useState } from 'react';

import { errorTextNow } from '@/components/errors/use-error-text';
import { useT } from '@/components/i18n/i18n-provider';
import { Alert, Button, Select } from '@/components/ui';
import { newId } from '@/lib/ids';
import { type ChordRhythm, type Clip, harmonize, HARMONY_STYLES, type HarmonyStyle } from '@/lib/music';

/** Props of {@link HarmonyPanel}. */
export interface HarmonyPanelProps {
  /** The studio's clips; melodies are offered. */
  clips: readonly Clip[];
  /** The studio's chord field, used as the first suggestion. */
  chords?: string;
  /** Receives the harmonised copy (the studio adds and selects it). */
  onAddClip: (clip: Clip) => void;
  disabled?: boolean;
}

const RHYTHMS = ['spread', '1', '2', '4'] as const;

/** Choose a melody, chords, a style and how long each chord lasts; make a clip with a chord track. */
export function HarmonyPanel({ clips, chords = '', onAddClip, disabled = false }: HarmonyPanelProps) {
  const t = useT();
  const melodies = clips.filter((c) => c.kind === 'melody');
  const [clipId, setClipId] = useState('');
  const [text, setText] = useState('');
  const [style, setStyle] = useState<HarmonyStyle>('block');
  const [rhythm, setRhythm] = useState<(typeof RHYTHMS)[number]>('spread');
  const [error, setError] = useState<string | null>(null);
  const source = melodies.find((c) => c.id === clipId) ?? null;
  const progressionText = text || chords || 'C G Am F';

  const make = () => {
    if (!source) return;
    setError(null);
    try {
      const progression = progressionText.split(/[\s,|]+/).filter(Boolean);
      const harmony = harmonize(progression, source.totalQuantizedSteps, {
        style,
        rhythm: rhythm === 'spread' ? 'spread' : (Number(rhythm) as ChordRhythm),
      });
      onAddClip({
        ...source,
        id: newId(),
        name: t('musicform.harmony.name', { name: source.name }),
        harmony,
      });
    } catch (e) {
      setError(t('music.error', { message: errorTextNow(e) }));
    }
  };

  return (
    <fieldset
      className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:grid-cols-2"
      data-testid="harmony"
    >
      <legend className="px-1 font-medium">{t('musicform.harmony')}</legend>
      <Select
        label={t('musicform.harmony.clip')}
        value={clipId}
        onChange={setClipId}
        options={[
          { value: '', label: t('musicform.harmony.choose') },
          ...melodies.map((c) => ({ value: c.id, label: c.name })),
        ]}
        disabled={disabled}
        data-testid="harmony-clip"
      />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        {t('musicform.harmony.chords')}
        <input
          className="min-h-11 rounded-lg border border-slate-300 px-2 py-1 font-normal sm:min-h-0"
          value={progressionText}
          onChange={(e) => setText(e.target.value)}
          disabled={disabled}
          data-testid="harmony-chords"
        />
      </label>
      <Select<HarmonyStyle>
        label={t('musicform.harmony.style')}
        value={style}
        onChange={setStyle}
        options={HARMONY_STYLES.map((s) => ({ value: s, label: t(`musicform.harmony.style.${s}`) }))}
        disabled={disabled}
      />
      <Select<(typeof RHYTHMS)[number]>
        label={t('musicform.harmony.rhythm')}
        value={rhythm}
        onChange={setRhythm}
        options={RHYTHMS.map((r) => ({
          value: r,
          label:
            r === 'spread'
              ? t('musicform.harmony.rhythm.spread')
              : t('musicform.harmony.rhythm.bars', { n: r }),
        }))}
        disabled={disabled}
      />
      <div className="md:col-span-2">
        <Button onClick={make} disabled={disabled || !source} data-testid="harmony-go">
          {t('musicform.harmony.go')}
        </Button>
        <p className="mt-1 text-sm text-slate-600">{t('musicform.harmony.hint')}</p>
      </div>
      {error && (
        <div className="md:col-span-2">
          <Alert kind="error">{error}</Alert>
        </div>
      )}
    </fieldset>
  );
}
