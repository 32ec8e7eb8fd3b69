// Melodies with form: generate a phrase A, a phrase B that continues from it, and assemble them as
// AABA or AABB (the last A lightly varied), so a long melody states a tune and comes back to it.
import { ConfigError } from '../errors';
import { generateClip, resolveGenerateOptions } from './generate';
import { STEPS_PER_BAR } from './music-constants';
import { barsToSteps, shiftNotes } from './sequences';
import type { GenerateOptions, Note, SequenceContinuer } from './types';

/** Forms offered for long melodies. `free` lets the model run on without a plan. */
export const MELODY_FORMS = ['free', 'AABA', 'AABB'] as const;
export type MelodyForm = (typeof MELODY_FORMS)[number];

/** Options of {@link generateWithForm}. */
export interface FormOptions {
  form: MelodyForm;
  /** Whole length in bars; with a form a multiple of 4 from 8 to 32 (each phrase is bars / 4). */
  bars: number;
  /** Sampling temperature (0–2), as in generateClip. */
  temperature: number;
  /** Re-write the end of the last A (a quarter of the phrase) so the return is not a plain copy. Defaults to true. */
  varyLastA?: boolean;
  /** Chord symbols for a chord-conditioned model (passed to every phrase). */
  chordProgression?: string[];
}

/** One phrase of the result. */
export interface FormSection {
  label: 'A' | 'B';
  startStep: number;
  steps: number;
  /** True where the phrase is a varied return of A. */
  varied: boolean;
}

/** A melody with its phrase plan. */
export interface FormResult {
  notes: Note[];
  totalQuantizedSteps: number;
  sections: FormSection[];
}

/** True when `bars` can carry a four-phrase form. */
export function formFits(bars: number): boolean {
  return Number.isInteger(bars) && bars >= 8 && bars <= 32 && bars % 4 === 0;
}

/** Notes in [from, to) moved to start at 0, cut at `to`. */
function slice(notes: readonly Note[], from: number, to: number): Note[] {
  return shiftNotes(
    notes
      .filter((n) => n.quantizedStartStep >= from && n.quantizedStartStep < to)
      .map((n) => ({ ...n, quantizedEndStep: Math.min(n.quantizedEndStep, to) })),
    -from,
  );
}

/**
 * Generates a melody of `bars` bars with the given form. `free` is one plain generateClip. AABA and
 * AABB: A is generated from a seed note; B continues from A (so it answers it in the same key); the
 * last A repeats A and, with `varyLastA`, continues A's first three quarters anew for the last quarter.
 */
export async function generateWithForm(model: SequenceContinuer, options: FormOptions): Promise<FormResult> {
  const { form, bars, temperature, chordProgression } = options;
  if (!MELODY_FORMS.includes(form)) throw new ConfigError('form', form, MELODY_FORMS.join(', '));
  resolveGenerateOptions({ kind: 'melody', bars, temperature });
  const chords = chordProgression?.length ? { chordProgression } : {};
  if (form === 'free') {
    const out = await generateClip(model, { kind: 'melody', bars, temperature, ...chords });
    return { ...out, sections: [] };
  }
  if (!formFits(bars)) throw new ConfigError('bars', bars, 'a multiple of 4 from 8 to 32 for a form');
  const phraseBars = bars / 4;
  const P = barsToSteps(phraseBars);
  const a = (await generateClip(model, { kind: 'melody', bars: phraseBars, temperature, ...chords })).notes;
  const withB = await generateClip(model, {
    kind: 'melody',
    bars: phraseBars,
    temperature,
    primer: a,
    primerSteps: P,
    ...chords,
  });
  const b = slice(withB.notes, P, 2 * P);
  let lastA = a;
  const varyLastA = options.varyLastA ?? true;
  if (varyLastA) {
    const keep = P - Math.max(1, phraseBars / 4) * STEPS_PER_BAR;
    const head = slice(a, 0, keep);
    if (head.length) {
      const out = await generateClip(model, {
        kind: 'melody',
        bars: (P - keep) / STEPS_PER_BAR,
        temperature,
        primer: head,
        primerSteps: keep,
        ...chords,
      });
      lastA = slice(out.notes, 0, P);
    }
  }
  const plan: ('A' | 'B')[] = form === 'AABA' ? ['A', 'A', 'B', 'A'] : ['A', 'A', 'B', 'B'];
  const lastAIndex = plan.lastIndexOf('A');
  const notes: Note[] = [];
  const sections: FormSection[] = plan.map((label, i) => {
    const varied = label === 'A' && i === lastAIndex && lastA !== a;
    const part = label === 'B' ? b : varied ? lastA : a;
    notes.push(...shiftNotes(part, i * P));
    return { label, startStep: i * P, steps: P, varied };
  });
  return { notes, totalQuantizedSteps: 4 * P, sections };
}

/**
 * The studio's Generate: a melody of a length that carries a form, without a primer, gets that form;
 * anything else (drums, a continuation, a free form, an odd length) is a plain generateClip.
 */
export async function generateClipWithForm(
  model: SequenceContinuer,
  options: GenerateOptions & { form?: MelodyForm },
): Promise<{ notes: Note[]; totalQuantizedSteps: number; sections?: FormSection[] }> {
  const { form = 'free', ...rest } = options;
  if (form === 'free' || rest.kind !== 'melody' || rest.primer?.length || !formFits(rest.bars))
    return generateClip(model, rest);
  return generateWithForm(model, {
    form,
    bars: rest.bars,
    temperature: rest.temperature,
    ...(rest.chordProgression ? { chordProgression: rest.chordProgression } : {}),
  });
}
