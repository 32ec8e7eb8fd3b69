import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';

import { BackendError } from '../errors';
import {
  checkBackendCorrectness,
  countTensorsDuring,
  formatBytes,
  initBackend,
  memorySnapshot,
} from './index';

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
