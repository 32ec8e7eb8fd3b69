'use client';
// The studio's own "Make available offline" panel, picked from the address (/digits/ → digits).
import { usePathname } from 'next/navigation';

import { OFFLINE_STUDIOS, type OfflineStudioId } from '@/lib/offline';

import { OfflineButton } from './offline-button';

/** The offline panel of the studio at the current address, or nothing elsewhere. */
export function StudioOffline() {
  const first = usePathname().split('/').filter(Boolean)[0];
  const studio = OFFLINE_STUDIOS.find((s) => s === first) as OfflineStudioId | undefined;
  if (!studio) return null;
  return (
    <div data-lesson-panel="offline">
      <OfflineButton studio={studio} />
    </div>
  );
}
