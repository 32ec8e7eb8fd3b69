// Root layout: header, main content and footer around every page. No external fonts or scripts.
import type { Metadata, Viewport } from 'next';

import { Footer } from '@/components/layout/footer';
import { Header } from '@/components/layout/header';
import { LocaleScript } from '@/components/layout/locale-script';
import { Providers } from '@/components/layout/providers';
import { PwaHead } from '@/components/offline/pwa-head';

// Korean glyphs from our own origin (OFL); unicode-range subsets load only when a page needs them.
import '@fontsource-variable/noto-sans-kr';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Creative AI Studio', template: '%s · Creative AI Studio' },
  description:
    'Real machine learning in your browser, offline and private: teach, draw, dream and make music.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#4f46e5' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <LocaleScript />
        <Providers>
          <PwaHead />
          <Header />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
          <Footer />
        </Providers>
      </body>
    </html>
  );
}
