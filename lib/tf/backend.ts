// Backend selection: the only place in the app that registers backends and sets tfjs flags.
import * as tf from '@tensorflow/tfjs';

import { BackendError } from '../errors';
import { log } from '../log';
import { BACKEND_ORDER, DEFAULT_WASM_PATH } from './constants';
import type { BackendAttempt, BackendName, BackendOptions, BackendResult } from './types';
import { registerWasmGradients } from './wasm-gradients';

const registered = new Set<BackendName>(['webgl', 'cpu']);

async function register(name: BackendName, wasmPath: string): Promise<void> {
  if (registered.has(name)) return;
  if (name === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
  } else if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(wasmPath);
    // tfjs-backend-wasm 4.22 cannot train convolutions on its own; these kernels let it.
    registerWasmGradients();
  }
  registered.add(name);
}

/**
 * Runs a tiny computation whose answer is known. Some drivers start a backend that
 * returns wrong numbers; we would rather fall back than teach with wrong results.
 */
export async function checkBackendCorrectness(): Promise<boolean> {
  const out = tf.tidy(() => {
    const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const b = tf.tensor2d([5, 6, 7, 8], [2, 2]);
    return tf.relu(tf.matMul(a, b).sub(20)).add(tf.sigmoid(tf.scalar(0)));
  });
  const v = await out.data();
  out.dispose();
  const expected = [0.5, 2.5, 23.5, 30.5];
  return expected.every((e, i) => Math.abs(v[i] - e) < 1e-3);
}

/** True when the environment could possibly run this backend (cheap, no start). */
export function isBackendPlausible(name: BackendName): boolean {
  const g = globalThis as { navigator?: { gpu?: unknown }; document?: unknown; WebAssembly?: unknown };
  if (name === 'webgpu') return Boolean(g.navigator?.gpu);
  if (name === 'webgl') return typeof g.document !== 'undefined';
  if (name === 'wasm') return typeof g.WebAssembly !== 'undefined';
  return true;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: Record<string, string>;
}

/**
 * Why WebGPU should not be chosen automatically, or null. A software adapter (SwiftShader,
 * llvmpipe) runs WebGPU on the processor; measured here it was 5-10x slower than WebGL on
 * the same machine (bench/results), so 'auto' prefers WebGL then. Chosen by hand it still runs.
 */
async function webgpuSoftwareReason(): Promise<string | null> {
  const gpu = (
    globalThis as { navigator?: { gpu?: { requestAdapter(o?: object): Promise<GpuAdapterLike | null> } } }
  ).navigator?.gpu;
  const adapter = await gpu?.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return 'no WebGPU adapter';
  const info = adapter.info ?? {};
  const text = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.device ?? ''} ${info.description ?? ''}`;
  if (adapter.isFallbackAdapter || /swiftshader|llvmpipe|software|lavapipe/i.test(text)) {
    return 'software adapter, slower than WebGL here';
  }
  return null;
}

/** Renderer names of WebGL implementations that run on the processor. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render/i;

/** True when a WebGL renderer string names a software rasteriser (SwiftShader, llvmpipe …). */
export function isSoftwareRenderer(renderer: string | null | undefined): boolean {
  return Boolean(renderer && SOFTWARE_RENDERER.test(renderer));
}

/**
 * The WebGL renderer's name (unmasked where the browser allows), or null outside a browser. Read from a
 * throwaway canvas before tfjs starts WebGL, so choosing costs no backend start.
 */
export function webglRenderer(): string | null {
  const g = globalThis as { document?: { createElement(tag: 'canvas'): HTMLCanvasElement } };
  if (!g.document) return null;
  try {
    const canvas = g.document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name || null;
  } catch {
    return null;
  }
}

/**
 * The order 'auto' tries backends in. When WebGL runs on a software rasteriser, WebAssembly goes before
 * it: measured here (npm run bench) WASM was 5-10x faster than SwiftShader WebGL for inference, dense
 * heads and, with lib/tf's convolution gradients, CNN training too.
 */
export function autoBackendOrder(
  order: readonly BackendName[],
  renderer: string | null,
): { order: BackendName[]; softwareRenderer: string | null } {
  if (!isSoftwareRenderer(renderer) || !order.includes('wasm') || !order.includes('webgl')) {
    return { order: [...order], softwareRenderer: null };
  }
  const rest: BackendName[] = order.filter((b) => b !== 'wasm');
  rest.splice(rest.indexOf('webgl'), 0, 'wasm');
  return { order: rest, softwareRenderer: renderer };
}

async function tryBackend(name: BackendName, wasmPath: string, auto: boolean): Promise<BackendAttempt> {
  if (!isBackendPlausible(name)) return { name, ok: false, error: 'not available in this browser' };
  try {
    if (name === 'webgpu' && auto) {
      const reason = await webgpuSoftwareReason();
      if (reason) return { name, ok: false, error: reason };
    }
    await register(name, wasmPath);
    const ok = await tf.setBackend(name);
    if (!ok) return { name, ok: false, error: 'failed to start' };
    await tf.ready();
    if (!(await checkBackendCorrectness())) return { name, ok: false, error: 'gave wrong results' };
    return { name, ok: true };
  } catch (e) {
    return { name, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Starts the best tfjs backend: the preferred one if it works, otherwise the first in
 * `order` that starts and passes a correctness check. Throws BackendError if none does.
 */
export async function initBackend(options: BackendOptions = {}): Promise<BackendResult> {
  const order = options.order ?? BACKEND_ORDER;
  const wasmPath = options.wasmPath ?? DEFAULT_WASM_PATH;
  const preferred = options.preferred ?? 'auto';
  const auto = autoBackendOrder(order, (options.probeRenderer ?? webglRenderer)());
  const queue = preferred === 'auto' ? auto.order : [preferred, ...auto.order.filter((b) => b !== preferred)];
  const attempts: BackendAttempt[] = [];
  for (const name of queue) {
    const attempt = await tryBackend(name, wasmPath, preferred !== name);
    attempts.push(attempt);
    if (attempt.ok) {
      log.info(`tfjs backend: ${name}`);
      return auto.softwareRenderer
        ? { name, attempts, softwareRenderer: auto.softwareRenderer }
        : { name, attempts };
    }
    log.warn(`backend ${name} skipped: ${attempt.error}`);
  }
  throw new BackendError(`No tfjs backend could start (tried ${queue.join(', ')}). Try another browser.`);
}

/** The backend tfjs is using now, or null before one is set. */
export function currentBackend(): BackendName | null {
  const name = tf.getBackend();
  return (BACKEND_ORDER as readonly string[]).includes(name) ? (name as BackendName) : null;
}

let pending: Promise<BackendResult> | null = null;

/**
 * Starts a backend once for the whole page and shares the result: every caller awaits the
 * same start. A failed start is forgotten so that a later call can try again.
 */
export function ensureBackend(options: BackendOptions = {}): Promise<BackendResult> {
  if (!pending) {
    pending = initBackend(options).catch((e: unknown) => {
      pending = null;
      throw e;
    });
  }
  return pending;
}

/** Switches to another backend (the user's choice in settings); later ensureBackend calls share it. */
export function switchBackend(options: BackendOptions): Promise<BackendResult> {
  pending = initBackend(options).catch((e: unknown) => {
    pending = null;
    throw e;
  });
  return pending;
}
