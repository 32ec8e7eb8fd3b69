// Limits and names for lesson links.
import type { LessonEngine } from './types';

/** Most preset class names a link may give (the teachable studios' own maximum is 10). */
export const MAX_LESSON_CLASSES = 10;
/** Longest class name, in characters. */
export const MAX_CLASS_NAME = 40;
/** Longest teacher's note in a link, in characters (a project file's note may be longer). */
export const MAX_LINK_NOTES = 500;

/** Engines a link may ask for. */
export const LESSON_ENGINES: readonly LessonEngine[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * Panels any studio can hide with `hide=`: `files` (save and share), `settings` (Advanced training
 * settings), `details` (Under the hood), `offline` (Make available offline), `share` (Share this
 * setup), `modelcard` (the model card). The Playground adds its own control names.
 */
export const LESSON_PANELS = ['files', 'settings', 'details', 'offline', 'share', 'modelcard'] as const;
