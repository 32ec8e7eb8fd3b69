// Simple line pictures for the studio cards (inline SVG: no image requests, sharp at any size).
import type { StudioInfo } from './studios';

const PATHS: Record<StudioInfo['id'], React.ReactNode> = {
  image: (
    <>
      <rect x="10" y="18" width="44" height="32" rx="6" />
      <circle cx="32" cy="34" r="9" />
      <circle cx="32" cy="34" r="3.5" fill="currentColor" />
      <path d="M24 18l4-6h8l4 6" />
    </>
  ),
  pose: (
    <>
      <circle cx="32" cy="12" r="5" />
      <path d="M32 17v18M32 22l-12 8M32 22l12-8M32 35l-9 17M32 35l9 17" />
      <circle cx="20" cy="30" r="2" fill="currentColor" />
      <circle cx="44" cy="14" r="2" fill="currentColor" />
      <circle cx="23" cy="52" r="2" fill="currentColor" />
      <circle cx="41" cy="52" r="2" fill="currentColor" />
    </>
  ),
  sound: (
    <>
      <path d="M8 32h6l4-12 6 26 6-34 6 30 5-18 4 8h11" />
    </>
  ),
  digits: (
    <>
      <rect x="12" y="10" width="40" height="44" rx="6" />
      <path d="M24 24c2-5 14-5 14 2 0 6-14 12-14 18h16" />
    </>
  ),
  dream: (
    <>
      <path d="M32 10c10 6 14 16 6 22s-20 2-18-8 12-10 16-4" />
      <circle cx="18" cy="46" r="6" />
      <circle cx="44" cy="46" r="4" />
      <path d="M10 54c8-4 36-4 44 0" />
    </>
  ),
  music: (
    <>
      <path d="M24 46V16l24-6v30" />
      <circle cx="19" cy="46" r="5" />
      <circle cx="43" cy="40" r="5" />
      <path d="M24 24l24-6" />
    </>
  ),
  lab: (
    <>
      <circle cx="14" cy="20" r="4" />
      <circle cx="14" cy="44" r="4" />
      <circle cx="32" cy="14" r="4" />
      <circle cx="32" cy="32" r="4" />
      <circle cx="32" cy="50" r="4" />
      <circle cx="50" cy="32" r="4" />
      <path d="M18 20l10-6M18 20l10 12M18 20l10 30M18 44l10-30M18 44l10-12M18 44l10 6M36 14l10 18M36 32h10M36 50l10-18" />
    </>
  ),
};

/** The picture for a studio card. Decorative: the card's title names it. */
export function StudioIcon({ id, className }: { id: StudioInfo['id']; className?: string }) {
  return (
    <svg
      viewBox="0 0 64 64"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={3}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {PATHS[id]}
    </svg>
  );
}
