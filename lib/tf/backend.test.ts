import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';

import { BackendError } from '../errors';
import {
  autoBackendOrder,
  canTrainConvolutions,
  checkBackendCorrectness,
  countTensorsDuring,
  formatBytes,
  initBackend,
  isSoftwareRenderer,
  memorySnapshot,
} from './index';

/** What headless Chromium's WebGL reports on this machine (no GPU), and what a laptop GPU reports. */
const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const INTEL = 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)';

describe('automatic engine choice with a software graphics adapter', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('recognises software rasterisers and leaves real GPUs alone', () => {
    expect(isSoftwareRenderer(SWIFTSHADER)).toBe(true);
    expect(isSoftwareRenderer(LLVMPIPE)).toBe(true);
    expect(isSoftwareRenderer(INTEL)).toBe(false);
    expect(isSoftwareRenderer(null)).toBe(false);
  });

  it('puts WebAssembly before WebGL only when WebGL is software', () => {
    const order = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
    expect(autoBackendOrder(order, SWIFTSHADER)).toEqual({
      order: ['webgpu', 'wasm', 'webgl', 'cpu'],
      softwareRenderer: SWIFTSHADER,
    });
    expect(autoBackendOrder(order, INTEL)).toEqual({ order: [...order], softwareRenderer: null });
    expect(autoBackendOrder(order, null).order).toEqual([...order]);
    expect(autoBackendOrder(['webgl', 'cpu'], LLVMPIPE).order).toEqual(['webgl', 'cpu']);
  });

  it('auto starts WebAssembly, with convolution gradients, and says why, when the adapter is software', async () => {
    const wasmPath = join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist/');
    const result = await initBackend({
      order: ['webgl', 'wasm', 'cpu'],
      probeRenderer: () => LLVMPIPE,
      wasmPath,
    });
    expect(result.name).toBe('wasm');
    expect(result.attempts[0]).toEqual({ name: 'wasm', ok: true });
    expect(result.softwareRenderer).toBe(LLVMPIPE);
    expect(canTrainConvolutions('wasm')).toBe(true);
    // A real GPU keeps WebGL first (it cannot start in Node, so the attempt fails, then WASM runs).
    const hw = await initBackend({ order: ['webgl', 'wasm', 'cpu'], probeRenderer: () => INTEL, wasmPath });
    expect(hw.attempts.map((a) => a.name)).toEqual(['webgl', 'wasm']);
    expect(hw.softwareRenderer).toBeUndefined();
  });
});

describe('initBackend', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('falls back past backends that cannot start here and records why', async () => {
    // Node has no WebGPU and no WebGL: both must be skipped with a reason, cpu chosen.
    const result = await initBackend({ order: ['webgpu', 'webgl', 'cpu'] });
    expect(result.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(result.attempts.map((a) => [a.name, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['cpu', true],
    ]);
    expect(result.attempts[0].error).toBeTruthy();
  });

  it('honours a preferred backend that works', async () => {
    const result = await initBackend({ preferred: 'cpu', order: ['webgl', 'cpu'] });
    expect(result.attempts[0]).toEqual({ name: 'cpu', ok: true });
  });

  it('throws a BackendError naming what it tried when nothing starts', async () => {
    await expect(initBackend({ order: ['webgpu', 'webgl'] })).rejects.toThrow(BackendError);
    await expect(initBackend({ order: ['webgpu', 'webgl'] })).rejects.toThrow(/webgpu, webgl/);
  });
});

describe('memory helpers', () => {
  it('correctness check passes on cpu and leaks nothing', async () => {
    await tf.setBackend('cpu');
    const { result, leaked } = await countTensorsDuring(() => checkBackendCorrectness());
    expect(result).toBe(true);
    expect(leaked).toBe(0);
  });

  it('countTensorsDuring sees a leak', async () => {
    let kept: tf.Tensor | undefined;
    const { leaked } = await countTensorsDuring(() => {
      kept = tf.ones([2]);
    });
    expect(leaked).toBe(1);
    kept?.dispose();
  });

  it('snapshot and byte formatting', () => {
    expect(memorySnapshot().backend).toBe('cpu');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
