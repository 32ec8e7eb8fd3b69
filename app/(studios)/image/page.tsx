// The Image studio route: a thin server shell; the studio itself loads in the browser after mount.
import type { Metadata } from 'next';

import { ImageStudioShell } from '@/components/image/image-studio-shell';

export const metadata: Metadata = {
  title: 'Image studio',
  description:
    'Teach the computer with your webcam: collect examples, train in seconds, see live predictions. Offline and private.',
};

export default function ImagePage() {
  return <ImageStudioShell />;
}
