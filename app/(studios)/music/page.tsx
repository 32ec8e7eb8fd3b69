// Music studio: generate melodies and drum beats, continue a tune, play it and save it as MIDI.
import type { Metadata } from 'next';

import { MusicStudioLoader } from '@/components/music/music-studio-loader';

export const metadata: Metadata = { title: 'Music' };

export default function MusicPage() {
  return <MusicStudioLoader />;
}
