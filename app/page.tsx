// Home: the studios as cards.
import { HomeIntro } from '@/components/layout/home-intro';
import { StartHere } from '@/components/layout/start-here';
import { StudioCards } from '@/components/layout/studio-cards';
import { OfflineButton } from '@/components/offline/offline-button';

export default function HomePage() {
  return (
    <div className="space-y-8">
      <HomeIntro />
      <StartHere />
      <StudioCards />
      <OfflineButton />
    </div>
  );
}
