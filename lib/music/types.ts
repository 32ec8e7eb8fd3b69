// Types of lib/music: plain, serialisable note data (stored in IndexedDB as is).

/** One quantized note. Steps are sixteenth notes (4 per quarter), as in Magenta. */
export interface Note {
  pitch: number;
  quantizedStartStep: number;
  quantizedEndStep: number;
  velocity?: number;
  isDrum?: boolean;
  /**
   * Micro-timing: how far the note is played from its grid step, as a fraction of a step in
   * [-0.5, 0.5) (GrooVAE's timing offsets). Absent or 0 means exactly on the grid.
   */
  offset?: number;
}

/** A time signature such as 3/4 or 6/8 (4/4 when a clip has none). */
export interface TimeSignature {
  numerator: number;
  /** A power of two: 2, 4, 8 or 16. */
  denominator: number;
}

/** A key: tonic pitch class (0 = C … 11 = B) and mode. */
export interface KeySignature {
  tonic: number;
  mode: 'major' | 'minor';
}

/** A clip the studio shows: quantized notes plus how to play them. */
export interface Clip {
  id: string;
  name: string;
  kind: 'melody' | 'drums';
  notes: Note[];
  totalQuantizedSteps: number;
  /** Tempo in quarter notes per minute. */
  qpm: number;
  /** Meter read from an uploaded file (absent: 4/4). Bars are counted in it. */
  timeSignature?: TimeSignature;
  /** Key read from an uploaded file (absent: estimated from the notes when saving a melody). */
  keySignature?: KeySignature;
  /** A chord track under a melody (lib/music/harmony.ts), exported as a second MIDI track. */
  harmony?: Note[];
}

/** The INoteSequence shape Magenta's models and players accept (quantized). */
export interface QuantizedSequence {
  notes: Note[];
  totalQuantizedSteps: number;
  quantizationInfo: { stepsPerQuarter: number };
  tempos?: { time: number; qpm: number }[];
}

/** Result of fitting a melody into a model's pitch range. */
export interface RangeFit {
  notes: Note[];
  /** Semitones the whole melody was moved (a multiple of 12, may be 0). */
  transposedBy: number;
  /** Notes that were still outside after transposing and were folded in by octaves. */
  clipped: number;
}

/** Anything that continues a quantized sequence (Magenta's MusicRNN in the browser or Node). */
export interface SequenceContinuer {
  continueSequence(
    sequence: QuantizedSequence,
    steps: number,
    temperature?: number,
    chordProgression?: string[],
  ): Promise<{ notes?: unknown[] | null; totalQuantizedSteps?: unknown }>;
}

/** Options of {@link generateClip}. */
export interface GenerateOptions {
  kind: 'melody' | 'drums';
  /** Length of the new music in bars (1–32) of 4/4 or of `timeSignature`. */
  bars: number;
  /** Meter the bars are counted in (a continuation keeps its primer's); 4/4 when absent. */
  timeSignature?: TimeSignature;
  /** 0 always picks the likeliest note; higher is more surprising (0–2). */
  temperature: number;
  /** Music to continue; without it a one-note seed on the downbeat starts the clip. */
  primer?: Note[];
  /** Length of the primer in steps (defaults to its last note end). */
  primerSteps?: number;
  chordProgression?: string[];
}
