// Unit-test setup: every test runs on the deterministic pure-JS CPU backend, and every test draws
// the same random numbers on every run: Math.random (what tfjs uses for unseeded initializers,
// shuffles, dropout and sampling, and what Magenta's samplers use) is replaced by a PRNG seeded from
// the test's full name before each test. A test's outcome then never depends on chance or on which
// other tests ran before it; its statistical thresholds are still measured over many seeds (see the
// comments beside them), so a seed is not chosen to make a test pass.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, beforeEach } from 'vitest';

import { createRng } from '../lib/data/rng';
import { setLogLevel } from '../lib/log';

/** FNV-1a hash of a string: the seed of a test's random numbers. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

let random = createRng(hash('module scope'));
Math.random = () => random();

beforeEach((context) => {
  const names: string[] = [];
  for (let t: { name: string; suite?: unknown } | undefined = context.task; t; t = t.suite as typeof t)
    names.unshift(t.name);
  random = createRng(hash(`${context.task.file?.name ?? ''} ${names.join(' > ')}`));
});

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  setLogLevel('error');
});
