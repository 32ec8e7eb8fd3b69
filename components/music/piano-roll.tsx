// PianoRoll: draws notes as bars on a pitch × time grid (SVG) where they are played (micro-timing offsets),
// darker when louder, with an optional playhead.
import type { Note } from '@/lib/music';

/** Props for {@link PianoRoll}. */
export interface PianoRollProps {
  notes: readonly Note[];
  /** Length of the clip in sixteenth-note steps. */
  totalSteps: number;
  /** Step being played, or null. */
  playhead?: number | null;
  /** Step where a continuation starts (drawn as a dashed line), or null. */
  marker?: number | null;
  /** Accessible description, e.g. "12 notes in 2 bars". */
  label: string;
  height?: number;
  testId?: string;
  /** Steps per bar line (16 in 4/4, 12 in 3/4 and 6/8). */
  stepsPerBar?: number;
}

/** A read-only piano roll. Bar lines every 16 steps, C rows tinted so octaves are easy to find. */
export function PianoRoll({
  notes,
  totalSteps,
  playhead = null,
  marker = null,
  label,
  height = 160,
  testId,
  stepsPerBar: BAR = 16,
}: PianoRollProps) {
  const steps = Math.max(totalSteps, 1);
  const pitches = notes.map((n) => n.pitch);
  const lo = pitches.length ? Math.min(...pitches) - 2 : 58;
  const hi = pitches.length ? Math.max(...pitches) + 2 : 74;
  const rows = hi - lo + 1;
  const W = 1000;
  const rowH = height / rows;
  const x = (s: number) => (s / steps) * W;
  const y = (p: number) => (hi - p) * rowH;
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid={testId}
      data-notes={notes.length}
      viewBox={`0 0 ${W} ${height}`}
      preserveAspectRatio="none"
      className="w-full rounded-lg border border-slate-200 bg-white"
      style={{ height }}
    >
      {Array.from({ length: rows }, (_, i) => hi - i)
        .filter((p) => p % 12 === 0)
        .map((p) => (
          <rect key={`c${p}`} x={0} y={y(p)} width={W} height={rowH} className="fill-slate-100" />
        ))}
      {Array.from({ length: Math.floor(steps / BAR) + 1 }, (_, b) => (
        <line
          key={`b${b}`}
          x1={x(b * BAR)}
          x2={x(b * BAR)}
          y1={0}
          y2={height}
          className="stroke-slate-300"
          strokeWidth={1}
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {marker != null && (
        <line
          x1={x(marker)}
          x2={x(marker)}
          y1={0}
          y2={height}
          className="stroke-amber-500"
          strokeDasharray="4 3"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
      )}
      {notes.map((n, i) => (
        <rect
          key={i}
          // Drawn where it is played: a micro-timing offset moves the note off the grid.
          x={x(n.quantizedStartStep + (n.offset ?? 0))}
          y={y(n.pitch)}
          width={Math.max(x(n.quantizedEndStep) - x(n.quantizedStartStep) - 1, 2)}
          height={Math.max(rowH - 1, 1)}
          rx={2}
          // Louder notes are darker (velocity 1–127; notes without one count as 100).
          fillOpacity={0.3 + (0.7 * Math.min(127, Math.max(1, n.velocity ?? 100))) / 127}
          className={n.isDrum ? 'fill-orange-500' : 'fill-indigo-500'}
        />
      ))}
      {playhead != null && (
        <line
          x1={x(playhead)}
          x2={x(playhead)}
          y1={0}
          y2={height}
          className="stroke-rose-600"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
