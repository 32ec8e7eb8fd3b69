// The one class-colour palette: teachable classes and confidence bars use these, in order. (The
// Playground keeps TF Playground's own orange/blue scale in components/lab/colors.ts.)

/** Class colours as CSS hex (indigo, amber, emerald, …), each readable beside dark text labels. */
export const CLASS_COLORS: readonly string[] = [
  '#6366f1',
  '#f59e0b',
  '#10b981',
  '#ec4899',
  '#0ea5e9',
  '#84cc16',
  '#ef4444',
  '#8b5cf6',
  '#14b8a6',
  '#f97316',
];

/** A neutral slate for a "background" class that is not one of the user's own (Sound studio). */
export const NEUTRAL_CLASS_COLOR = '#64748b';

/** The colour of class `i` (wraps around). */
export function classColor(i: number): string {
  return CLASS_COLORS[((i % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}

/** `#rrggbb` → [r, g, b] (0–255), for canvas pixel work. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
