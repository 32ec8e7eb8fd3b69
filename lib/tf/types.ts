// Types for tfjs backend selection.

/** A tfjs backend the studio knows how to start, fastest first. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What the user asked for: a specific backend, or the first that works. */
export type BackendPreference = BackendName | 'auto';

/** Options for {@link initBackend}. */
export interface BackendOptions {
  /** The backend to try first; 'auto' tries {@link BACKEND_ORDER}. Defaults to 'auto'. */
  preferred?: BackendPreference;
  /** Order of backends to try. Defaults to webgpu, webgl, wasm, cpu. */
  order?: readonly BackendName[];
  /** Folder (URL path ending in '/') that serves the tfjs WASM binaries. Defaults to '/tfjs-wasm/'. */
  wasmPath?: string;
  /** Reads the WebGL renderer's name (for tests); defaults to a throwaway canvas, null outside a browser. */
  probeRenderer?: () => string | null;
}

/** One backend that was tried, and why it was or was not chosen. */
export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** Short reason when it failed (not registered, failed to start, wrong results). */
  error?: string;
}

/** The result of {@link initBackend}. */
export interface BackendResult {
  /** The backend now running. */
  name: BackendName;
  attempts: BackendAttempt[];
  /**
   * The WebGL renderer's name when it is a software rasteriser (SwiftShader, llvmpipe); the automatic
   * order then puts WebAssembly before WebGL, and the engine dialog says why.
   */
  softwareRenderer?: string;
}

/** Current tfjs memory use, as plain numbers for the UI. */
export interface MemorySnapshot {
  backend: string;
  numTensors: number;
  numBytes: number;
  /** Bytes on the GPU, when the backend reports it. */
  numBytesInGPU?: number;
}
