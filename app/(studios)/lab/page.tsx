// Neural network lab route: a thin server shell; everything interactive loads in the browser.
import type { Metadata } from 'next';

import { LabHeader } from '@/components/lab/lab-header';
import { LabLoader } from '@/components/lab/lab-loader';

export const metadata: Metadata = {
  title: 'Neural network lab',
  description:
    'Playground, sequence forecasting and autoencoders: watch small neural networks learn in your browser.',
};

export default function LabPage() {
  return (
    <div className="space-y-4">
      <LabHeader />
      <LabLoader />
    </div>
  );
}
