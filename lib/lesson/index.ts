// Public entry of lib/lesson: lesson links (URL parameters a teacher sets for a class).
export {
  LESSON_ENGINES,
  LESSON_PANELS,
  MAX_CLASS_NAME,
  MAX_LESSON_CLASSES,
  MAX_LINK_NOTES,
} from './constants';
export { lessonLink, parseLesson, sameOriginPath } from './lesson-link';
export { modelCardFacts, type ModelCardFacts, type ModelCardInput } from './model-card';
export type * from './types';
