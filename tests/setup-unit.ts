// Unit-test setup: every test runs on the deterministic pure-JS CPU backend.
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

import { setLogLevel } from '../lib/log';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  setLogLevel('error');
});
