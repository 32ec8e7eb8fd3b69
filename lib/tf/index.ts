// Public entry of lib/tf: backend selection and memory helpers.
export { BACKEND_ORDER, BACKEND_STORAGE_KEY, DEFAULT_WASM_PATH } from './constants';
export {
  checkBackendCorrectness,
  currentBackend,
  ensureBackend,
  initBackend,
  isBackendPlausible,
  switchBackend,
} from './backend';
export { countTensorsDuring, formatBytes, memorySnapshot } from './memory';
export type * from './types';
