'use client';
// VaePanel: the 2-bar MusicVAE tools of the Music studio — morph one melody into another, and make
// variations near a melody in the VAE's code space. Each result is added as a new clip.
import { useState } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Alert, Button, Select, Slider } from '@/components/ui';
import type { SliderProps } from '@/components/ui/slider';
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

/** One VAE tool: its melody choosers, its sliders, a button that runs it and a line of help. */
interface VaeTool {
  legend: string;
  testId: string;
  /** Selects of the studio's melody clips (the VAE tools take melodies only). */
  melodies: readonly { label: string; value: string; onChange: (id: string) => void }[];
  sliders: readonly (Omit<SliderProps, 'disabled'> & { width: string })[];
  go: { label: string; onClick: () => void; ready: boolean; testId?: string };
  hint: string;
}

/** A {@link VaeTool} in its fieldset. */
function VaeToolFieldset({
  tool,
  clips,
  disabled,
}: {
  tool: VaeTool;
  clips: readonly StudioClip[];
  disabled: boolean;
}) {
  const t = useT();
  const melodyOptions = [
    { value: '', label: t('music.interpolate.choose') },
    ...clips.filter((c) => c.kind === 'melody').map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <fieldset
      className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 p-3"
      data-testid={tool.testId}
    >
      <legend className="px-1 font-medium">{tool.legend}</legend>
      {tool.melodies.map((m) => (
        <Select
          key={m.label}
          label={m.label}
          value={m.value}
          onChange={m.onChange}
          options={melodyOptions}
          disabled={disabled}
          wrapperClassName="min-w-40"
        />
      ))}
      {tool.sliders.map(({ width, ...slider }) => (
        <div key={slider.label} className={width}>
          <Slider {...slider} disabled={disabled} />
        </div>
      ))}
      <Button onClick={tool.go.onClick} disabled={disabled || !tool.go.ready} data-testid={tool.go.testId}>
        {tool.go.label}
      </Button>
      <p className="w-full text-sm text-slate-600">{tool.hint}</p>
    </fieldset>
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

  const tools: VaeTool[] = [
    {
      legend: t('music.interpolate'),
      testId: 'interpolate',
      melodies: [
        { label: t('music.interpolate.a'), value: interpA, onChange: setInterpA },
        { label: t('music.interpolate.b'), value: interpB, onChange: setInterpB },
      ],
      sliders: [
        {
          width: 'min-w-48',
          label: t('music.interpolate.steps'),
          value: interpSteps,
          min: 1,
          max: 16,
          onChange: setInterpSteps,
        },
      ],
      go: { label: t('music.interpolate.go'), onClick: interpolate, ready: ready && !!interpA && !!interpB },
      hint: t('music.interpolate.hint'),
    },
    {
      legend: t('music.vary'),
      testId: 'vary',
      melodies: [{ label: t('music.vary.clip'), value: varyId, onChange: setVaryId }],
      sliders: [
        {
          width: 'min-w-40',
          label: t('music.vary.count'),
          value: varyCount,
          min: 1,
          max: 16,
          onChange: setVaryCount,
        },
        {
          width: 'min-w-40',
          label: t('music.vary.similarity'),
          value: similarity,
          min: 0,
          max: 1,
          step: 0.05,
          format: (v) => v.toFixed(2),
          onChange: (v) => setSimilarity(Number(v.toFixed(2))),
        },
      ],
      go: { label: t('music.vary.go'), onClick: vary, ready: ready && !!varyId, testId: 'vary-go' },
      hint: t('music.vary.hint'),
    },
  ];
  return (
    <>
      {tools.map((tool) => (
        <VaeToolFieldset key={tool.testId} tool={tool} clips={clips} disabled={disabled} />
      ))}
    </>
  );
}
