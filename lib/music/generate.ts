// Generating and continuing clips with a Magenta MusicRNN (passed in, so the browser and Node bundles both work).
import { ConfigError, InputError } from '../errors';
import { LIMITS, MELODY_MAX_PITCH, MELODY_MIN_PITCH } from './music-constants';
import {
  fromMagentaNotes,
  lastStep,
  makeMonophonic,
  shiftNotes,
  stepsPerBar,
  toDrumClasses,
  toQuantizedSequence,
} from './sequences';
import type { GenerateOptions, Note, SequenceContinuer } from './types';

/**
 * Music is generated in phrases: each call to the model continues at most `context` steps (plus up to
 * `align` − 1 more) by at most `phrase` steps. Our RNNs learned from 64-step windows, and run further
 * than that the melody model drifts into held notes (32 bars fell from 4.7 to 1.5 notes a bar), so a
 * call never runs much past 64 steps. Context starts are multiples of `align`, the period of Magenta's
 * BinaryCounter (5 bits = 32 steps for melodies, 6 bits = 64 for drums), so the counter reads the same
 * bar positions as in training.
 */
export const PHRASES = Object.freeze({
  melody: Object.freeze({ phrase: 32, context: 32, align: 32 }),
  drums: Object.freeze({ phrase: 32, context: 32, align: 64 }),
});
/** A generated melody note is cut after this many steps (one 4/4 bar; longer holds mean a stalled model). */
export const MAX_NOTE_STEPS = 16;

/** The one-note seed that starts a clip without a primer; it stays as the clip's first note. */
export const SEED_NOTES = Object.freeze({
  melody: Object.freeze({ pitch: 60, quantizedStartStep: 0, quantizedEndStep: 2 }),
  drums: Object.freeze({ pitch: 36, quantizedStartStep: 0, quantizedEndStep: 1, isDrum: true }),
});

/** Checks the options and throws a ConfigError naming the field and what is allowed. */
export function resolveGenerateOptions(o: GenerateOptions): GenerateOptions {
  const [bMin, bMax] = LIMITS.bars;
  const [tMin, tMax] = LIMITS.temperature;
  if (!Number.isInteger(o.bars) || o.bars < bMin || o.bars > bMax)
    throw new ConfigError('bars', o.bars, `a whole number ${bMin}–${bMax}`);
  if (!(o.temperature >= tMin && o.temperature <= tMax))
    throw new ConfigError('temperature', o.temperature, `${tMin}–${tMax}`);
  if (o.kind !== 'melody' && o.kind !== 'drums') throw new ConfigError('kind', o.kind, '"melody" or "drums"');
  const ts = o.timeSignature;
  if (ts && !(Number.isInteger(ts.numerator) && ts.numerator > 0 && [2, 4, 8, 16].includes(ts.denominator)))
    throw new ConfigError('timeSignature', `${ts.numerator}/${ts.denominator}`, 'n/2, n/4, n/8 or n/16');
  return { ...o };
}

/** The primer to continue (fitted for the model) or the seed note. */
function primerOf(o: GenerateOptions): Note[] {
  const drums = o.kind === 'drums';
  if (!o.primer?.length) return [{ ...(drums ? SEED_NOTES.drums : SEED_NOTES.melody) }];
  if (!drums) return makeMonophonic(o.primer);
  // Pitches outside the model's drum classes would make Magenta's encoder produce NaN.
  const notes = toDrumClasses(o.primer).notes;
  if (!notes.length)
    throw new InputError('None of these notes is a drum the drum model knows (General MIDI 22–87).');
  return notes;
}

/** The chord of every step in [from, to) when `progression` is spread evenly over `total` steps. */
function chordsForSteps(progression: readonly string[], total: number, from: number, to: number): string[] {
  const out: string[] = [];
  for (let s = from; s < to; s++)
    out.push(progression[Math.min(progression.length - 1, Math.floor((s * progression.length) / total))]);
  return out;
}

/**
 * Generates `bars` new bars (of 4/4, or of `timeSignature`). Without a primer, a seed note (middle C
 * for a melody, a kick for drums) starts the clip on the downbeat and the model continues after it, so
 * the result is exactly `bars` long with the model's notes where it placed them. With a primer, the
 * result is the primer followed by the continuation.
 */
export async function generateClip(
  model: SequenceContinuer,
  options: GenerateOptions,
): Promise<{ notes: Note[]; totalQuantizedSteps: number }> {
  const o = resolveGenerateOptions(options);
  const drums = o.kind === 'drums';
  const steps = o.bars * stepsPerBar(o.timeSignature);
  const primer = primerOf(o);
  const seeded = !o.primer?.length;
  const primerSteps = seeded ? lastStep(primer) : Math.max(o.primerSteps ?? 0, lastStep(primer));
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
  // The seed is part of the clip: the clip is `steps` long in all, starting with the seed.
  const total = seeded ? steps : primerSteps + steps;
  const notes = [...primer];
  let end = primerSteps;
  const { phrase, context: contextSteps, align } = PHRASES[o.kind];
  while (end < total) {
    const phraseEnd = Math.min(total, (Math.floor(end / phrase) + 1) * phrase);
    const from = Math.max(0, Math.floor((end - contextSteps) / align) * align);
    const context = notes
      .filter((n) => n.quantizedStartStep >= from && n.quantizedStartStep < end)
      .map((n) => ({ ...n, quantizedEndStep: Math.min(n.quantizedEndStep, end) }));
    const out = await model.continueSequence(
      toQuantizedSequence(shiftNotes(context, -from), end - from),
      phraseEnd - end,
      o.temperature,
      o.chordProgression?.length ? chordsForSteps(o.chordProgression, total, from, phraseEnd) : undefined,
    );
    // Magenta returns notes counted from the end of the context; clip any that run past the phrase.
    for (const n of fromMagentaNotes(out.notes, drums)) {
      const start = n.quantizedStartStep + end;
      if (start >= phraseEnd) continue;
      const stop = Math.min(n.quantizedEndStep + end, phraseEnd, drums ? Infinity : start + MAX_NOTE_STEPS);
      notes.push({ ...n, quantizedStartStep: start, quantizedEndStep: stop });
    }
    end = phraseEnd;
  }
  return { notes, totalQuantizedSteps: total };
}
