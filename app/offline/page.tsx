// The offline page: the service worker serves it for pages it does not hold while there is no network.
import type { Metadata } from 'next';

import { OfflinePage } from '@/components/offline/offline-page';

export const metadata: Metadata = { title: 'Offline', robots: { index: false } };

export default function Offline() {
  return <OfflinePage />;
}
