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
  stepsPerBar,
  estimateKey,
  keyFifths,
  toDrumClasses,
  toQuantizedSequence,
  toTimedSequence,
  type ImportedMidi,
  type TimedSequence,
} from './sequences';
export { midiToClipOffThread, readMidiJob, type MidiReadRequest } from './midi-read';
export { generateClip, MAX_NOTE_STEPS, PHRASES, resolveGenerateOptions, SEED_NOTES } from './generate';
export type * from './types';
export {
  interpolateMelodies,
  prepareVaeInput,
  varyMelody,
  VAE_STEPS,
  type SequenceInterpolator,
  type SequenceVarier,
} from './interpolate';
export {
  ALL_NOTES_OFF,
  clipDurationMs,
  clipToMidiEvents,
  listenToInput,
  MidiConnection,
  MidiError,
  type MidiErrorKind,
  type MidiEvent,
  type MidiNoteMessage,
  type MidiPlayback,
  type MidiPortInfo,
  MidiRecorder,
  midiSupport,
  parseMidiMessage,
  recordedNotesToClip,
  requestMidi,
  sendClip,
  type SendClipOptions,
} from './midi-io';
export {
  drumifyClip,
  fromGrooveNotes,
  GROOVE_STEPS,
  grooveClip,
  tapsToNotes,
  toGrooveSequence,
  type GrooveInput,
  type GrooveModel,
  type GrooveOptions,
  type GrooveResult,
  type GrooveSequence,
} from './groove';
export {
  KICK_PITCHES,
  SNARE_PITCHES,
  kickOnBeatShare,
  longestNote,
  notesPerBarByPart,
  onBeatShare,
  onsetSteps,
  snareBackbeatShare,
} from './rhythm';
export {
  formFits,
  generateClipWithForm,
  generateWithForm,
  MELODY_FORMS,
  type FormOptions,
  type FormResult,
  type FormSection,
  type MelodyForm,
} from './form';
export {
  inKeyShare,
  measureMelody,
  melodyIntervals,
  motifRepetition,
  stepwiseShare,
  type MelodyMetrics,
} from './melody-metrics';
export {
  chordSpans,
  clipToMidiWithHarmony,
  harmonize,
  HARMONY_STYLES,
  HARMONY_TRACK_NAME,
  parseChord,
  withHarmony,
  type ChordRhythm,
  type HarmonyOptions,
  type HarmonyStyle,
  type ParsedChord,
} from './harmony';
export {
  artifactsToCheckpointFiles,
  eventsToMelody,
  fetchMelodyRnnArtifacts,
  melodyToEvents,
  TunableMelodyRnn,
  type EventWindow,
  type MelodyRnnArtifacts,
  type MelodyRnnSpec,
} from './tunable-melody-rnn';
export {
  fineTuneMelodyRnn,
  makeFineTuneData,
  meanLoss,
  type FineTuneData,
  type FineTuneDataOptions,
  type FineTuneOptions,
  type FineTuneResult,
  type MelodySource,
} from './melody-finetune';
