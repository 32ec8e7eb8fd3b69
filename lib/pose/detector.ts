// createPoseDetector: one factory and one Pose interface over PoseNet (@tensorflow-models/posenet)
// and MoveNet (@tensorflow-models/pose-detection), both loading our own copies of the weights.
import * as tf from '@tensorflow/tfjs';

import { ConfigError, ModelLoadError } from '../errors';
import { DEFAULT_POSE_DETECTOR_CONFIG, KEYPOINT_NAMES, POSE_MODELS, POSE_MODEL_NAMES } from './constants';
import type {
  EstimateOptions,
  Keypoint,
  Pose,
  PoseDetector,
  PoseDetectorConfig,
  PoseInput,
  PoseModelName,
} from './types';

/** Checks and fills a PoseDetectorConfig; throws ConfigError naming the field. */
export function resolvePoseDetectorConfig(partial: Partial<PoseDetectorConfig> = {}): PoseDetectorConfig {
  const c: PoseDetectorConfig = {
    model: partial.model ?? DEFAULT_POSE_DETECTOR_CONFIG.model,
    modelUrl: partial.modelUrl,
    inputResolution: partial.inputResolution ?? DEFAULT_POSE_DETECTOR_CONFIG.inputResolution,
    multiPose: partial.multiPose ?? DEFAULT_POSE_DETECTOR_CONFIG.multiPose,
    maxPoses: partial.maxPoses ?? DEFAULT_POSE_DETECTOR_CONFIG.maxPoses,
    smoothing: partial.smoothing ?? DEFAULT_POSE_DETECTOR_CONFIG.smoothing,
    warmUp: partial.warmUp ?? DEFAULT_POSE_DETECTOR_CONFIG.warmUp,
  };
  if (!(POSE_MODEL_NAMES as readonly string[]).includes(c.model)) {
    throw new ConfigError('model', c.model, POSE_MODEL_NAMES.join(', '));
  }
  // PoseNet's stride-16 decoder needs (side − 1) to be a multiple of 16.
  const r = c.inputResolution;
  if (!Number.isInteger(r) || r < 161 || r > 801 || (r - 1) % 16 !== 0) {
    throw new ConfigError(
      'inputResolution',
      r,
      'an integer from 161 to 801 with (value − 1) divisible by 16, e.g. 257 or 385',
    );
  }
  if (c.multiPose && c.model !== 'posenet') {
    throw new ConfigError(
      'multiPose',
      c.multiPose,
      'true only for the "posenet" model (MoveNet SinglePose finds one person)',
    );
  }
  if (!Number.isInteger(c.maxPoses) || c.maxPoses < 1 || c.maxPoses > 20)
    throw new ConfigError('maxPoses', c.maxPoses, 'an integer from 1 to 20');
  return c;
}

/** Keypoints in COCO order from any model's list (PoseNet names them in camelCase, same order). */
function toPose(points: { x: number; y: number; score?: number }[], score: number | undefined): Pose {
  const keypoints: Keypoint[] = KEYPOINT_NAMES.map((name, i) => {
    const p = points[i];
    return { name, x: p?.x ?? 0, y: p?.y ?? 0, score: p?.score ?? 0 };
  });
  return { keypoints, score: score ?? keypoints.reduce((s, k) => s + k.score, 0) / keypoints.length };
}

/**
 * The input as a [h, w, 3] tensor at its natural size, and whether we made it (then we dispose it).
 * Both libraries read an element's `width`/`height`, which for a <video> without those attributes
 * is 0 and for a scaled <img> is its size on screen, so elements are converted here instead.
 */
function toPixels(input: PoseInput): { pixels: tf.Tensor3D; owned: boolean } {
  if (input instanceof tf.Tensor) return { pixels: input, owned: false };
  if (typeof HTMLImageElement !== 'undefined' && input instanceof HTMLImageElement) {
    const canvas = document.createElement('canvas');
    canvas.width = input.naturalWidth;
    canvas.height = input.naturalHeight;
    canvas.getContext('2d')?.drawImage(input, 0, 0);
    return { pixels: tf.browser.fromPixels(canvas), owned: true };
  }
  return { pixels: tf.browser.fromPixels(input), owned: true };
}

/** Runs `fn` on the input's pixels and frees what toPixels made. */
async function withPixels<T>(input: PoseInput, fn: (pixels: tf.Tensor3D) => Promise<T>): Promise<T> {
  const { pixels, owned } = toPixels(input);
  try {
    return await fn(pixels);
  } finally {
    if (owned) pixels.dispose();
  }
}

