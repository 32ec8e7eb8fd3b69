// Interpolating between two melodies with a 2-bar MusicVAE (passed in, so the browser and Node bundles both work).
import { ConfigError, InputError } from '../errors';
import { MELODY_MAX_PITCH, MELODY_MIN_PITCH, STEPS_PER_BAR } from './music-constants';
import { fitToRange, fromMagentaNotes, makeMonophonic, shiftNotes, toQuantizedSequence } from './sequences';
import type { Note, QuantizedSequence } from './types';

/** Anything that interpolates quantized sequences (Magenta's MusicVAE). */
export interface SequenceInterpolator {
  interpolate(
    inputs: QuantizedSequence[],
    numInterps: number,
    temperature?: number,
  ): Promise<{ notes?: unknown[] | null }[]>;
}

/** The VAE reads exactly two bars. */
export const VAE_STEPS = 2 * STEPS_PER_BAR;

/** The first two bars of a melody, one note at a time, fitted into the VAE's pitch range. */
export function prepareVaeInput(
  notes: readonly Note[],
  name = 'clip',
): { notes: Note[]; transposedBy: number; clipped: number } {
  const firstBars = notes
    .filter((n) => !n.isDrum && n.quantizedStartStep < VAE_STEPS)
    .map((n) => ({ ...n, quantizedEndStep: Math.min(n.quantizedEndStep, VAE_STEPS) }));
  if (!firstBars.length) throw new InputError(`${name} has no melody notes in its first two bars.`, name);
  const fit = fitToRange(makeMonophonic(firstBars), MELODY_MIN_PITCH, MELODY_MAX_PITCH);
  return fit;
}

/**
 * Morphs from melody `a` to melody `b` in `steps` in-between melodies (1–16). Returns one clip:
 * the VAE's version of a, then each in-between, then its version of b, two bars each.
 */
export async function interpolateMelodies(
  vae: SequenceInterpolator,
  a: readonly Note[],
  b: readonly Note[],
  steps: number,
  temperature = 0.5,
): Promise<{ notes: Note[]; totalQuantizedSteps: number; parts: number }> {
  if (!Number.isInteger(steps) || steps < 1 || steps > 16)
    throw new ConfigError('steps', steps, 'a whole number 1–16');
  const inputs = [prepareVaeInput(a, 'first clip'), prepareVaeInput(b, 'second clip')].map((p) =>
    toQuantizedSequence(p.notes, VAE_STEPS),
  );
  const seqs = await vae.interpolate(inputs, steps + 2, temperature);
  const notes = seqs.flatMap((s, i) =>
    shiftNotes(
      fromMagentaNotes(s.notes).filter((n) => n.quantizedStartStep < VAE_STEPS),
      i * VAE_STEPS,
    ),
  );
  return { notes, totalQuantizedSteps: seqs.length * VAE_STEPS, parts: seqs.length };
}

/** Anything that samples near a sequence (Magenta's MusicVAE `similar`). */
export interface SequenceVarier {
  similar(
    input: QuantizedSequence,
    numSamples: number,
    similarity: number,
    temperature?: number,
  ): Promise<{ notes?: unknown[] | null }[]>;
}

/**
 * Variations of a melody's first two bars: the VAE encodes it, takes `count` (1–16) points of the code
 * space near it — `similarity` 1 stays at the melody's own point, 0 is anywhere — and decodes each.
 */
export async function varyMelody(
  vae: SequenceVarier,
  notes: readonly Note[],
  count: number,
  similarity: number,
  temperature = 0.5,
): Promise<{ notes: Note[]; totalQuantizedSteps: number }[]> {
  if (!Number.isInteger(count) || count < 1 || count > 16)
    throw new ConfigError('count', count, 'a whole number 1–16');
  if (!(similarity >= 0 && similarity <= 1)) throw new ConfigError('similarity', similarity, '0–1');
  const input = prepareVaeInput(notes, 'the clip');
  const seqs = await vae.similar(toQuantizedSequence(input.notes, VAE_STEPS), count, similarity, temperature);
  return seqs.map((s) => ({
    notes: fromMagentaNotes(s.notes).filter((n) => n.quantizedStartStep < VAE_STEPS),
    totalQuantizedSteps: VAE_STEPS,
  }));
}
