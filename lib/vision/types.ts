// Types of lib/vision: deep dream and style transfer configs, progress reports and results.
import type * as tf from '@tensorflow/tfjs';

/** Friendly id of a dream layer, shallow ("textures") to deep ("objects"). */
export type DreamLayerId = 'textures' | 'patterns' | 'parts' | 'shapes' | 'objects';

/** One layer offered for dreaming. */
export interface DreamLayerInfo {
  id: DreamLayerId;
  /** Graph node name in the backbone. */
  node: string;
  /** Number of channels (feature maps) of the layer. */
  channels: number;
  /** How many input pixels one activation step covers (the layer is 1/stride of the input size). */
  stride: number;
}

/** Deep dream settings. Every field is checked by `resolveDreamConfig`. */
export interface DreamConfig {
  /** Which layer's activations to amplify. Defaults to 'patterns'. */
  layer: DreamLayerId;
  /** One channel of the layer to amplify, or null for the whole layer. Defaults to null. */
  channel: number | null;
  /** Number of scales processed from small to full size, 1–6. Defaults to 3. */
  octaves: number;
  /** Size ratio between neighbouring octaves, 1.1–2. Defaults to 1.4. */
  octaveScale: number;
  /** Gradient-ascent steps per octave, 1–100. Defaults to 10. */
  stepsPerOctave: number;
  /** Average change per step in brightness levels (0–255 scale), 0.1–20. Defaults to 3. */
  stepSize: number;
  /** Largest random shift in pixels before each step (hides tile seams and grid artefacts), 0–64. Defaults to 16. */
  jitter: number;
  /** Blend of the dream over the original: 0 = original, 1 = full dream. Defaults to 1. */
  strength: number;
  /** Gradients are computed in tiles of at most this many pixels per side, 64–1024. Defaults to 512. */
  tileSize: number;
  /** Seed of the jitter shifts, so a run can be repeated exactly. Defaults to 1. */
  seed: number;
}

/** Style transfer settings. Every field is checked by `resolveStyleConfig`. */
export interface StyleConfig {
  /** How much the result must keep the photo's layout, 0–100. Defaults to 1. */
  contentWeight: number;
  /** How much the result must match the painting's textures (Gram matrices), 0–10000. Defaults to 10. */
  styleWeight: number;
  /** Smoothing (total variation) weight: removes pixel noise, 0–1000. Defaults to 10. */
  tvWeight: number;
  /** Optimisation steps, 1–1000. Defaults to 60. */
  iterations: number;
  /** Adam learning rate in brightness levels (0–255 scale), 0.1–50. Defaults to 4. */
  learningRate: number;
  /** Keep the photo's colours and take only brightness patterns from the style. Defaults to false. */
  keepColours: boolean;
  /** Backbone node for the content loss. */
  contentLayer: string;
  /** Backbone nodes for the style loss. */
  styleLayers: readonly string[];
  /** Seed (reserved for reproducible noise; the image starts from the photo). Defaults to 1. */
  seed: number;
}

/** What a running job is told before each step. */
export interface RunControl {
  /** Aborting stops at the next step; the current image is kept and returned. */
  signal?: AbortSignal;
}

/** Progress of a deep dream, reported after every step. */
export interface DreamProgress {
  octave: number;
  octaves: number;
  step: number;
  /** Steps done so far over all octaves, and the total. */
  done: number;
  total: number;
  /** Layer objective (mean squared activation, or mean of the chosen channel) before this step. */
  score: number;
  /** The current image [h, w, 3] float 0–255 at this octave's size, blended by `strength`. Valid only during the callback. */
  image: tf.Tensor3D;
}

/** Options of `deepDream`. */
export interface DreamRunOptions extends RunControl {
  /** Called after every step; may be async (the run waits, so the UI can draw). */
  onStep?: (p: DreamProgress) => void | Promise<void>;
}

/** Result of `deepDream`. The caller owns `image` and disposes it. */
export interface DreamResult {
  /** [h, w, 3] float 0–255, the input's size. */
  image: tf.Tensor3D;
  cancelled: boolean;
  stepsDone: number;
  scores: number[];
}

/** Loss parts of one style-transfer iteration (already multiplied by their weights). */
export interface StyleLossParts {
  total: number;
  content: number;
  style: number;
  tv: number;
}

/** Progress of a style transfer, reported after every iteration. */
export interface StyleProgress {
  iteration: number;
  iterations: number;
  loss: StyleLossParts;
  /** The current image [h, w, 3] float 0–255 (colours already kept if asked). Valid only during the callback. */
  image: tf.Tensor3D;
}

/** Options of `styleTransfer`. */
export interface StyleRunOptions extends RunControl {
  onIteration?: (p: StyleProgress) => void | Promise<void>;
}

/** Result of `styleTransfer`. The caller owns `image` and disposes it. */
export interface StyleResult {
  image: tf.Tensor3D;
  cancelled: boolean;
  iterationsDone: number;
  losses: StyleLossParts[];
}

/** Where the backbone comes from: a URL under our origin or an IOHandler (tests). */
export interface BackboneConfig {
  model?: string | tf.io.IOHandler;
  /** Run one forward pass after loading so the first real step is not slow. Defaults to true. */
  warmUp?: boolean;
}

/** A size that fits inside a limit, and whether the image had to be shrunk. */
export interface FittedSize {
  width: number;
  height: number;
  scaled: boolean;
}
