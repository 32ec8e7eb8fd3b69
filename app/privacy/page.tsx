// Privacy: what runs where, in plain words, and a button that deletes local data.
import type { Metadata } from 'next';

import { PrivacyContent } from '@/components/layout/privacy-content';

export const metadata: Metadata = { title: 'Privacy' };

export default function PrivacyPage() {
  return <PrivacyContent />;
}