function loadError(model: PoseModelName, url: PoseDetectorConfig['modelUrl'], e: unknown): ModelLoadError {
  const where = typeof url === 'string' ? url : 'the given handler';
  return new ModelLoadError(
    `The ${model} keypoint model could not be loaded from ${where}: ${e instanceof Error ? e.message : String(e)}. ` +
      'Run "npm run models" to copy it into public/models.',
  );
}

async function createPoseNet(c: PoseDetectorConfig): Promise<PoseDetector> {
  const posenet = await import('@tensorflow-models/posenet');
  const url = c.modelUrl ?? POSE_MODELS.posenet.url;
  let net: Awaited<ReturnType<typeof posenet.load>>;
  try {
    net = await posenet.load({
      architecture: 'MobileNetV1',
      outputStride: 16,
      inputResolution: c.inputResolution,
      multiplier: 0.75,
      // posenet passes modelUrl straight to tf.loadGraphModel, which also takes an IOHandler.
      modelUrl: url as string,
    });
  } catch (e) {
    throw loadError('posenet', url, e);
  }
  let disposed = false;
  return {
    model: 'posenet',
    config: Object.freeze({ ...c }),
    estimatePoses(input: PoseInput, options: EstimateOptions = {}) {
      const flipHorizontal = options.flipHorizontal ?? false;
      return withPixels(input, async (img) => {
        if (c.multiPose) {
          const poses = await net.estimateMultiplePoses(img, {
            flipHorizontal,
            maxDetections: c.maxPoses,
            scoreThreshold: 0.1,
            nmsRadius: 20,
          });
          return poses.map((p) =>
            toPose(
              p.keypoints.map((k) => ({ ...k.position, score: k.score })),
              p.score,
            ),
          );
        }
        const p = await net.estimateSinglePose(img, { flipHorizontal });
        return [
          toPose(
            p.keypoints.map((k) => ({ ...k.position, score: k.score })),
            p.score,
          ),
        ];
      });
    },
    reset() {
      // PoseNet keeps nothing between frames.
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      net.dispose();
    },
  };
}

async function createMoveNet(c: PoseDetectorConfig): Promise<PoseDetector> {
  const pd = await import('@tensorflow-models/pose-detection');
  const info = POSE_MODELS[c.model];
  const url = c.modelUrl ?? info.url;
  const modelType =
    c.model === 'movenet-thunder'
      ? pd.movenet.modelType.SINGLEPOSE_THUNDER
      : pd.movenet.modelType.SINGLEPOSE_LIGHTNING;
  let detector: Awaited<ReturnType<typeof pd.createDetector>>;
  try {
    detector = await pd.createDetector(pd.SupportedModels.MoveNet, {
      modelType,
      modelUrl: url,
      enableSmoothing: c.smoothing,
    });
  } catch (e) {
    throw loadError(c.model, url, e);
  }
  let disposed = false;
  return {
    model: c.model,
    config: Object.freeze({ ...c }),
    estimatePoses(input: PoseInput, options: EstimateOptions = {}) {
      return withPixels(input, async (img) => {
        const poses = await detector.estimatePoses(
          img,
          { flipHorizontal: options.flipHorizontal ?? false, maxPoses: 1 },
          options.timestamp,
        );
        return poses.map((p) => toPose(p.keypoints, p.score));
      });
    },
    reset() {
      // MoveNet follows the person with a crop region and smooths keypoints across frames.
      detector.reset();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      detector.dispose();
    },
  };
}

/**
 * Loads a keypoint model and returns a ready detector (after one warm-up prediction unless
 * `warmUp: false`). The caller owns it and calls `dispose()`.
 * @throws ConfigError for a bad option, ModelLoadError when the weights cannot be loaded.
 */
export async function createPoseDetector(
  config: Partial<PoseDetectorConfig> = {},
  options: { onProgress?: (fraction: number) => void } = {},
): Promise<PoseDetector> {
  const c = resolvePoseDetectorConfig(config);
  if (options.onProgress) {
    // Download progress through tf.io.http; both model packages pass modelUrl to tf.loadGraphModel.
    const url = c.modelUrl ?? POSE_MODELS[c.model].url;
    if (typeof url === 'string') c.modelUrl = tf.io.http(url, { onProgress: options.onProgress });
  }
  const detector = c.model === 'posenet' ? await createPoseNet(c) : await createMoveNet(c);
  if (c.warmUp) {
    const size = c.model === 'posenet' ? c.inputResolution : POSE_MODELS[c.model].inputSize;
    const blank = tf.zeros([size, size, 3], 'int32') as tf.Tensor3D;
    try {
      await detector.estimatePoses(blank);
    } finally {
      blank.dispose();
      detector.reset();
    }
  }
  return detector;
}
