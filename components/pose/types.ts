// Types shared by the Pose studio's components.
import type { Pose } from '@/lib/pose';

/** One analysed frame: the poses found and the picture they were found in. */
export interface PoseFrame {
  poses: Pose[];
  /** The picture (video element, image) the poses were found in, at `width` × `height`. */
  source: HTMLVideoElement | HTMLImageElement;
  width: number;
  height: number;
  /** Whether the view is shown mirrored. */
  mirrored: boolean;
  /** True for a live source (camera or playing video), false for a still photo. */
  live: boolean;
}

/** Subscribes to analysed frames; returns the unsubscribe function. */
export type SubscribeFrames = (listener: (frame: PoseFrame) => void) => () => void;
