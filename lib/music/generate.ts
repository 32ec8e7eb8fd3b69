// Generating and continuing clips with a Magenta MusicRNN (passed in, so the browser and Node bundles both work).
import { ConfigError, InputError } from '../errors';
import { LIMITS, MELODY_MAX_PITCH, MELODY_MIN_PITCH } from './music-constants';
import {
  barsToSteps,
  fromMagentaNotes,
  lastStep,
  makeMonophonic,
  shiftNotes,
  toDrumClasses,
  toQuantizedSequence,
} from './sequences';
import type { GenerateOptions, Note, SequenceContinuer } from './types';

/** Checks the options and throws a ConfigError naming the field and what is allowed. */
export function resolveGenerateOptions(o: GenerateOptions): GenerateOptions {
  const [bMin, bMax] = LIMITS.bars;
  const [tMin, tMax] = LIMITS.temperature;
  if (!Number.isInteger(o.bars) || o.bars < bMin || o.bars > bMax)
    throw new ConfigError('bars', o.bars, `a whole number ${bMin}–${bMax}`);
  if (!(o.temperature >= tMin && o.temperature <= tMax))
    throw new ConfigError('temperature', o.temperature, `${tMin}–${tMax}`);
  if (o.kind !== 'melody' && o.kind !== 'drums') throw new ConfigError('kind', o.kind, '"melody" or "drums"');
  return { ...o };
}

/**
 * Generates `bars` new bars. Without a primer a single seed note starts the model (middle C for a
 * melody, a kick for drums) and only the new bars are returned. With a primer, the result is the
 * primer followed by the continuation.
 */
export async function generateClip(
  model: SequenceContinuer,
  options: GenerateOptions,
): Promise<{ notes: Note[]; totalQuantizedSteps: number }> {
  const o = resolveGenerateOptions(options);
  const drums = o.kind === 'drums';
  const steps = barsToSteps(o.bars);
  let primer: Note[];
  if (o.primer && o.primer.length > 0) {
    if (drums) {
      // Pitches outside the model's drum classes would make Magenta's encoder produce NaN.
      primer = toDrumClasses(o.primer).notes;
      if (!primer.length)
        throw new InputError('None of these notes is a drum the drum model knows (General MIDI 22–87).');
    } else primer = makeMonophonic(o.primer);
  } else {
    primer = [
      drums
        ? { pitch: 36, quantizedStartStep: 0, quantizedEndStep: 1, isDrum: true }
        : { pitch: 60, quantizedStartStep: 0, quantizedEndStep: 2 },
    ];
  }
  const primerSteps = o.primer?.length ? Math.max(o.primerSteps ?? 0, lastStep(primer)) : lastStep(primer);
  if (!drums) {
    for (const n of primer) {
      if (n.pitch < MELODY_MIN_PITCH || n.pitch > MELODY_MAX_PITCH)
        throw new ConfigError(
          'primer pitch',
          n.pitch,
          `${MELODY_MIN_PITCH}–${MELODY_MAX_PITCH} (fit it with fitToRange first)`,
        );
    }
  }
  const out = await model.continueSequence(
    toQuantizedSequence(primer, primerSteps),
    steps,
    o.temperature,
    o.chordProgression,
  );
  // Magenta returns notes counted from the end of the primer; clip any that run past the requested length.
  const cont = fromMagentaNotes(out.notes, drums)
    .filter((n) => n.quantizedStartStep < steps)
    .map((n) => ({ ...n, quantizedEndStep: Math.min(n.quantizedEndStep, steps) }));
  if (!o.primer?.length) return { notes: cont, totalQuantizedSteps: steps };
  return { notes: [...primer, ...shiftNotes(cont, primerSteps)], totalQuantizedSteps: primerSteps + steps };
}
