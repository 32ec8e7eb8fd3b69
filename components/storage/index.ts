// Public entry of components/storage: the one-tab-per-studio lock every studio that saves uses.
export { OpenElsewhereNote, StudioLock, useCanSave, useStudioLock } from './studio-lock';
export { PROJECT_LOCK_PREFIX, useProjectLock, type ProjectLockState } from './use-project-lock';
