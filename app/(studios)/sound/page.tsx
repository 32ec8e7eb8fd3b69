// The Sound studio route: a thin server shell; the studio itself loads in the browser after mount.
import type { Metadata } from 'next';

import { SoundStudioShell } from '@/components/sound/sound-studio-shell';

export const metadata: Metadata = {
  title: 'Sound studio',
  description:
    'Teach the computer sounds from your microphone or from files, train in the browser, recognise them live. Offline and private.',
};

export default function SoundPage() {
  return <SoundStudioShell />;
}
