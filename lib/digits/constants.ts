// Constants for the digit networks.
import type { DigitNetConfig } from './types';

/** MNIST images are 28×28 grey pixels. */
export const MNIST_SIDE = 28;
/** Pixels per MNIST image. */
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
/** Class labels in output order (the shipped models' labels). */
export { DIGIT_LABELS } from '../pretrained/digits/constants';
/** Default network: the lesson's MLP 784-200-10. */
export const DEFAULT_DIGIT_NET_CONFIG: Readonly<DigitNetConfig> = Object.freeze({
  kind: 'mlp',
  hidden: 200,
  filters: 16,
  seed: 1,
});
/**
 * Below this top probability the studio says "I'm not sure" for a network trained in the browser; the
 * shipped models use their measured thresholds (`digitCalibration`).
 */
export const UNSURE_THRESHOLD = 0.6;
