// Memory helpers: plain-number snapshots of tfjs memory for the UI, tests and benchmarks.
import * as tf from '@tensorflow/tfjs';

import type { MemorySnapshot } from './types';

/** Reads tf.memory() into plain numbers. */
export function memorySnapshot(): MemorySnapshot {
  const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
  return {
    backend: tf.getBackend(),
    numTensors: m.numTensors,
    numBytes: m.numBytes,
    numBytesInGPU: m.numBytesInGPU,
  };
}

/**
 * Runs `fn` and returns its result with the change in live tensors. Used by leak tests
 * and by benchmarks; a non-zero `leaked` means `fn` forgot to dispose something.
 */
export async function countTensorsDuring<T>(
  fn: () => Promise<T> | T,
): Promise<{ result: T; leaked: number }> {
  const before = tf.memory().numTensors;
  const result = await fn();
  return { result, leaked: tf.memory().numTensors - before };
}

/** Formats a byte count for people: "1.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
