// Digits studio: draw a digit, watch a network read it, then train your own.
import type { Metadata } from 'next';

import { DigitsStudioLoader } from '@/components/digits/digits-studio-loader';

export const metadata: Metadata = { title: 'Digits' };

export default function DigitsPage() {
  return <DigitsStudioLoader />;
}
