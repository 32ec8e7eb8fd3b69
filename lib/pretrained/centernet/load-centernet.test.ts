// The CenterNet loader: the shipped files load (run `npm run models` first), the backbone node
// answers at the table's input node with any size, a missing file is a ModelLoadError naming the fix.
import { statSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { ModelLoadError } from '../../errors';
import { REPO_ROOT, modelFromDisk } from '../../test-utils';
import { CENTERNET, CENTERNET_INPUT, CENTERNET_NODE_120, loadCenternet } from './index';

describe('loadCenternet', () => {
  it('loads the shipped model, whose backbone takes any size, and leaks nothing once disposed', async () => {
    const before = tf.memory().numTensors;
    const model = await loadCenternet({ model: modelFromDisk('centernet') });
    const out = tf.tidy(
      () => model.execute({ [CENTERNET_INPUT]: tf.zeros([1, 64, 96, 3]) }, CENTERNET_NODE_120) as tf.Tensor,
    );
    expect(out.shape).toEqual([1, 2, 3, 120]);
    out.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('has the size of the copied weights in its table', () => {
    expect(statSync(join(REPO_ROOT, 'public/models/centernet/centernet.bin')).size).toBe(CENTERNET.bytes);
  });

  it('names the source and the fix when the model cannot be loaded', async () => {
    const broken: tf.io.IOHandler = {
      load: () => Promise.reject(new Error('no such file')),
    };
    await expect(loadCenternet({ model: broken, what: 'The picture model' })).rejects.toThrow(ModelLoadError);
    await expect(loadCenternet({ model: broken })).rejects.toThrow(/npm run models/);
  });
});
