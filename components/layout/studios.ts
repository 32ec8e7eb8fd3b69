// The studios shown on the home page and in the navigation. `ready` is true once a studio is built.
import type { MessageKey } from '@/lib/i18n';

/** One studio card. */
export interface StudioInfo {
  id: 'image' | 'pose' | 'sound' | 'digits' | 'dream' | 'music' | 'lab';
  href: string;
  title: MessageKey;
  desc: MessageKey;
  /** Tailwind classes for the card's picture background. */
  tint: string;
  ready: boolean;
}

/** All studios, in the order the home page shows them. */
export const STUDIOS: readonly StudioInfo[] = [
  {
    id: 'image',
    href: '/image/',
    title: 'studio.image.title',
    desc: 'studio.image.desc',
    tint: 'from-sky-400 to-indigo-500',
    ready: true,
  },
  {
    id: 'pose',
    href: '/pose/',
    title: 'studio.pose.title',
    desc: 'studio.pose.desc',
    tint: 'from-emerald-400 to-teal-600',
    ready: true,
  },
  {
    id: 'sound',
    href: '/sound/',
    title: 'studio.sound.title',
    desc: 'studio.sound.desc',
    tint: 'from-amber-400 to-orange-600',
    ready: true,
  },
  {
    id: 'digits',
    href: '/digits/',
    title: 'studio.digits.title',
    desc: 'studio.digits.desc',
    tint: 'from-fuchsia-400 to-purple-600',
    ready: true,
  },
  {
    id: 'dream',
    href: '/dream/',
    title: 'studio.dream.title',
    desc: 'studio.dream.desc',
    tint: 'from-pink-400 to-rose-600',
    ready: true,
  },
  {
    id: 'music',
    href: '/music/',
    title: 'studio.music.title',
    desc: 'studio.music.desc',
    tint: 'from-lime-400 to-green-600',
    ready: true,
  },
  {
    id: 'lab',
    href: '/lab/',
    title: 'studio.lab.title',
    desc: 'studio.lab.desc',
    tint: 'from-slate-400 to-slate-700',
    ready: true,
  },
];
