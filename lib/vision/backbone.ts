// The pretrained image backbone (MobileNetV3 of CenterNet) whose activations deep dream and style transfer use.
import * as tf from '@tensorflow/tfjs';

import { ModelLoadError } from '../errors';
import { CENTERNET_NODE_120 } from '../pretrained/centernet/constants';
import { loadCenternet } from '../pretrained/centernet/load-centernet';
import { VISION_INPUT_NODE } from './constants';
import type { BackboneConfig } from './types';

/** A loaded backbone. The caller owns it and calls `dispose()` when done. */
export interface VisionBackbone {
  /** Activations of `nodes` for a batch [1, h, w, 3] of raw 0–255 pixels. Call inside tf.tidy or tf.grad. */
  activations(images: tf.Tensor4D, nodes: readonly string[]): tf.Tensor4D[];
  readonly disposed: boolean;
  dispose(): void;
}

/** Loads the backbone from our origin (or a given handler) and warms it up. */
export async function loadVisionBackbone(config: BackboneConfig = {}): Promise<VisionBackbone> {
  const graph = await loadCenternet({ model: config.model });
  let disposed = false;
  const backbone: VisionBackbone = {
    activations(images, nodes) {
      if (disposed) throw new ModelLoadError('The image network was disposed; load it again.');
      const out = graph.execute({ [VISION_INPUT_NODE]: images }, [...nodes]);
      return (Array.isArray(out) ? out : [out]) as tf.Tensor4D[];
    },
    get disposed() {
      return disposed;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      graph.dispose();
    },
  };
  if (config.warmUp ?? true) {
    // One small forward pass compiles the shaders / kernels before the user's first step.
    // A model without the deepest dream layer is the wrong file: say so now, not mid-run.
    try {
      const warm = tf.tidy(() => backbone.activations(tf.zeros([1, 64, 64, 3]), [WARM_UP_NODE])[0]);
      await warm.data();
      warm.dispose();
    } catch (e) {
      backbone.dispose();
      throw new ModelLoadError(
        `The image network has no usable node "${WARM_UP_NODE}" (${e instanceof Error ? e.message : String(e)}): wrong model file?`,
      );
    }
  }
  return backbone;
}

/** The deepest dream layer; a model without it is the wrong file. */
const WARM_UP_NODE = CENTERNET_NODE_120;
