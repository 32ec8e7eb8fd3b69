// Limits on every file the studios read, checked before anything is decoded or parsed. Each is
// named in the message a visitor sees and listed in the README ("Files and limits").

/** Largest picture, in pixels (width × height), we read at all: 50 megapixels. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Pictures above this many pixels are decoded already scaled down (createImageBitmap resize). */
export const MAX_DECODE_PIXELS = 4_000_000;
/** Longest side of a picture decoded scaled down, in pixels. */
export const SCALED_IMAGE_SIDE = 1024;
/** Largest picture file, in bytes: 30 MB. */
export const MAX_IMAGE_BYTES = 30_000_000;

/** Largest sound file, in bytes: 50 MB (about 4½ minutes of CD-quality WAV). */
export const MAX_AUDIO_BYTES = 50_000_000;
/** Longest sound file, in seconds: 5 minutes. */
export const MAX_AUDIO_SECONDS = 300;

/** Largest MIDI file, in bytes: 2 MB. */
export const MAX_MIDI_BYTES = 2_000_000;
/** Most notes in one MIDI clip. */
export const MAX_MIDI_NOTES = 20_000;
/** Longest MIDI clip, in quarter notes (1,024 bars of 4/4). */
export const MAX_MIDI_QUARTERS = 4096;

/** Largest CSV file, in bytes: 20 MB. */
export const MAX_CSV_BYTES = 20_000_000;
/** Most data rows in a CSV table the labs read. */
export const MAX_CSV_ROWS = 50_000;

/** Largest project or model file (zip or separate files together), in bytes: 200 MB. */
export const MAX_ARCHIVE_BYTES = 200_000_000;
/** Most files inside one zip. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Most bytes all files of one zip may expand to: 300 MB. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 300_000_000;
/** Largest JSON file inside a project or model (project.json, model.json, metadata.json): 20 MB. */
export const MAX_JSON_BYTES = 20_000_000;

/** Most classes in a project or model (the studios allow 20). */
export const MAX_FILE_CLASSES = 20;
/** Most examples in one imported project. */
export const MAX_PROJECT_SAMPLES = 5000;
/** Longest class or file name we keep, in characters. */
export const MAX_NAME_LENGTH = 100;

/** Allowed Teachable Machine `imageSize` values (Teachable Machine itself uses 224). */
export const TM_IMAGE_SIZE_RANGE: readonly [number, number] = Object.freeze([32, 512]) as readonly [
  number,
  number,
];
