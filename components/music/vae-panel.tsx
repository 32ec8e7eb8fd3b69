'use client';
// VaePanel: the 2-bar MusicVAE tools of the Music studio — morph one melody into another, and make
// variations near a melody in the VAE's code space. Each result is added as a new clip.
import { useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Alert, Button, Select, Slider } from '@/components/ui';
import { newId } from '@/lib/ids';
import { interpolateMelodies, type SequenceInterpolator, type SequenceVarier, varyMelody } from '@/lib/music';

import { type StudioClip, yieldToPaint } from './studio-types';
import type { ModelAvailability } from './use-music-models';
import type { MusicTask } from './use-music-task';

/** Props for {@link VaePanel}. */
export interface VaePanelProps {
  clips: readonly StudioClip[];
  availability: ModelAvailability;
  getVae: () => Promise<SequenceInterpolator & SequenceVarier>;
  task: MusicTask;
  addClips: (made: StudioClip[]) => void;
  qpm: number;
  temperature: number;
  disabled: boolean;
}

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
    <Select
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      options={[
        { value: '', label: props.placeholder },
        ...props.clips.filter((c) => c.kind === 'melody').map((c) => ({ value: c.id, label: c.name })),
      ]}
      disabled={props.disabled}
      wrapperClassName="min-w-40"
    />
  );
}

/** Interpolate and Vary, shown unless the VAE checkpoint is missing. */
export function VaePanel({
  clips,
  availability,
  getVae,
  task,
  addClips,
  qpm,
  temperature,
  disabled,
}: VaePanelProps) {
  const t = useT();
  const [interpA, setInterpA] = useState('');
  const [interpB, setInterpB] = useState('');
  const [interpSteps, setInterpSteps] = useState(3);
  const [varyId, setVaryId] = useState('');
  const [varyCount, setVaryCount] = useState(4);
  const [similarity, setSimilarity] = useState(0.8);
  // The VAE samples with some randomness even at temperature 0.
  const vaeTemperature = temperature > 0 ? temperature : 0.5;

  if (availability === 'no') return <Alert kind="info">{t('music.interpolate.unavailable')}</Alert>;
  const ready = availability === 'yes';

  /** Morphs clip A into clip B; the result is one new clip. */
  const interpolate = () => {
    const a = clips.find((c) => c.id === interpA);
    const b = clips.find((c) => c.id === interpB);
    if (!a || !b) return;
    void task.runTask(async ({ progress }) => {
      const model = await getVae();
      progress(t('music.busy.interpolating'), 0, 1);
      await yieldToPaint();
      const out = await interpolateMelodies(model, a.notes, b.notes, interpSteps, vaeTemperature);
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
    });
  };

  /** Variations of a melody; each becomes a clip. */
  const vary = () => {
    const src = clips.find((c) => c.id === varyId);
    if (!src) return;
    void task.runTask(async ({ progress }) => {
      const model = await getVae();
      progress(t('music.busy.varying'), 0, 1);
      await yieldToPaint();
      const out = await varyMelody(model, src.notes, varyCount, similarity, vaeTemperature);
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
    });
  };

  const fieldset = 'flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 p-3';
  return (
    <>
      <fieldset className={fieldset} data-testid="interpolate">
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
        <Button onClick={interpolate} disabled={disabled || !ready || !interpA || !interpB}>
          {t('music.interpolate.go')}
        </Button>
        <p className="w-full text-sm text-slate-600">{t('music.interpolate.hint')}</p>
      </fieldset>
      <fieldset className={fieldset} data-testid="vary">
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
        <Button onClick={vary} disabled={disabled || !ready || !varyId} data-testid="vary-go">
          {t('music.vary.go')}
        </Button>
        <p className="w-full text-sm text-slate-600">{t('music.vary.hint')}</p>
      </fieldset>
    </>
  );
}
