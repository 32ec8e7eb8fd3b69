// 404 page.
import Link from 'next/link';

import { T } from '@/components/i18n/i18n-provider';

export default function NotFound() {
  return (
    <div className="space-y-4 py-16 text-center">
      <p className="text-xl">
        <T k="error.notFound" />
      </p>
      <Link href="/" className="text-indigo-700 underline">
        <T k="nav.home" />
      </Link>
    </div>
  );
}
