'use client';
// One tab at a time per studio: a Web Lock named after the project's storage key (or the studio's
// name). The first tab holds it while open; a second tab of the same studio is told the project is
// open elsewhere and does not save, so two tabs never silently overwrite each other's work.
import { useEffect, useState } from 'react';

/** Whether this tab may save the project: 'pending' until the lock answers. */
export type ProjectLockState = 'pending' | 'owner' | 'elsewhere';

/** Prefix of the lock names (one per storage key). */
export const PROJECT_LOCK_PREFIX = 'cais.project.';

/** Holds the lock for `key` while mounted. Browsers without Web Locks are always 'owner'. */
export function useProjectLock(key: string): ProjectLockState {
  const [state, setState] = useState<ProjectLockState>('pending');
  useEffect(() => {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks) {
      setState('owner');
      return;
    }
    let alive = true;
    let release: (() => void) | null = null;
    let retry: number | undefined;
    const attempt = (tries: number) =>
      locks
        .request(`${PROJECT_LOCK_PREFIX}${key}`, { ifAvailable: true }, (lock) => {
          if (!alive) return undefined;
          if (!lock) {
            // A quick remount (React's double effect) or the page this one replaced (a reload) may
            // still hold it for a moment: ask again for about 3 s before saying it is elsewhere.
            if (tries > 0) retry = window.setTimeout(() => void attempt(tries - 1), 400);
            else setState('elsewhere');
            return undefined;
          }
          setState('owner');
          return new Promise<void>((resolve) => {
            release = resolve;
          });
        })
        .catch(() => alive && setState('owner'));
    void attempt(8);
    return () => {
      alive = false;
      window.clearTimeout(retry);
      release?.();
    };
  }, [key]);
  return state;
}
