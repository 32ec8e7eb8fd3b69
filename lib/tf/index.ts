// Public entry of lib/tf: backend selection and memory helpers.
export { BACKEND_ORDER, BACKEND_STORAGE_KEY, DEFAULT_WASM_PATH } from './constants';
export {
  autoBackendOrder,
  checkBackendCorrectness,
  currentBackend,
  ensureBackend,
  initBackend,
  isBackendPlausible,
  isSoftwareRenderer,
  switchBackend,
  webglRenderer,
} from './backend';
export { WASM_GRADIENT_KERNELS, canTrainConvolutions, registerWasmGradients } from './wasm-gradients';
export { countTensorsDuring, formatBytes, memorySnapshot } from './memory';
export type * from './types';
