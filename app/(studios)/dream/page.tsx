// Dream & style studio route: deep dream and neural style transfer, computed in the browser.
import type { Metadata } from 'next';

import { DreamStudioLoader } from '@/components/dream/dream-studio-loader';

export const metadata: Metadata = { title: 'Dream & style studio' };

export default function DreamPage() {
  return <DreamStudioLoader />;
}
