// The one loader of the shipped CenterNet graph model, used by the image features (lib/transfer)
// and by deep dream and style transfer (lib/vision).
import * as tf from '@tensorflow/tfjs';

import { ModelLoadError } from '../../errors';
import { CENTERNET_MODEL_URL } from './constants';
import type { LoadCenternetOptions } from './types';

/**
 * Loads the CenterNet graph model from our origin (or another URL / IOHandler). The caller owns
 * the model, runs its own warm-up at the input size it uses, and disposes it.
 * @throws ModelLoadError naming the source and the fix when it cannot be loaded.
 */
export async function loadCenternet(options: LoadCenternetOptions = {}): Promise<tf.GraphModel> {
  const source = options.model ?? CENTERNET_MODEL_URL;
  try {
    return await tf.loadGraphModel(source, { onProgress: options.onProgress });
  } catch (e) {
    throw new ModelLoadError(
      `${options.what ?? 'The image network'} could not be loaded from ${typeof source === 'string' ? source : 'the given handler'}: ${
        e instanceof Error ? e.message : String(e)
      }. Run "npm run models" to copy it into public/models.`,
    );
  }
}
