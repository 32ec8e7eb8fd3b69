// Public entry of lib/music: shipped Magenta checkpoints, note-sequence helpers, MIDI in/out, generation.
export { MUSIC_MODELS, type MusicModelInfo } from './constants';
export * from './music-constants';
export {
  barsToSteps,
  clipToMidi,
  constrainToScale,
  fitToRange,
  fromMagentaNotes,
  lastStep,
  makeMonophonic,
  midiToClip,
  noteTimes,
  secondsPerStep,
  scalePitchClasses,
  shiftNotes,
  stepsToBars,
  toQuantizedSequence,
  type ImportedMidi,
} from './sequences';
export { generateClip, resolveGenerateOptions } from './generate';
export type * from './types';
export { interpolateMelodies, prepareVaeInput, VAE_STEPS, type SequenceInterpolator } from './interpolate';
