// Types of lesson links: the URL parameters a teacher sets to open a studio prepared for a class.

/** The engine names a link may ask for (the `backend` / `engine` parameter). */
export type LessonEngine = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What a lesson link asks for. Every field is optional; `hide` is empty when not given. */
export interface LessonParams {
  /** UI language. */
  lang?: 'ko' | 'en';
  /** Kids' mode: big letters for the winning class (and speech where the studio has it). */
  kids?: boolean;
  /** Preset class names for a teachable studio, in order. */
  classes?: string[];
  /** Panels to hide (`data-lesson-panel` names, and the Playground's own control names). */
  hide: string[];
  /** Engine to start with. */
  engine?: LessonEngine;
  /** Path of a project file on this site to open (same origin only). */
  project?: string;
  /** A short note from the teacher, shown at the top of the studio. */
  notes?: string;
}

/** A parameter that was not used, and why. */
export interface LessonProblem {
  param: keyof LessonParams | 'model';
  /** `foreign-url`: points to another site; `bad-value`: not a value the parameter takes. */
  code: 'foreign-url' | 'bad-value';
  value: string;
}

/** The parsed link: what to apply, and what was refused. */
export interface ParsedLesson {
  params: LessonParams;
  problems: LessonProblem[];
}
