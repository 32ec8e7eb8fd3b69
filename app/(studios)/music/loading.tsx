// Shown while the Digits route loads.
import { StudioLoading } from '@/components/layout/studio-loading';

export default function Loading() {
  return <StudioLoading />;
}
