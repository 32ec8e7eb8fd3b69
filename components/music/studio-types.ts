// Types and small helpers shared by the Music studio's hooks and panels.
import type { Clip } from '@/lib/music';

/** A stored clip may also remember where its continuation starts. */
export type StudioClip = Clip & { continuesAt?: number };

/** What the studio is busy with (one task at a time), for the progress bar. */
export interface Busy {
  label: string;
  done: number;
  total: number;
}

/** A message shown under the studio's main actions. */
export interface StudioMessage {
  kind: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

/** Safe file name from a clip name. */
export function fileName(name: string): string {
  return `${name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'clip'}.mid`;
}

/** Lets the progress paint before a model takes the main thread. */
export function yieldToPaint(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}
