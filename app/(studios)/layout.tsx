// Around every studio: the studio itself, then "Make available offline" for it.
import { StudioOffline } from '@/components/offline/studio-offline';

export default function StudiosLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {children}
      <StudioOffline />
    </>
  );
}
