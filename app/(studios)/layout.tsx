// Around every studio: the lesson link's notes on top; the studio; then "Share this setup" and
// "Make available offline" for it.
import { LessonBar } from '@/components/lesson/lesson-bar';
import { ShareSetup } from '@/components/lesson/share-setup';
import { StudioOffline } from '@/components/offline/studio-offline';

export default function StudiosLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <LessonBar />
      {children}
      <div className="mt-10 space-y-4">
        <ShareSetup />
        <StudioOffline />
      </div>
    </>
  );
}
