// Constants of the studio's note handling (the model table is in constants.ts).

/** Magenta's melody and drum models work on sixteenth notes. */
export const STEPS_PER_QUARTER = 4;
/** 4/4 time: 16 sixteenth-note steps per bar. */
export const STEPS_PER_BAR = 16;
export const DEFAULT_QPM = 120;
/** General MIDI percussion channel (channel 10, counted from 0). */
export const DRUM_CHANNEL = 9;
/** A clip file larger than this is not a sketch; refusing it keeps the page responsive. */
export const MAX_MIDI_BYTES = 2_000_000;
/** Pitch range of our melody_rnn checkpoint (MelodyConverter minPitch/maxPitch). */
export const MELODY_MIN_PITCH = 48;
export const MELODY_MAX_PITCH = 83;
/** Limits of the Generate and Continue controls, as in Magenta Studio. */
export const LIMITS = Object.freeze({ bars: [1, 32], variations: [1, 16], temperature: [0, 2] } as const);

/** Scales as semitone steps above the tonic. */
export const SCALES = Object.freeze({
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
  pentatonic: [0, 2, 4, 7, 9],
  blues: [0, 3, 5, 6, 7, 10],
} as const);
export type ScaleName = keyof typeof SCALES;

/**
 * The 9 drum classes of our drum models (Groove MIDI Dataset mapping, as in the drum_rnn config's
 * `pitchClasses`): kick, snare, closed hi-hat, open hi-hat, low tom, mid tom, high tom, crash, ride.
 * The first pitch of each class is the one the models write.
 */
export const DRUM_PITCH_CLASSES: readonly (readonly number[])[] = Object.freeze([
  [36, 35],
  [38, 40, 37, 27, 28, 31, 32, 33, 34, 39, 56, 65, 66, 75, 85],
  [42, 22, 44, 54, 68, 69, 70, 71, 73, 78, 80],
  [46, 26, 67, 72, 74, 79, 81],
  [43, 58, 29, 41, 61, 64, 84],
  [47, 45, 60, 63, 77, 86, 87],
  [50, 48, 30, 62, 76, 83],
  [49, 52, 55, 57],
  [51, 59, 53, 82],
]);
