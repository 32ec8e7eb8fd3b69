'use client';
// One lock for a whole studio (Music, Digits, Dream, the Neural network lab): <StudioLock> holds it
// while the studio is open, every part that saves asks useCanSave() first, and <OpenElsewhereNote>
// tells a second tab that its changes are not saved.
import { createContext, useContext, type ReactNode } from 'react';

import { useT } from '@/components/i18n/i18n-provider';
import { Alert } from '@/components/ui';

import { useProjectLock, type ProjectLockState } from './use-project-lock';

// Outside a <StudioLock> (a unit test, a part used alone) a part saves as it always did.
const StudioLockContext = createContext<ProjectLockState>('owner');

/** Holds the studio's lock (`name`, e.g. "music") for everything inside it. */
export function StudioLock({ name, children }: { name: string; children: ReactNode }) {
  const state = useProjectLock(name);
  return <StudioLockContext.Provider value={state}>{children}</StudioLockContext.Provider>;
}

/** The lock state of the studio around this component. */
export function useStudioLock(): ProjectLockState {
  return useContext(StudioLockContext);
}

/**
 * True only once this tab holds the studio's lock. A save held back while the lock is 'pending'
 * should run again when this turns true (put it in the effect's dependencies); in a second tab it
 * never does, so that tab never overwrites the first tab's work.
 */
export function useCanSave(): boolean {
  return useStudioLock() === 'owner';
}

/**
 * "This studio is open in another tab…" when another tab holds the lock: `show` for a lock held
 * elsewhere (useProjectLock), or the surrounding <StudioLock> when omitted.
 */
export function OpenElsewhereNote({ show }: { show?: boolean }) {
  const t = useT();
  const state = useStudioLock();
  if (!(show ?? state === 'elsewhere')) return null;
  return (
    <Alert kind="warning">
      <span data-testid="open-elsewhere">{t('files.openElsewhere')}</span>
    </Alert>
  );
}
