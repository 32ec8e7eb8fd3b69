// Constants for tfjs backend selection.
import type { BackendName } from './types';

/** Backends tried by 'auto', fastest first. */
export const BACKEND_ORDER: readonly BackendName[] = Object.freeze(['webgpu', 'webgl', 'wasm', 'cpu']);

/** Where scripts/copy-models.mjs puts the tfjs WASM binaries (served from our own origin). */
export const DEFAULT_WASM_PATH = '/tfjs-wasm/';

/** localStorage key that remembers the user's backend choice. */
export const BACKEND_STORAGE_KEY = 'cais.backend';
