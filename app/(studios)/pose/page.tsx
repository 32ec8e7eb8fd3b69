// The Pose studio route: a thin server shell; the studio itself loads in the browser after mount.
import type { Metadata } from 'next';

import { PoseStudioShell } from '@/components/pose/pose-studio-shell';

export const metadata: Metadata = {
  title: 'Pose studio',
  description:
    'See your skeleton on camera with PoseNet and MoveNet, and teach the computer your own poses. Offline and private.',
};

export default function PosePage() {
  return <PoseStudioShell />;
}
